package io.chatapp.client;

import java.time.Instant;

/**
 * A one-to-one message: received by this account, or sent by another of its devices ({@link #outgoing()}), live,
 * from offline storage or from the archive.
 *
 * @param id         the sender's message id (may be empty for messages from clients that set none); receipts and
 *                   read markers refer to it
 * @param from       the sender's bare address, e.g. {@code alice@example.org}
 * @param fromDevice the resource of the sender's device, or empty
 * @param to         the recipient's bare address (this account, unless {@link #outgoing()})
 * @param body       the text (empty for a {@link #retracted()} message)
 * @param sentAt     when the server received it (for messages stored offline or archived) or when it arrived here
 * @param delayed    true when the message was stored while this account was offline, or comes from the archive
 * @param archiveId  the server's archive id for this account (XEP-0359 {@code stanza-id} by this account's bare
 *                   address), or null when the server gave none; the cursor of {@link History}
 * @param originId   the sender's XEP-0359 {@code origin-id} (the same as {@link #id()} for messages sent by this
 *                   library), or null
 * @param outgoing   true when this account sent it, from another device (a carbon copy or an archived message)
 * @param retracted  true when the sender retracted it (an archive tombstone: the body is gone)
 * @param media      the file this message shares (XEP-0066 link, with XEP-0446 metadata when the sender gave it),
 *                   or null for a text; the body then holds the download URL, for clients that show only text
 */
public record ChatMessage(String id, String from, String fromDevice, String to, String body, Instant sentAt,
                          boolean delayed, String archiveId, String originId, boolean outgoing, boolean retracted,
                          MediaAttachment media) {

    /** A text (no media). */
    public ChatMessage(String id, String from, String fromDevice, String to, String body, Instant sentAt,
                       boolean delayed, String archiveId, String originId, boolean outgoing, boolean retracted) {
        this(id, from, fromDevice, to, body, sentAt, delayed, archiveId, originId, outgoing, retracted, null);
    }

    /** A received message without archive information, as earlier versions of this library made them. */
    public ChatMessage(String id, String from, String fromDevice, String to, String body, Instant sentAt,
                       boolean delayed) {
        this(id, from, fromDevice, to, body, sentAt, delayed, null, null, false, false, null);
    }

    /** True when the message shares a file ({@link #media()}). */
    public boolean hasMedia() {
        return media != null;
    }

    /** The other party of the conversation: the recipient of an outgoing message, else the sender. */
    public String peer() {
        return outgoing ? to : from;
    }
}
