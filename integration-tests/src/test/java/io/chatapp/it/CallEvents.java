package io.chatapp.it;

import io.chatapp.client.CallEvent;
import io.chatapp.client.ChatClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects a client's call events for a test to wait on, in order. */
final class CallEvents {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();
    private final List<CallEvent> seen = java.util.Collections.synchronizedList(new ArrayList<>());

    private CallEvents(ChatClient client) {
        client.calls().onCallEvent(event -> {
            seen.add(event);
            events.add(event);
        });
    }

    static CallEvents of(ChatClient client) {
        return new CallEvents(client);
    }

    /** The next event of the type; earlier events of other types are passed over. */
    <E extends CallEvent> E next(Class<E> type) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            CallEvent event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("No " + type.getSimpleName() + " within " + TIMEOUT + "; saw " + seen);
            }
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }

    /** Every event so far. */
    List<CallEvent> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }
}
