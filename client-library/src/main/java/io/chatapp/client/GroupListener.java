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
