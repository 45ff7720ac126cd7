package io.chatapp.client;

/** Receives messages. Called on the client's event thread, one call at a time, in arrival order. */
@FunctionalInterface
public interface MessageListener {

    void onMessage(ChatMessage message);
}
