package io.chatapp.it.faults;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recipient of a stanza flood: counts the flood's messages ({@code flood N}) that reach it, and notices the
 * flooder's one message at a normal pace afterwards ({@link #AFTER}).
 */
final class FloodSink {

    /** The body of the message the flooder sends once it is back at a normal pace. */
    static final String AFTER = "flood after";

    private final AtomicLong delivered = new AtomicLong();
    private final CountDownLatch servedAgain = new CountDownLatch(1);
    private volatile long lastDeliveredAtNanos = System.nanoTime();

    /** Listens on {@code sink}'s stanzas. */
    FloodSink(LightXmppClient sink) {
        sink.onStanza(stanza -> {
            String body = LightXmppClient.body(stanza);
            if (stanza.startsWith("<message") && AFTER.equals(body)) {
                servedAgain.countDown();
            } else if (stanza.startsWith("<message") && body != null && body.startsWith("flood ")) {
                delivered.incrementAndGet();
                lastDeliveredAtNanos = System.nanoTime();
            }
        });
    }

    /** The flood's messages delivered so far. */
    long delivered() {
        return delivered.get();
    }

    /** {@link System#nanoTime()} when the last of the flood's messages arrived (or the sink was made). */
    long lastDeliveredAtNanos() {
        return lastDeliveredAtNanos;
    }

    /** Whether the message sent at a normal pace after the flood arrived within the time. */
    boolean servedAgainWithin(long seconds) throws InterruptedException {
        return servedAgain.await(seconds, TimeUnit.SECONDS);
    }
}
