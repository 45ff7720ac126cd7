package io.chatapp.client.internal;

import java.util.List;

/**
 * One page of archive results (XEP-0313 with XEP-0059 paging), of this account's archive or of a group's.
 *
 * @param messages      the results, oldest first
 * @param complete      true when the archive has nothing beyond this page in the direction asked
 * @param lastArchiveId the archive id of the page's last result (where the next page starts), or null
 */
public record ArchivePage<T>(List<T> messages, boolean complete, String lastArchiveId) {

    public ArchivePage {
        messages = List.copyOf(messages);
    }
}
