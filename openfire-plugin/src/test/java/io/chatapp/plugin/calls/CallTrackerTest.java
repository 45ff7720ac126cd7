package io.chatapp.plugin.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.calls.CallSignal.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTrackerTest {

    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final List<CallRecord> changes = new ArrayList<>();
    private final List<CallRecord> missed = new ArrayList<>();
    private final CallTracker tracker = new CallTracker(changes::add, 10);

    {
        tracker.onMissedCall(missed::add);
    }

    private void signal(Kind kind, String from, String to, int second, String reason) {
        tracker.signal(new CallSignal(kind, "c1", from, to, true, reason), T0.plusSeconds(second));
    }

    @Test
    void oneCallerCannotFillTheTrackerAndGetsRoomBackAsCallsEnd() {
        CallTracker roomy = new CallTracker(changes::add, 1_000);
        for (int i = 0; i <= CallTracker.LIVE_PER_CALLER; i++) {
            roomy.signal(new CallSignal(Kind.PROPOSE, "spam" + i, ALICE, BOB, false, null), T0);
        }
        assertThat(roomy.live()).isEqualTo(CallTracker.LIVE_PER_CALLER);
        roomy.signal(new CallSignal(Kind.PROPOSE, "c-bob", BOB, ALICE, false, null), T0);
        assertThat(roomy.live()).as("another caller is still followed").isEqualTo(CallTracker.LIVE_PER_CALLER + 1);

        roomy.signal(new CallSignal(Kind.RETRACT, "spam0", ALICE, BOB, false, null), T0.plusSeconds(1));
        roomy.expire(T0.plusSeconds(300), Duration.ofSeconds(120));
        assertThat(roomy.live()).isZero();
        roomy.signal(new CallSignal(Kind.PROPOSE, "again", ALICE, BOB, false, null), T0.plusSeconds(301));
        assertThat(roomy.live()).as("room again once the calls ended").isEqualTo(1);
    }

    @Test
    void anAnsweredCallHasItsTimesAndDuration() {
        signal(Kind.PROPOSE, ALICE, BOB, 0, null);
        signal(Kind.RINGING, BOB, ALICE, 1, null);
        signal(Kind.PROCEED, BOB, ALICE, 3, null);
        signal(Kind.FINISH, ALICE, BOB, 63, "success");

        assertThat(changes).extracting(CallRecord::state)
                .containsExactly(CallState.RINGING, CallState.ONGOING, CallState.ENDED);
        CallRecord ended = changes.get(2);
        assertThat(ended.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ended.video()).isTrue();
        assertThat(CallOutcome.of(ended.state(), true)).isEqualTo(CallOutcome.ANSWERED);
        assertThat(tracker.live()).isZero();
        assertThat(missed).isEmpty();
    }

    @Test
    void aRetractIsCancelledForTheCallerAndMissedForTheCallee() {
        signal(Kind.PROPOSE, ALICE, BOB, 0, null);
        signal(Kind.RETRACT, ALICE, BOB, 10, "cancel");

        assertThat(changes).extracting(CallRecord::state).containsExactly(CallState.RINGING, CallState.CANCELLED);
        assertThat(CallOutcome.of(CallState.CANCELLED, true)).isEqualTo(CallOutcome.CANCELLED);
        assertThat(CallOutcome.of(CallState.CANCELLED, false)).isEqualTo(CallOutcome.MISSED);
        assertThat(missed).hasSize(1);
    }

    @Test
    void rejectsAndBusyComeFromTheCalleeOnly() {
        signal(Kind.PROPOSE, ALICE, BOB, 0, null);
        signal(Kind.REJECT, ALICE, BOB, 1, null);
        signal(Kind.PROCEED, ALICE, BOB, 1, null);
        assertThat(changes).extracting(CallRecord::state).containsExactly(CallState.RINGING);
        signal(Kind.REJECT, BOB, ALICE, 2, "busy");
        assertThat(changes).extracting(CallRecord::state).containsExactly(CallState.RINGING, CallState.BUSY);
    }

    @Test
    void aFailureReasonAfterTheAnswerIsAFailedCall() {
        signal(Kind.PROPOSE, ALICE, BOB, 0, null);
        signal(Kind.PROCEED, BOB, ALICE, 1, null);
        signal(Kind.FINISH, BOB, ALICE, 5, "connectivity-error");
        assertThat(changes.get(changes.size() - 1).state()).isEqualTo(CallState.FAILED);
    }

    @Test
    void anUnansweredCallRingsOutAsMissed() {
        signal(Kind.PROPOSE, ALICE, BOB, 0, null);
        tracker.expire(T0.plusSeconds(59), Duration.ofSeconds(60));
        assertThat(changes).hasSize(1);
        tracker.expire(T0.plusSeconds(60), Duration.ofSeconds(60));
        assertThat(changes).extracting(CallRecord::state).containsExactly(CallState.RINGING, CallState.UNANSWERED);
        assertThat(missed).hasSize(1);
        signal(Kind.PROCEED, BOB, ALICE, 61, null);
        assertThat(changes).hasSize(2);
    }

    @Test
    void signalsOfAnotherPairOrAnUnknownCallChangeNothing() {
        signal(Kind.PROPOSE, ALICE, BOB, 0, null);
        signal(Kind.PROCEED, "mallory@example.com", ALICE, 1, null);
        tracker.signal(new CallSignal(Kind.FINISH, "other", ALICE, BOB, false, null), T0);
        signal(Kind.PROPOSE, ALICE, BOB, 2, null);
        assertThat(changes).extracting(CallRecord::state).containsExactly(CallState.RINGING);
    }

    @Test
    void anAnsweredCallLeftOpenByAPreviousRunIsEndedByItsLaterFinish() {
        CallRecord leftOpen = new CallRecord("c1", ALICE, BOB, true, T0, T0.plusSeconds(3), null, CallState.ONGOING);
        assertThat(tracker.adopt(leftOpen)).isTrue();
        assertThat(tracker.adopt(leftOpen)).as("once").isFalse();
        signal(Kind.FINISH, BOB, ALICE, 603, "success");

        assertThat(changes).extracting(CallRecord::state).containsExactly(CallState.ENDED);
        assertThat(changes.get(0).duration()).isEqualTo(Duration.ofSeconds(600));
        assertThat(tracker.live()).isZero();
    }

    @Test
    void anAnsweredCallThatNoFinishEndsFailsAtItsAnswerAfterADay() {
        signal(Kind.PROPOSE, ALICE, BOB, 0, null);
        signal(Kind.PROCEED, BOB, ALICE, 3, null);
        Instant answered = T0.plusSeconds(3);
        tracker.expire(answered.plus(CallTracker.LONGEST_CALL).minusSeconds(1), Duration.ofSeconds(60));
        assertThat(changes).hasSize(2);
        tracker.expire(answered.plus(CallTracker.LONGEST_CALL), Duration.ofSeconds(60));

        CallRecord ended = changes.get(2);
        assertThat(ended.state()).isEqualTo(CallState.FAILED);
        assertThat(ended.endedAt()).isEqualTo(answered);
        assertThat(ended.duration()).isZero();
        assertThat(tracker.live()).isZero();
        assertThat(missed).isEmpty();
    }
}
