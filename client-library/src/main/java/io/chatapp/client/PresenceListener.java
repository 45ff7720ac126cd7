package io.chatapp.client;

/**
 * Receives presence changes of contacts, and of this account's other devices (their bare address is this account's).
 * Called on the client's event thread, in arrival order.
 */
@FunctionalInterface
public interface PresenceListener {

    void onPresence(PresenceUpdate update);
}
