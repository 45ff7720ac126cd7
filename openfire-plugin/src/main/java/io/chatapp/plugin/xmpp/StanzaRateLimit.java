package io.chatapp.plugin.xmpp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many stanzas one client connection may send: a token bucket per connection, refilled at a sustained rate up to
 * a burst ({@code chatapp.xmpp.stanzasPerSecond}, {@code chatapp.xmpp.stanzaBurst}). Why: Openfire reads a
 * connection as fast as the client writes and queues what it read until a packet thread handles it, without limit;
 * one client writing stanzas as fast as it can filled 700 MB of heap in 15 s (docs/reliability.md). A connection over
 * its budget is to be closed, which stops the reading. Buckets of connections that went quiet are forgotten.
 */
public final class StanzaRateLimit {

    /** Buckets kept before those full again (idle long enough) are swept. */
    private static final int SWEEP_ABOVE = 10_000;

    private final double perNano;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public StanzaRateLimit(int perSecond, int burst) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("the stanza rate and burst must be positive");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
    }

    /** Takes one stanza from the connection's budget; false once the connection has sent more than it allows. */
    public boolean allows(String connection, long nowNanos) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.fullAt(nowNanos));
        }
        return buckets.computeIfAbsent(connection, key -> new Bucket(burst, nowNanos)).take(nowNanos);
    }

    /** Forgets a connection (closed). */
    public void forget(String connection) {
        buckets.remove(connection);
    }

    /** The text given with the closing, naming the limit. */
    public String refusal() {
        return "more than " + Math.round(perNano * 1e9) + " stanzas a second (burst " + Math.round(burst) + ")";
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized boolean take(long now) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
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
