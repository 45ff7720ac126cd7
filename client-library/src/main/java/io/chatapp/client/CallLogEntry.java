package io.chatapp.client;

import java.time.Duration;
import java.time.Instant;

/**
 * One call in this account's call log, as the server recorded it from the call's signalling.
 *
 * @param id         the log's id of the entry (the cursor for {@link CallLog#page(int, String)})
 * @param callId     the call's session id (XEP-0353 / Jingle)
 * @param direction  whether this account placed the call or received it
 * @param peer       bare JID of the other party
 * @param video      whether video was proposed (else audio only)
 * @param answeredAt when it was answered, or null
 * @param endedAt    when it ended, or null while ringing or ongoing (or when its end was never signalled)
 * @param duration   how long it was connected (answer to end); zero when it never was
 * @param unseen     a missed call this account has not marked seen ({@link CallLog#markMissedSeen()})
 */
public record CallLogEntry(String id, String callId, Direction direction, String peer, boolean video,
                           Outcome outcome, Instant proposedAt, Instant answeredAt, Instant endedAt, Duration duration,
                           boolean unseen) {

    /** Who placed the call. */
    public enum Direction {
        INCOMING, OUTGOING
    }

    /** How the call went, for this account (a call the caller cancelled is MISSED for the callee). */
    public enum Outcome {
        RINGING, ONGOING, ANSWERED, MISSED, REJECTED, CANCELLED, BUSY, FAILED
    }

    public boolean missed() {
        return outcome == Outcome.MISSED;
    }
}
