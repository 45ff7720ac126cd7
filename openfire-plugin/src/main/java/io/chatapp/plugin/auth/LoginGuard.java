package io.chatapp.plugin.auth;

import io.chatapp.plugin.config.AccountSettings.LockoutSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account and per client address, on every login path (HTTP token requests and all SASL
 * mechanisms), and locks either once it has failed too often: the first lock lasts
 * {@link LockoutSettings#firstLockout()}, and each failure after that doubles it up to
 * {@link LockoutSettings#maxLockout()}. While locked, attempts are refused before the password is even looked at,
 * so guessing stops paying off, and the refusal is the same whether the account exists or not.
 *
 * <p>Attempts refused because of a lock are not counted, so an attacker cannot keep a victim locked for longer than
 * the maximum by hammering. Counts live in memory on each node (a cluster of N nodes allows at most N times the
 * attempts); they are swept by {@link #forgetOld()}.
 */
public final class LoginGuard {

    private final LockoutSettings settings;
    private final Clock clock;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    public LoginGuard(LockoutSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, or empty when an attempt may be made now. */
    public Optional<Duration> retryAfter(String account, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(accounts, account), lockedUntil(addresses, address));
        if (until == null || !until.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }

    /** A failed attempt: wrong password, bad token, unknown account (counted like any other). */
    public void failed(String account, String address) {
        Instant now = clock.instant();
        if (account != null) {
            accounts.compute(account, (key, old) -> next(old, settings.accountAttempts(), now));
        }
        if (address != null) {
            addresses.compute(address, (key, old) -> next(old, settings.addressAttempts(), now));
        }
    }

    /** A successful login clears the account's count; the address keeps its count (one good account must not
     * let an address go on guessing others' passwords). */
    public void succeeded(String account) {
        if (account != null) {
            accounts.remove(account);
        }
    }

    /** Forgets counts without a failure for {@link LockoutSettings#forgetAfter()} whose lock is over. */
    public void forgetOld() {
        Instant cutoff = clock.instant().minus(settings.forgetAfter());
        accounts.values().removeIf(failures -> failures.isStale(cutoff));
        addresses.values().removeIf(failures -> failures.isStale(cutoff));
    }

    int trackedEntries() {
        return accounts.size() + addresses.size();
    }

    private Failures next(Failures old, int threshold, Instant now) {
        Failures current = old == null || old.isStale(now.minus(settings.forgetAfter())) ? Failures.NONE : old;
        int count = current.count() + 1;
        Instant lockedUntil = current.lockedUntil();
        if (count >= threshold) {
            int doublings = Math.min(count - threshold, 30);
            Duration lock = settings.firstLockout().multipliedBy(1L << doublings);
            if (lock.compareTo(settings.maxLockout()) > 0) {
                lock = settings.maxLockout();
            }
            lockedUntil = now.plus(lock);
        }
        return new Failures(count, now, lockedUntil);
    }

    private static Instant lockedUntil(Map<String, Failures> map, String key) {
        if (key == null) {
            return null;
        }
        Failures failures = map.get(key);
        return failures == null ? null : failures.lockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private record Failures(int count, Instant lastFailure, Instant lockedUntil) {

        static final Failures NONE = new Failures(0, Instant.EPOCH, null);

        boolean isStale(Instant cutoff) {
            return lastFailure.isBefore(cutoff) && (lockedUntil == null || lockedUntil.isBefore(cutoff));
        }
    }
}
