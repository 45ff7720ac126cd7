package io.chatapp.plugin.xmpp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many stanzas one client connection may send: a token bucket per connection, refilled at a sustained rate up to
 * a burst ({@code chatapp.xmpp.stanzasPerSecond}, {@code chatapp.xmpp.stanzaBurst}), and, while the heap is under
 * pressure ({@link HeapPressure}), no more than a tenth of the sustained rate in the last second. Why: Openfire reads
 * a connection as fast as the client writes and queues what it read until a packet thread handles it, without limit;
 * one client writing stanzas as fast as it can filled 700 MB of heap in 15 s (docs/reliability.md). The bucket
 * catches a flood handled faster than the sustained rate; one handled slower (a connection's stanzas are handled one
 * after another, each message waiting for the archive's journal) never empties it, and the heap filling is what
 * catches that one. A connection over its budget is to be closed, which stops the reading. Buckets of connections
 * that went quiet are forgotten.
 */
public final class StanzaRateLimit {

    /** Buckets kept before those full again (idle long enough) are swept. */
    static final int SWEEP_ABOVE = 10_000;
    /**
     * At most one sweep a second: with more busy connections than {@link #SWEEP_ABOVE} a sweep frees nothing, and
     * sweeping on every stanza would make each one cost a pass over every connection, on a packet thread.
     */
    private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

    private final double perNano;
    private final double burst;
    /** Most stanzas a connection may have sent in the last second while the heap is under pressure. */
    private final int underPressure;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

    public StanzaRateLimit(int perSecond, int burst) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("the stanza rate and burst must be positive");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.underPressure = Math.max(1, perSecond / 10);
    }

    /**
     * Takes one stanza from the connection's budget; false once the connection has sent more than it allows, or,
     * with the heap under pressure, more than a tenth of the sustained rate in the last second.
     */
    public boolean allows(String connection, long nowNanos, boolean heapPressure) {
        long sweepAt = nextSweep.get();
        if (buckets.size() > SWEEP_ABOVE && (sweepAt == Long.MIN_VALUE || nowNanos - sweepAt >= 0)
                && nextSweep.compareAndSet(sweepAt, nowNanos + SWEEP_EVERY_NANOS)) {
            buckets.values().removeIf(bucket -> bucket.fullAt(nowNanos));
        }
        return buckets.computeIfAbsent(connection, key -> new Bucket(burst, nowNanos))
                .take(nowNanos, heapPressure ? underPressure : Integer.MAX_VALUE);
    }

    /** How many connections have a bucket. */
    int connections() {
        return buckets.size();
    }

    /** Forgets a connection (closed). */
    public void forget(String connection) {
        buckets.remove(connection);
    }

    /** The text given with the closing, naming the limit. */
    public String refusal(boolean heapPressure) {
        return heapPressure ? "more than " + underPressure + " stanzas a second while the server's memory is short"
                : "more than " + Math.round(perNano * 1e9) + " stanzas a second (burst " + Math.round(burst) + ")";
    }

    private final class Bucket {
        private double tokens;
        private long updated;
        /** Stanzas counted in the current second (since {@code secondStarted}) and in the one before. */
        private long secondStarted;
        private int thisSecond;
        private int lastSecond;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
            this.secondStarted = now;
        }

        synchronized boolean take(long now, int mostInLastSecond) {
            refill(now);
            countSecond(now);
            if (tokens < 1 || Math.max(thisSecond, lastSecond) > mostInLastSecond) {
                return false;
            }
            tokens--;
            return true;
        }

        private void countSecond(long now) {
            long seconds = (now - secondStarted) / 1_000_000_000L;
            if (seconds > 0) {
                lastSecond = seconds == 1 ? thisSecond : 0;
                thisSecond = 0;
                secondStarted += seconds * 1_000_000_000L;
            }
            thisSecond++;
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + Math.max(0, now - updated) * perNano);
            updated = now;
        }
    }
}
