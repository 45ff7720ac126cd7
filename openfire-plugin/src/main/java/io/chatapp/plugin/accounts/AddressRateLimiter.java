package io.chatapp.plugin.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most N attempts per client address per window (a fixed window per address, started by its first attempt).
 * Registration uses it so that probing which names are taken costs an attacker real time.
 */
public final class AddressRateLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public AddressRateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts an attempt; empty when allowed, otherwise how long until the address may try again. */
    public Optional<Duration> attempt(String address) {
        Instant now = clock.instant();
        // Addresses the server could not tell share one window rather than escaping the limit.
        Window current = windows.compute(address == null ? "unknown" : address, (key, old) -> old == null || !old.end().isAfter(now)
                ? new Window(now.plus(window), 1)
                : new Window(old.end(), old.count() + 1));
        return current.count() <= limit ? Optional.empty() : Optional.of(Duration.between(now, current.end()));
    }

    /** Drops windows that have ended. */
    public void forgetOld() {
        Instant now = clock.instant();
        windows.values().removeIf(w -> !w.end().isAfter(now));
    }

    private record Window(Instant end, int count) {
    }
}
