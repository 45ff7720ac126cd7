package io.chatapp.plugin.calls;

import java.time.Duration;
import java.time.Instant;

/**
 * A call as both parties share it: written to {@code call_log} each time it changes.
 *
 * @param answeredAt null until answered
 * @param endedAt    null until it ends
 */
public record CallRecord(String callId, String caller, String callee, boolean video, Instant proposedAt,
                         Instant answeredAt, Instant endedAt, CallState state) {

    CallRecord answered(Instant at) {
        return new CallRecord(callId, caller, callee, video, proposedAt, at, null, CallState.ONGOING);
    }

    CallRecord ended(CallState end, Instant at) {
        return new CallRecord(callId, caller, callee, video, proposedAt, answeredAt, at, end);
    }

    /**
     * An answered call whose end the server never learnt: failed, ended at its answer (the last moment the server
     * knew it was going on), so with no duration rather than a made-up one.
     */
    CallRecord abandoned() {
        return ended(CallState.FAILED, answeredAt);
    }

    /** How long it was connected: from the answer to the end, zero when never answered or not yet ended. */
    public Duration duration() {
        return answeredAt == null || endedAt == null ? Duration.ZERO : Duration.between(answeredAt, endedAt);
    }
}
