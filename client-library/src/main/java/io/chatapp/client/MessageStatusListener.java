package io.chatapp.client;

/** Hears about the status of messages this account sent. Called on the client's event thread. */
@FunctionalInterface
public interface MessageStatusListener {

    /**
     * @param messageId the message's id (as {@link ChatClient#sendMessage} returned it)
     * @param peer      the recipient's bare address
     * @param status    the new status, always later than the one reported before for this message
     */
    void onStatus(String messageId, String peer, MessageStatus status);
}
