package io.chatapp.plugin.archive;

import java.time.Instant;

/**
 * A message as the archive holds it.
 *
 * @param id          its archive id (also its XEP-0359 stanza-id)
 * @param sender      bare JID of the sender
 * @param recipient   bare JID of the recipient
 * @param messageId   the stanza's {@code id} attribute, or null
 * @param originId    the reference clients name it by: its {@code origin-id}, or its {@code id} when it had no
 *                    origin-id (the archive keeps one reference, {@code client_ref}, not both)
 * @param stanzaXml   the message as received; once retracted null, or for a group message its tombstone stanza
 * @param retractedAt when it was retracted; null if it was not
 */
public record ArchivedMessage(long id, String sender, String recipient, String messageId, String originId,
                              String stanzaXml, Instant retractedAt) {

    /** When the server archived it, from its id. */
    public Instant receivedAt() {
        return ArchiveIds.timeOf(id);
    }

    public boolean retracted() {
        return retractedAt != null;
    }
}
