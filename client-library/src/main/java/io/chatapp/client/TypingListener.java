package io.chatapp.client;

/** Hears the typing state of the people this account talks to. Called on the client's event thread. */
@FunctionalInterface
public interface TypingListener {

    /**
     * @param from  the bare address of the person typing
     * @param state what they are doing
     */
    void onTyping(String from, TypingState state);
}
