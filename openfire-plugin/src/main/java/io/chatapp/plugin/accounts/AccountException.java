package io.chatapp.plugin.accounts;

import io.chatapp.plugin.auth.LockedOutException;
import java.time.Duration;

/** An account operation that cannot be done, with the kind of reason (each maps to one HTTP status). */
public final class AccountException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The input breaks a rule (user name, password): 400. */
        INVALID,
        /** The credentials presented are wrong: 401. */
        WRONG_PASSWORD,
        /** The operation is switched off by the operator: 403. */
        NOT_ALLOWED,
        /** No such account: 404. */
        NOT_FOUND,
        /** The name is taken, or the operation conflicts with the account's state: 409. */
        CONFLICT,
        /** Too many attempts: 429 with a retry delay. */
        TOO_MANY
    }

    private final Kind kind;
    private final transient Duration retryAfter;

    public AccountException(Kind kind, String message) {
        this(kind, message, null);
    }

    public AccountException(Kind kind, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The refusal as the user reads it, the same over HTTP and XMPP: the rule broken, and for {@link Kind#TOO_MANY}
     * when to try again.
     */
    public String userMessage() {
        return kind == Kind.TOO_MANY ? LockedOutException.tryAgain(getMessage(), retryAfterSeconds()) : getMessage();
    }

    /** For {@link Kind#TOO_MANY}: how long to wait, in whole seconds rounded up. */
    public long retryAfterSeconds() {
        return retryAfter == null ? 1 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
