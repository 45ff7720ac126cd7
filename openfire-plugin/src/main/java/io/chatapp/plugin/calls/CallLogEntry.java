package io.chatapp.plugin.calls;

import java.time.Duration;
import java.time.Instant;

/**
 * One call as one party sees it in their log.
 *
 * @param id       the log's id of the call, its paging cursor
 * @param outgoing whether the viewer placed the call
 * @param peer     the other party's bare JID
 * @param unseen   a missed call the viewer has not marked seen
 */
public record CallLogEntry(long id, String callId, boolean outgoing, String peer, boolean video, CallOutcome outcome,
                           Instant proposedAt, Instant answeredAt, Instant endedAt, Duration duration,
                           boolean unseen) {

    /** {@code call} as {@code viewer} (one of its parties) sees it. */
    static CallLogEntry of(long id, CallRecord call, boolean missedSeen, String viewer) {
        boolean outgoing = call.caller().equals(viewer);
        CallOutcome outcome = CallOutcome.of(call.state(), outgoing);
        return new CallLogEntry(id, call.callId(), outgoing, outgoing ? call.callee() : call.caller(), call.video(),
                outcome, call.proposedAt(), call.answeredAt(), call.endedAt(), call.duration(),
                outcome == CallOutcome.MISSED && !missedSeen);
    }
}
