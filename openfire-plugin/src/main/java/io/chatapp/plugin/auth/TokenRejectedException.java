package io.chatapp.plugin.auth;

/**
 * A token was not accepted. The message says why for the log; callers answer with a generic error so that an
 * attacker learns nothing about which check failed.
 */
public final class TokenRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public TokenRejectedException(String reason) {
        super(reason);
    }

    public TokenRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
