package io.chatapp.plugin.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.storage.BatchWriter;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The call log on PostgreSQL: the tracker's changes through the batching writer, pages, missed calls. */
class CallLogServiceTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private Database database;
    private BatchWriter<CallRecord> writer;
    private CallStore store;
    private CallTracker tracker;
    private CallLogService log;

    @BeforeEach
    void open() {
        database = Database.open(postgres.settings("calls_" + System.nanoTime()));
        store = new CallStore(database.dataSource());
        writer = BatchWriter.<CallRecord>builder("test-calls-writer", "calls", (batch, retry) -> store.write(batch))
                .start();
        tracker = new CallTracker(writer::offer, 100);
        log = new CallLogService(store, writer, 3);
    }

    @AfterEach
    void close() {
        writer.close(Duration.ofSeconds(5));
        database.close();
    }

    private void signal(CallSignal.Kind kind, String id, String from, String to, int second, String reason) {
        tracker.signal(new CallSignal(kind, id, from, to, false, reason), T0.plusSeconds(second));
    }

    /** Alice calls Bob at {@code second}, he answers two seconds later and hangs up {@code seconds} after that. */
    private void answeredCall(String id, int second, int seconds) {
        signal(CallSignal.Kind.PROPOSE, id, ALICE, BOB, second, null);
        signal(CallSignal.Kind.PROCEED, id, BOB, ALICE, second + 2, null);
        signal(CallSignal.Kind.FINISH, id, BOB, ALICE, second + 2 + seconds, "success");
    }

    @Test
    void eachPartySeesItsOwnOutcomeNewestFirstInPagesCappedAtTheMaximum() throws Exception {
        answeredCall("a", 0, 60);
        signal(CallSignal.Kind.PROPOSE, "b", BOB, ALICE, 100, null);
        signal(CallSignal.Kind.RETRACT, "b", BOB, ALICE, 110, null);
        signal(CallSignal.Kind.PROPOSE, "c", ALICE, BOB, 200, null);
        signal(CallSignal.Kind.REJECT, "c", BOB, ALICE, 201, "busy");
        signal(CallSignal.Kind.PROPOSE, "d", ALICE, BOB, 300, null);

        CallPage newest = log.page(ALICE, new CallPageRequest(10, null, null));
        // The page size is capped at 3.
        assertThat(newest.entries()).extracting(CallLogEntry::callId, CallLogEntry::outcome, CallLogEntry::outgoing)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("d", CallOutcome.RINGING, true),
                        org.assertj.core.groups.Tuple.tuple("c", CallOutcome.BUSY, true),
                        org.assertj.core.groups.Tuple.tuple("b", CallOutcome.MISSED, false));
        assertThat(newest.more()).isTrue();
        assertThat(newest.unseenMissed()).isEqualTo(1);
        CallLogEntry missed = newest.entries().get(2);
        assertThat(missed.callId()).isEqualTo("b");
        assertThat(missed.outcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(missed.unseen()).isTrue();

        CallPage older = log.page(ALICE, new CallPageRequest(10, missed.id(), null));
        assertThat(older.entries()).singleElement().satisfies(answered -> {
            assertThat(answered.callId()).isEqualTo("a");
            assertThat(answered.outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(answered.duration()).isEqualTo(Duration.ofSeconds(60));
            assertThat(answered.peer()).isEqualTo(BOB);
        });
        assertThat(older.more()).isFalse();
        CallPage newer = log.page(ALICE, new CallPageRequest(1, null, older.entries().get(0).id()));
        assertThat(newer.entries()).extracting(CallLogEntry::callId).containsExactly("b");

        assertThat(log.page(BOB, new CallPageRequest(10, null, null)).entries())
                .extracting(CallLogEntry::callId, CallLogEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("d", CallOutcome.RINGING),
                        org.assertj.core.groups.Tuple.tuple("c", CallOutcome.BUSY),
                        org.assertj.core.groups.Tuple.tuple("b", CallOutcome.CANCELLED));
        assertThat(log.unseenMissed(BOB)).isZero();

        log.markMissedSeen(ALICE);
        assertThat(log.unseenMissed(ALICE)).isZero();
        assertThat(log.page(ALICE, new CallPageRequest(10, null, null)).entries().get(2).unseen()).isFalse();
        assertThat(log.page("carol@example.com", new CallPageRequest(10, null, null)).entries()).isEmpty();
    }

    @Test
    void callsLeftRingingByARestartEndUnansweredOnceTheyWouldHaveRungOut() throws Exception {
        signal(CallSignal.Kind.PROPOSE, "old", ALICE, BOB, 0, null);
        signal(CallSignal.Kind.PROPOSE, "new", ALICE, BOB, 500, null);
        writer.flushed().get();

        assertThat(store.endStaleRinging(T0.plusSeconds(100), T0.plusSeconds(600))).isEqualTo(1);

        assertThat(log.page(BOB, new CallPageRequest(10, null, null)).entries())
                .extracting(CallLogEntry::callId, CallLogEntry::outcome, CallLogEntry::unseen)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("new", CallOutcome.RINGING, false),
                        org.assertj.core.groups.Tuple.tuple("old", CallOutcome.MISSED, true));
    }

    @Test
    void answeredCallsLeftOpenAreReadBackForAdoptionAndEndFailedAtTheirAnswerOnceAbandoned() throws Exception {
        signal(CallSignal.Kind.PROPOSE, "old", ALICE, BOB, 0, null);
        signal(CallSignal.Kind.PROCEED, "old", BOB, ALICE, 2, null);
        signal(CallSignal.Kind.PROPOSE, "recent", ALICE, BOB, 500, null);
        signal(CallSignal.Kind.PROCEED, "recent", BOB, ALICE, 503, null);
        writer.flushed().get();

        assertThat(store.ongoing(T0.plusSeconds(100))).extracting(CallRecord::callId, CallRecord::answeredAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("recent", T0.plusSeconds(503)));
        assertThat(store.endAbandoned(T0.plusSeconds(100))).isEqualTo(1);

        assertThat(log.page(ALICE, new CallPageRequest(10, null, null)).entries())
                .extracting(CallLogEntry::callId, CallLogEntry::outcome, CallLogEntry::duration)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("recent", CallOutcome.ONGOING, Duration.ZERO),
                        org.assertj.core.groups.Tuple.tuple("old", CallOutcome.FAILED, Duration.ZERO));
    }

    @Test
    void anEndedCallIsNotRewrittenByAReplayedProposeOrALateChange() throws Exception {
        answeredCall("a", 0, 60);
        signal(CallSignal.Kind.PROPOSE, "a", ALICE, BOB, 100, null);
        writer.flushed().get();

        assertThat(log.page(BOB, new CallPageRequest(10, null, null)).entries()).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(call.duration()).isEqualTo(Duration.ofSeconds(60));
        });
    }

    @Test
    void refusesBothCursorsAndANegativeMax() {
        assertThatThrownBy(() -> new CallPageRequest(5, 1L, 2L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallPageRequest(-1, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallPageRequest.cursor("x1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(CallPageRequest.cursor(" 42 "))).containsExactly(42L);
    }
}
