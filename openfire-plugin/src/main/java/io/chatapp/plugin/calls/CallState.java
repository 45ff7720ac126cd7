package io.chatapp.plugin.calls;

import java.util.Locale;
import java.util.Set;

/** Where a call is or how it ended, for both parties; {@link CallOutcome} is how each of them sees it. */
public enum CallState {
    /** Proposed, not yet answered or ended. */
    RINGING,
    /** Answered (proceed), not yet finished. */
    ONGOING,
    /** Answered and finished normally. */
    ENDED,
    /** Answered and finished with a failure reason (connectivity, media, security, …). */
    FAILED,
    /** The callee declined. */
    REJECTED,
    /** The callee declined because they are in another call. */
    BUSY,
    /** The caller gave up before an answer (retract). */
    CANCELLED,
    /** Nobody answered or ended it within the ring timeout. */
    UNANSWERED;

    /** Jingle reasons (XEP-0166) that say a call broke rather than ended. */
    private static final Set<String> FAILURES = Set.of("connectivity-error", "failed-application",
            "failed-transport", "general-error", "media-error", "security-error", "incompatible-parameters",
            "unsupported-applications", "unsupported-transports", "timeout");

    static boolean isFailure(String reason) {
        return reason != null && FAILURES.contains(reason);
    }

    /** Whether the callee missed this call. */
    public boolean missed() {
        return this == CANCELLED || this == UNANSWERED;
    }

    public boolean ended() {
        return this != RINGING && this != ONGOING;
    }

    /** Its name in the database. */
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallState ofStored(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
