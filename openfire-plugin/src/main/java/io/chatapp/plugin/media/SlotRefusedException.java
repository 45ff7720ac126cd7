package io.chatapp.plugin.media;

import java.time.Instant;

/** An upload slot request refused; the XMPP side turns the reason into the XEP-0363 error. */
public final class SlotRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** A missing or malformed attribute. */
        BAD_REQUEST,
        /** Larger than the limit of its kind ({@link #maxBytes()}). */
        TOO_LARGE,
        /** A type that is never accepted. */
        DISALLOWED_TYPE,
        /** The user's storage quota would be exceeded. */
        QUOTA,
        /** Only users of this server may upload. */
        NOT_ALLOWED,
        /** The media store has no room for the file now: the server's condition, which passes ({@link #retryAt()}). */
        STORE_FULL
    }

    private final Reason reason;
    private final long maxBytes;
    private final Instant retryAt;

    public SlotRefusedException(Reason reason, String message) {
        this(reason, message, 0, null);
    }

    public SlotRefusedException(Reason reason, String message, long maxBytes) {
        this(reason, message, maxBytes, null);
    }

    public SlotRefusedException(Reason reason, String message, Instant retryAt) {
        this(reason, message, 0, retryAt);
    }

    private SlotRefusedException(Reason reason, String message, long maxBytes, Instant retryAt) {
        super(message, null, false, false);
        this.reason = reason;
        this.maxBytes = maxBytes;
        this.retryAt = retryAt;
    }

    public Reason reason() {
        return reason;
    }

    /** The limit that was exceeded ({@link Reason#TOO_LARGE} only). */
    public long maxBytes() {
        return maxBytes;
    }

    /** When the client may ask again ({@link Reason#STORE_FULL} only; null otherwise). */
    public Instant retryAt() {
        return retryAt;
    }
}
