package io.chatapp.client.internal;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Bounds the stanzas this library has handed to the connection that stream management has not yet acknowledged.
 *
 * <p>Smack 4.4 keeps unacknowledged stanzas in a queue of 1,024 that its writer thread fills with a blocking put.
 * Once it is full the writer stops, its own queue fills, and the reader thread, which must queue an answer to each
 * of the server's ack requests, stops too: the server's acknowledgements are never read, and the connection hangs
 * for good without reporting an error (so no reconnection either). A client that answers a burst of incoming
 * messages with one receipt each reaches that point as soon as more than about a thousand messages are queued
 * for it on the server (the acks come behind them). Keeping the library's own unacknowledged stanzas well below
 * Smack's limit means the writer never blocks.
 *
 * <p>Thread-safe; {@link #acquire} blocks until there is room.
 */
public final class SendWindow {

    private final int capacity;
    private final Set<String> inFlight = new LinkedHashSet<>();

    public SendWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1");
        }
        this.capacity = capacity;
    }

    /**
     * Reserves room for the stanza with that id, waiting up to {@code timeoutMillis} for acknowledgements to make
     * room; false when none came in time.
     */
    public synchronized boolean acquire(String stanzaId, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (inFlight.size() >= capacity && !inFlight.contains(stanzaId)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        inFlight.add(stanzaId);
        return true;
    }

    /** The server acknowledged the stanza (or it was never sent): its room is free. Unknown ids are ignored. */
    public synchronized void release(String stanzaId) {
        if (stanzaId != null && inFlight.remove(stanzaId)) {
            notifyAll();
        }
    }

    /** The stream ended: nothing in flight is acknowledged any more on it (a new stream starts counting afresh). */
    public synchronized void reset() {
        inFlight.clear();
        notifyAll();
    }

    public synchronized int inFlight() {
        return inFlight.size();
    }

    public int capacity() {
        return capacity;
    }
}
