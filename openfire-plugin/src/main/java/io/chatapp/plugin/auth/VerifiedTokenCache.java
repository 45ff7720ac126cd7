package io.chatapp.plugin.auth;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Access tokens whose signature and claims have already been verified, so that a client presenting the same token
 * again (every API call until it expires) costs a lookup instead of a signature check.
 *
 * <p>A fixed table of {@link #CAPACITY} slots, each holding at most one token (the one whose hash picks it; a newer
 * token that picks the same slot replaces it). So the memory is bounded however many tokens are presented, lookups
 * and updates take no lock, and nothing has to be evicted or swept: a displaced or expired entry is simply verified
 * again in full. Only tokens that passed verification enter; a caller must still check the entry's times (and the
 * key) against the clock, see {@link AccessTokens#verify}.
 */
final class VerifiedTokenCache {

    /**
     * A fixed size rather than a setting: an entry is about 1 KiB (the token and what it says), so this bounds the
     * table at a few MiB per node while holding the live tokens of thousands of clients that call the API
     * repeatedly within a token's lifetime (15 minutes). A power of two, so that a slot is picked by masking.
     */
    static final int CAPACITY = 4_096;

    private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(CAPACITY);

    /** The entry for exactly this token string, if it is cached. */
    Entry find(String token) {
        Entry entry = slots.get(slot(token));
        return entry != null && sameToken(entry.token(), token) ? entry : null;
    }

    void remember(Entry entry) {
        slots.set(slot(entry.token()), entry);
    }

    private static int slot(String token) {
        int hash = token.hashCode();
        return (hash ^ (hash >>> 16)) & (CAPACITY - 1);
    }

    /**
     * Compares without stopping at the first difference, so that the time a lookup takes tells a caller probing with
     * made-up tokens nothing about how much of another user's cached token it has guessed.
     */
    private static boolean sameToken(String cached, String presented) {
        if (cached.length() != presented.length()) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < cached.length(); i++) {
            difference |= cached.charAt(i) ^ presented.charAt(i);
        }
        return difference == 0;
    }

    /**
     * A verified token: what it says, the key that verified it and the window in which it is valid, in epoch
     * milliseconds, clock skew already applied (so {@code validFrom <= now <= validUntil} means "valid now").
     */
    record Entry(String token, String kid, AccessToken access, long validFromMillis, long validUntilMillis) {

        boolean validAt(long nowMillis) {
            return nowMillis >= validFromMillis && nowMillis <= validUntilMillis;
        }
    }
}
