package io.chatapp.plugin.archive;

import java.util.Objects;

/**
 * A message to archive, as the server first routes it.
 *
 * @param id         its archive id, from {@link MessageArchive#ids()}
 * @param sender     bare JID of the sender
 * @param recipient  bare JID of the recipient
 * @param messageId  the stanza's {@code id} attribute, or null
 * @param originId   its XEP-0359 {@code origin-id}, or null
 * @param stanzaXml  the message as received (without the server's stanza-ids)
 * @param groupSender for a member's message to a group (whose sender and recipient are the room), the member's bare
 *                    JID, which unread counts leave out for that member; null otherwise
 */
public record NewMessage(long id, String sender, String recipient, String messageId, String originId,
                         String stanzaXml, String groupSender) {

    public NewMessage {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(stanzaXml, "stanzaXml");
    }

    /** A one-to-one message, or a room's own event. */
    public NewMessage(long id, String sender, String recipient, String messageId, String originId, String stanzaXml) {
        this(id, sender, recipient, messageId, originId, stanzaXml, null);
    }

    /** What receipts, markers and retractions name this message by: the origin-id if there is one, else the id. */
    public String clientRef() {
        return originId != null ? originId : messageId;
    }
}
