package io.chatapp.client;

/**
 * Hears the messages of this account's groups ({@link GroupChat#onMessage}), each once, live or from a group's
 * archive after entering it; this account's own included, as the room echoes them. Called on the client's event
 * thread, in arrival order.
 */
@FunctionalInterface
public interface GroupMessageListener {

    void onGroupMessage(GroupMessage message);
}
