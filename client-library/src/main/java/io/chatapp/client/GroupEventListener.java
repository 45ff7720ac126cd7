package io.chatapp.client;

/**
 * Hears the system events of this account's groups ({@link GroupChat#onEvent}): members added, names changed…
 * Each once, live or from a group's archive. Called on the client's event thread, in arrival order.
 */
@FunctionalInterface
public interface GroupEventListener {

    void onGroupEvent(GroupEvent event);
}
