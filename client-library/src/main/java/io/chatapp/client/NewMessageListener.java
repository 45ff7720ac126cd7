package io.chatapp.client;

/** Hears a new message from someone else, with its chat's unread count: what an app turns into an alert. */
@FunctionalInterface
public interface NewMessageListener {

    /**
     * @param chat    the peer's bare address
     * @param unread  unread messages in that chat now, this one included
     * @param message the message
     */
    void onNewMessage(String chat, int unread, ChatMessage message);
}
