package io.chatapp.client;

/**
 * Receives what happens in this account's groups. Called on the client's event thread, one call at a time, in
 * arrival order; implement what you need.
 */
public interface GroupListener {

    /** A message in a group (this account's own included, as the room echoes them). */
    default void message(GroupMessage message) {
    }

    /** A system event of a group. */
    default void event(GroupEvent event) {
    }

    /** This device entered the group's room and receives its messages from now on. */
    default void joined(String room) {
    }

    /** This account is no longer in the group: removed, left, or the group was deleted. */
    default void left(String room) {
    }

    /**
     * Every other member has received the message this account sent to the group (our extension; once per message,
     * while this device is online: otherwise {@link Groups#messageInfo} tells).
     *
     * @param messageId the message's id as sent, or null when the server did not keep one
     * @param archiveId the group archive's id of the message
     */
    default void deliveredToAll(String room, String messageId, String archiveId) {
    }

    /** Every other member has read the message this account sent to the group (as {@link #deliveredToAll}). */
    default void readByAll(String room, String messageId, String archiveId) {
    }

    /** A listener made of one callback per kind (each may be {@code x -> { }}). */
    static GroupListener of(java.util.function.Consumer<GroupMessage> messages,
                            java.util.function.Consumer<GroupEvent> events,
                            java.util.function.Consumer<String> joined, java.util.function.Consumer<String> left) {
        return new GroupListener() {
            @Override
            public void message(GroupMessage message) {
                messages.accept(message);
            }

            @Override
            public void event(GroupEvent event) {
                events.accept(event);
            }

            @Override
            public void joined(String room) {
                joined.accept(room);
            }

            @Override
            public void left(String room) {
                left.accept(room);
            }
        };
    }
}
