package io.chatapp.plugin.archive;

import java.util.List;

/**
 * One page of a user's archive.
 *
 * @param messages the messages, always in ascending id order (also when paging backwards)
 * @param complete true when no further message lies beyond this page in the direction of paging
 */
public record ArchivePage(List<ArchivedMessage> messages, boolean complete) {

    public ArchivePage {
        messages = List.copyOf(messages);
    }
}
