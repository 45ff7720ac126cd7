package io.chatapp.client;

import java.util.Map;

/**
 * Hears what an app turns into alerts ({@link Notifications#addListener}). After each login (a new session, not a
 * resumed stream) the events come in this order, each once: the messages that arrived while this device was away
 * ({@link #onNewMessage}, oldest first), then the missed calls not yet marked seen ({@link #onMissedCall}, oldest
 * first), then the unread count of every chat ({@link #onUnreadCounts}); live events follow. Every method has an
 * empty default: implement those you need.
 */
public interface NotificationListener {

    /**
     * A new message from someone else in a one-to-one chat.
     *
     * @param chat    the peer's bare address
     * @param unread  unread messages in that chat now, this one included
     * @param message the message
     */
    default void onNewMessage(String chat, int unread, ChatMessage message) {
    }

    /**
     * A new message from another member of a group, live (history fetched when entering a group is not news: the
     * login's {@link #onUnreadCounts} counts what arrived meanwhile).
     *
     * @param room    the group's address
     * @param unread  unread messages of that group now, this one included
     * @param message the message
     */
    default void onNewGroupMessage(String room, int unread, GroupMessage message) {
    }

    /** A call this account missed and has not marked seen ({@link CallLog#markMissedSeen()}): told once per client. */
    default void onMissedCall(CallLogEntry call) {
    }

    /**
     * The server's unread count of every chat with unread messages (contacts' and groups' bare addresses), after a
     * login, once the messages and missed calls of that login were told; the client's counts start from these.
     */
    default void onUnreadCounts(Map<String, Integer> unread) {
    }
}
