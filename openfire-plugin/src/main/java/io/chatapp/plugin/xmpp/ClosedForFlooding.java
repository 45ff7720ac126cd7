package io.chatapp.plugin.xmpp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The full addresses of client sessions closed for flooding, remembered for {@link #REMEMBER_NANOS}. Why: a closed
 * TCP or WebSocket connection stops being read, but a BOSH session's stanzas are taken in with each HTTP request and
 * queued for Openfire's few BOSH workers, which go on routing them after the session is closed, with no session to
 * count them against (docs/reliability.md, "The stanza flood over BOSH"). Such a stanza carries the closed session's
 * address, and that address is how it is told from the server's own traffic. Bounded: at most {@link #MOST}
 * addresses; when full, expired ones are dropped first, and if none has expired the newest is not remembered (its
 * backlog then reaches a session of its own, if any, and that session's budget).
 */
public final class ClosedForFlooding {

    /** Longer than the longest backlog measured (48 s, at a load of 15 on 2 cores). */
    static final long REMEMBER_NANOS = TimeUnit.MINUTES.toNanos(2);
    static final int MOST = 10_000;

    private final Map<String, Long> closedAt = new ConcurrentHashMap<>();

    /** Notes that the session with this full address was closed for flooding. */
    public void remember(String address, long nowNanos) {
        if (closedAt.size() >= MOST) {
            closedAt.values().removeIf(at -> nowNanos - at >= REMEMBER_NANOS);
        }
        if (closedAt.size() < MOST) {
            closedAt.put(address, nowNanos);
        }
    }

    /** Whether a session with this full address was closed for flooding in the last {@link #REMEMBER_NANOS}. */
    public boolean recentlyClosed(String address, long nowNanos) {
        Long at = closedAt.get(address);
        if (at == null) {
            return false;
        }
        if (nowNanos - at >= REMEMBER_NANOS) {
            closedAt.remove(address, at);
            return false;
        }
        return true;
    }

    /** Whether no address is remembered: the common case, which costs the packet path nothing more. */
    public boolean isEmpty() {
        return closedAt.isEmpty();
    }

    int remembered() {
        return closedAt.size();
    }
}
