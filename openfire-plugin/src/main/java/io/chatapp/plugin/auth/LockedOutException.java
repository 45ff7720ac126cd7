package io.chatapp.plugin.auth;

import java.time.Duration;

/** A login refused because its account or client address is locked after too many failures. */
public final class LockedOutException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** How every way of logging in (HTTP, XMPP) words the refusal. */
    public static final String MESSAGE = "Too many failed logins.";

    public LockedOutException(Duration retryAfter) {
        super("too many failed logins; retry in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The refusal as the user reads it: {@link #MESSAGE} and when to try again. */
    public String userMessage() {
        return tryAgain(MESSAGE, retryAfterSeconds());
    }

    /** A refusal's message with when to try again, as every rate limit words it. */
    public static String tryAgain(String message, long seconds) {
        return message + " Try again in " + seconds + " s.";
    }

    /** Whole seconds, rounded up, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
