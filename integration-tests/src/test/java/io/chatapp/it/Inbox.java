package io.chatapp.it;

import io.chatapp.client.ChatMessage;
import io.chatapp.client.PresenceUpdate;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Collects what a client receives, so a test can wait for the next event with a deadline. */
final class Inbox<T> {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<T> received = new LinkedBlockingQueue<>();

    void add(T item) {
        received.add(item);
    }

    /** The next item matching the condition, skipping others; fails the test when none comes in time. */
    T next(Predicate<T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            T item = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (item == null) {
                throw new AssertionError("Nothing matching arrived within " + WAIT.toSeconds() + " s");
            }
            if (condition.test(item)) {
                return item;
            }
        }
    }

    T next() throws InterruptedException {
        return next(item -> true);
    }

    static Inbox<ChatMessage> messages(io.chatapp.client.ChatClient client) {
        Inbox<ChatMessage> inbox = new Inbox<>();
        client.onMessage(inbox::add);
        return inbox;
    }

    static Inbox<PresenceUpdate> presences(io.chatapp.client.ChatClient client) {
        Inbox<PresenceUpdate> inbox = new Inbox<>();
        client.onPresence(inbox::add);
        return inbox;
    }

    /**
     * Everything a client's group listeners hear: GroupMessage, GroupEvent, GroupRemoval, and "joined:"/"left:" +
     * room.
     */
    static Inbox<Object> groups(io.chatapp.client.ChatClient client) {
        Inbox<Object> inbox = new Inbox<>();
        client.groupChat().onMessage(inbox::add);
        client.groupChat().onEvent(inbox::add);
        client.groupChat().onRemoval(inbox::add);
        client.groupChat().onJoined(room -> inbox.add("joined:" + room));
        client.groupChat().onLeft(room -> inbox.add("left:" + room));
        return inbox;
    }
}
