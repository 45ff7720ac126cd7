package io.chatapp.client.internal;

import io.chatapp.client.TokenSet;
import java.time.Duration;
import java.time.Instant;

/**
 * When to refresh an access token: shortly before it expires, so that a reconnection at any moment finds a token
 * that still works, but not so early that a long-running client refreshes needlessly often.
 */
public final class RefreshSchedule {

    /** How long before expiry to refresh a token with a long life. */
    static final Duration LEAD = Duration.ofSeconds(60);
    /** A token that works for less than this is not used to log in: refresh it first. */
    public static final Duration MIN_VALIDITY_FOR_LOGIN = Duration.ofSeconds(10);
    /** The longest wait before retrying a refresh that failed for a passing reason (network, busy server). */
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    static final Duration MIN_RETRY_DELAY = Duration.ofSeconds(1);

    private RefreshSchedule() {
    }

    /**
     * How long to wait before refreshing: until {@link #LEAD} before expiry, or halfway to expiry for a token
     * with less than twice that left (short-lived tokens, or a stored token loaded late). Zero when expired.
     */
    public static Duration delayUntilRefresh(TokenSet tokens, Instant now) {
        Duration remaining = Duration.between(now, tokens.accessTokenExpiresAt());
        if (remaining.isNegative() || remaining.isZero()) {
            return Duration.ZERO;
        }
        Duration lead = remaining.dividedBy(2).compareTo(LEAD) < 0 ? remaining.dividedBy(2) : LEAD;
        return remaining.minus(lead);
    }

    /**
     * How long to wait before retrying a failed refresh: half the access token's remaining life, between one and
     * thirty seconds, so a token close to expiry gets several tries and an expired one is retried calmly.
     */
    public static Duration retryDelay(TokenSet tokens, Instant now) {
        Duration half = Duration.between(now, tokens.accessTokenExpiresAt()).dividedBy(2);
        if (half.compareTo(MAX_RETRY_DELAY) > 0 || half.isNegative()) {
            return MAX_RETRY_DELAY;
        }
        return half.compareTo(MIN_RETRY_DELAY) < 0 ? MIN_RETRY_DELAY : half;
    }

    /** Whether the access token works long enough to log in with. */
    public static boolean usableForLogin(TokenSet tokens, Instant now) {
        return tokens.accessTokenValidFor(MIN_VALIDITY_FOR_LOGIN, now);
    }
}
