package io.chatapp.plugin.media;

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
        NOT_ALLOWED
    }

    private final Reason reason;
    private final long maxBytes;

    public SlotRefusedException(Reason reason, String message) {
        this(reason, message, 0);
    }

    public SlotRefusedException(Reason reason, String message, long maxBytes) {
        super(message, null, false, false);
        this.reason = reason;
        this.maxBytes = maxBytes;
    }

    public Reason reason() {
        return reason;
    }

    /** The limit that was exceeded ({@link Reason#TOO_LARGE} only). */
    public long maxBytes() {
        return maxBytes;
    }
}
