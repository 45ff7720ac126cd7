package io.chatapp.plugin.calls;

import java.util.Locale;

/** How one party sees a call in their log; the wire value is the lower-case name. */
public enum CallOutcome {
    RINGING, ONGOING, ANSWERED, MISSED, REJECTED, CANCELLED, BUSY, FAILED;

    /** The outcome of a call in {@code state} for its caller ({@code caller} true) or its callee. */
    public static CallOutcome of(CallState state, boolean caller) {
        return switch (state) {
            case RINGING -> RINGING;
            case ONGOING -> ONGOING;
            case ENDED -> ANSWERED;
            case FAILED -> FAILED;
            case REJECTED -> REJECTED;
            case BUSY -> BUSY;
            case CANCELLED, UNANSWERED -> caller ? CANCELLED : MISSED;
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
