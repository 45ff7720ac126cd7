package io.chatapp.plugin.auth;

import java.time.Instant;

/**
 * What the plugin itself knows about an account beyond Openfire's user store: whether an administrator disabled it,
 * and since when its tokens count (a forced logout or password change invalidates every older access token).
 * Answered from memory: it is asked on every token verification.
 */
public interface AccountStatus {

    boolean isDisabled(String username);

    /** Access tokens issued before this instant are refused; {@link Instant#MIN} when there is no such cut-off. */
    Instant tokensValidAfter(String username);

    /** Notes a successful login (kept for the administrators' user list); never blocks the caller. */
    void loggedIn(String username);

    /** For tests and tools that need no account state. */
    AccountStatus NONE = new AccountStatus() {
        @Override
        public boolean isDisabled(String username) {
            return false;
        }

        @Override
        public Instant tokensValidAfter(String username) {
            return Instant.MIN;
        }

        @Override
        public void loggedIn(String username) {
        }
    };
}
