package io.chatapp.client;

/**
 * Hears this device entering a group's room or this account leaving a group ({@link GroupChat#onJoined},
 * {@link GroupChat#onLeft}). Called on the client's event thread, in arrival order.
 */
@FunctionalInterface
public interface GroupRoomListener {

    /** @param room the group's address */
    void onRoom(String room);
}
