package io.chatapp.it.faults;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A client logged in over one of the transports a flood test runs on, as {@link TransportFlood} drives it. What is
 * the same over every transport is here: what the server sent (one entry per frame or response), and whether, when
 * and why the session ended.
 */
abstract class FloodingClient implements XmppLogin.Stream, AutoCloseable {

    /** How long one step of a login may take. */
    static final Duration STEP = Duration.ofSeconds(30);

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private volatile long closedAtNanos;

    /** Logs a client in over the transport under test. */
    @FunctionalInterface
    interface Login {
        FloodingClient login(String username, String password) throws Exception;
    }

    /**
     * Sends the stanzas {@code stanzas} gives, as fast as the transport takes them, until it gives null or the server
     * closes the session; returns how many were written.
     */
    abstract long flood(Supplier<String> stanzas) throws Exception;

    @Override
    public abstract void close();

    /** Whether the server closed the session (or the connection failed). */
    final boolean isClosed() {
        return closed.isDone();
    }

    /** {@link System#nanoTime()} when the client saw the session closed. */
    final long closedAtNanos() {
        return closedAtNanos;
    }

    /** What the client saw of the close; null while the session is open. */
    final String closeReason() {
        return closed.getNow(null);
    }

    /** Keeps what the server sent, for {@link #await}. */
    final void received(String text) {
        received.add(text);
    }

    /** Notes that the session ended and why; the first reason counts. */
    final synchronized void closed(String reason) {
        if (!closed.isDone()) {
            closedAtNanos = System.nanoTime();
            closed.complete(reason);
        }
    }

    @Override
    public final String await(String marker) throws Exception {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (System.nanoTime() < deadline) {
            String text = received.poll(100, TimeUnit.MILLISECONDS);
            if (text != null && text.contains(marker)) {
                return text;
            }
            if (text != null && (text.contains("<failure") || text.contains("stream:error"))) {
                throw new IllegalStateException("waiting for " + marker + ": " + text);
            }
            if (isClosed()) {
                throw new IllegalStateException("closed while waiting for " + marker + ": " + closeReason());
            }
            if (text == null) {
                nothingReceived();
            }
        }
        throw new IllegalStateException("no " + marker + " within " + STEP);
    }

    /** Called while {@link #await} has waited 100 ms for nothing: a transport that must ask for more does so here. */
    void nothingReceived() throws Exception {
    }
}
