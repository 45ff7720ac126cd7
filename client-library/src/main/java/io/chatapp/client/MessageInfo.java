package io.chatapp.client;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a message this account sent, as the server recorded it (see {@link Receipts#messageInfo}).
 *
 * @param messageId  the id asked about
 * @param archiveId  the message's archive id, or null
 * @param sentAt     when the server received it, or null
 * @param recipients one entry per recipient (one for a one-to-one message)
 */
public record MessageInfo(String messageId, String archiveId, Instant sentAt, List<Recipient> recipients) {

    public MessageInfo {
        recipients = List.copyOf(recipients);
    }

    /**
     * One recipient's progress.
     *
     * @param jid         the recipient's bare address
     * @param deliveredAt when a device of theirs received it, or null
     * @param readAt      when they read it, or null
     */
    public record Recipient(String jid, Instant deliveredAt, Instant readAt) {

        /** The status this recipient's times amount to. */
        public MessageStatus status() {
            if (readAt != null) {
                return MessageStatus.READ;
            }
            return deliveredAt != null ? MessageStatus.DELIVERED : MessageStatus.SENT;
        }
    }
}
