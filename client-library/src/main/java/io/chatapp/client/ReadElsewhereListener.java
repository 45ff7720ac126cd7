package io.chatapp.client;

/**
 * Hears that this account read a conversation on another device: live, from that device's read marker, or at
 * catch-up after a reconnection, from the server's read marks. Called on the client's event thread.
 */
@FunctionalInterface
public interface ReadElsewhereListener {

    /**
     * Everything from {@code peer} up to and including the message named is read.
     *
     * @param peer          the other party's bare address
     * @param upToMessageId the message id the other device marked (live), or null
     * @param upToArchiveId the archive id of that message (at catch-up), or null
     */
    void onReadElsewhere(String peer, String upToMessageId, String upToArchiveId);
}
