package io.chatapp.client;

/** Receives presence changes of contacts. Called on the client's event thread, in arrival order. */
@FunctionalInterface
public interface PresenceListener {

    void onPresence(PresenceUpdate update);
}
