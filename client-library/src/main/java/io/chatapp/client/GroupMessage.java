package io.chatapp.client;

import java.time.Instant;

/**
 * A message in a group.
 *
 * @param room     the group's address
 * @param id       the sender's message id
 * @param from     the sender's bare address (their nickname in the room when the room does not say it)
 * @param body     the text (for a file, its download URL, for clients that show only text)
 * @param sentAt   when it arrived here, or when the server stamped it for a delayed message
 * @param outgoing  true when this account sent it (the room echoes every message to its sender)
 * @param archiveId the group archive's id (XEP-0359 stanza-id by the room), or null when the server gave none
 * @param delayed   true when it comes from the group's archive (sent while this device was not in the group)
 * @param media     the file this message shares (as in {@link ChatMessage#media()}; {@link Media#download} takes
 *                  it), or null for a text
 */
public record GroupMessage(String room, String id, String from, String body, Instant sentAt, boolean outgoing,
                           String archiveId, boolean delayed, MediaAttachment media) {

    /** A text (no media). */
    public GroupMessage(String room, String id, String from, String body, Instant sentAt, boolean outgoing,
                        String archiveId, boolean delayed) {
        this(room, id, from, body, sentAt, outgoing, archiveId, delayed, null);
    }

    /** True when the message shares a file ({@link #media()}). */
    public boolean hasMedia() {
        return media != null;
    }
}
