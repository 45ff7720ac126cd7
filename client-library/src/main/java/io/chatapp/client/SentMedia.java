package io.chatapp.client;

/**
 * A media message sent by {@link Media#send}.
 *
 * @param messageId  the message's id (also its XEP-0359 origin-id), which {@link Receipts} statuses and
 *                   {@link Retractions#retract} refer to
 * @param to         the recipient's bare address
 * @param attachment the file as shared: its download URL and the metadata sent with it
 */
public record SentMedia(String messageId, String to, MediaAttachment attachment) {
}
