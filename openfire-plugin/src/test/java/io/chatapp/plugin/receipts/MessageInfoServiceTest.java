package io.chatapp.plugin.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MessageInfoService} answering from what {@link ReceiptRecorder} stored in a real PostgreSQL. */
class MessageInfoServiceTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final Instant T0 = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final String ALICE = "alice@example.org";
    private static final String BOB = "bob@example.org";
    private static final String CAROL = "carol@example.org";

    private final MutableClock clock = new MutableClock(T0.plusSeconds(60));
    private final ExecutorService queries = Executors.newFixedThreadPool(2);
    private Database database;
    private TestArchive archive;
    private ReceiptRecorder recorder;
    private MessageInfoService service;

    @BeforeEach
    void open() {
        database = Database.open(postgres.settings("info_" + System.nanoTime()));
        archive = new TestArchive(database.dataSource());
        recorder = ReceiptRecorder.start(database.dataSource(), archive, clock);
        service = new MessageInfoService(database.dataSource(), archive, queries);
    }

    @AfterEach
    void close() {
        recorder.close();
        database.close();
        queries.shutdownNow();
    }

    private static long id(int second) {
        return TestArchive.id(T0.plusSeconds(second), 0);
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second).plusMillis(7);
    }

    private void flush() throws Exception {
        recorder.flushed().get(10, TimeUnit.SECONDS);
    }

    private MessageInfoResult info(String requester, String reference) throws Exception {
        return service.info(requester, reference).get(10, TimeUnit.SECONDS);
    }

    /** The state of the message for its only recipient, asked by its sender. */
    private RecipientState state(String sender, String reference) throws Exception {
        MessageInfoResult result = info(sender, reference);
        assertThat(result).isInstanceOf(MessageInfoResult.Found.class);
        List<RecipientState> recipients = ((MessageInfoResult.Found) result).info().recipients();
        assertThat(recipients).hasSize(1);
        return recipients.get(0);
    }

    private List<ReadMark> readMarks(String reader, String with) throws Exception {
        return service.readMarks(reader, with).get(10, TimeUnit.SECONDS);
    }

    @Test
    void answersOnlyOnceTheReceiptsSeenBeforeTheQuestionAreStored() throws Exception {
        java.util.concurrent.CompletableFuture<Void> recorded = new java.util.concurrent.CompletableFuture<>();
        MessageInfoService waiting = new MessageInfoService(database.dataSource(), archive, queries, () -> recorded);

        java.util.concurrent.CompletableFuture<MessageInfoResult> info = waiting.info(ALICE, "nothing");
        java.util.concurrent.CompletableFuture<List<ReadMark>> marks = waiting.readMarks(BOB, null);
        Thread.sleep(100);
        assertThat(info).isNotDone();
        assertThat(marks).isNotDone();

        recorded.complete(null);
        assertThat(info.get(10, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(MessageInfoResult.NotFound.class);
        assertThat(marks.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aNewMessageHasItsRecipientButNeitherDeliveryNorRead() throws Exception {
        long m1 = archive.store(id(1), ALICE, BOB, "stanza-1", "origin-1");

        MessageInfoResult result = info(ALICE, "origin-1");

        assertThat(result).isEqualTo(new MessageInfoResult.Found(new MessageInfo(m1, "stanza-1",
                TestArchive.timeOf(m1), List.of(new RecipientState(BOB, null, null)))));
        assertThat(TestArchive.timeOf(m1)).isEqualTo(T0.plusSeconds(1));
        assertThat(info(ALICE, "stanza-1")).as("by message id").isEqualTo(result);
        assertThat(info(ALICE, Long.toString(m1))).as("by archive id").isEqualTo(result);
    }

    @Test
    void unknownReferencesAndOtherPeoplesMessagesAreNotFound() throws Exception {
        archive.store(id(1), ALICE, BOB, "m1");

        assertThat(info(ALICE, "nope")).isEqualTo(new MessageInfoResult.NotFound());
        assertThat(info(CAROL, "m1")).as("not in carol's conversations").isEqualTo(new MessageInfoResult.NotFound());
    }

    @Test
    void theRecipientOfAMessageIsNotItsSender() throws Exception {
        archive.store(id(1), ALICE, BOB, "m1");

        assertThat(info(BOB, "m1")).isEqualTo(new MessageInfoResult.NotSender());
    }

    @Test
    void deliveredThenRead() throws Exception {
        archive.store(id(1), ALICE, BOB, "m1");

        recorder.delivered(ALICE, BOB, "m1", at(2));
        flush();
        assertThat(state(ALICE, "m1")).isEqualTo(new RecipientState(BOB, at(2), null));

        recorder.displayed(BOB, ALICE, "m1", at(5));
        flush();
        assertThat(state(ALICE, "m1")).isEqualTo(new RecipientState(BOB, at(2), at(5)));
    }

    @Test
    void aMessageReadBeforeItsReceiptArrivedCountsAsDeliveredWhenRead() throws Exception {
        archive.store(id(1), ALICE, BOB, "m1");

        recorder.displayed(BOB, ALICE, "m1", at(3));
        recorder.delivered(ALICE, BOB, "m1", at(4)); // e.g. a receipt sent late, from the archive catch-up
        flush();

        assertThat(state(ALICE, "m1")).isEqualTo(new RecipientState(BOB, at(3), at(3)));
    }

    @Test
    void aReadMessageIsDeliveredEvenWithoutAReceipt() throws Exception {
        archive.store(id(1), ALICE, BOB, "m1");

        recorder.displayed(BOB, ALICE, "m1", at(3));
        flush();

        assertThat(state(ALICE, "m1")).isEqualTo(new RecipientState(BOB, at(3), at(3)));
    }

    @Test
    void aMarkerReadsEveryEarlierMessageFromTheSameSenderEachAtTheFirstMarkCoveringIt() throws Exception {
        archive.store(id(1), ALICE, BOB, "m1");
        archive.store(id(2), ALICE, BOB, "m2");
        archive.store(id(3), BOB, ALICE, "b3"); // bob's own message in between
        archive.store(id(4), ALICE, BOB, "m4");
        archive.store(id(5), ALICE, BOB, "m5");
        archive.store(id(6), CAROL, BOB, "c6");

        recorder.displayed(BOB, ALICE, "m2", at(10));
        recorder.displayed(BOB, ALICE, "m4", at(20));
        flush();

        assertThat(state(ALICE, "m1").read()).isEqualTo(at(10));
        assertThat(state(ALICE, "m2").read()).isEqualTo(at(10));
        assertThat(state(ALICE, "m4").read()).isEqualTo(at(20));
        assertThat(state(ALICE, "m5")).isEqualTo(new RecipientState(BOB, null, null));
        assertThat(state(CAROL, "c6")).as("another conversation").isEqualTo(new RecipientState(BOB, null, null));
        assertThat(state(BOB, "b3")).as("alice read nothing").isEqualTo(new RecipientState(ALICE, null, null));
    }

    @Test
    void groupMessagesHaveAStatePerMemberInTheGivenOrder() throws Exception {
        String group = "team@groups.example.org";
        long message = id(1);
        // Written directly, as a groups feature's recorder would: one delivery per member, read marks against the group.
        member(BOB, message, group, at(2), at(4));
        member(CAROL, message, group, at(3), null);

        List<RecipientState> states = service.recipientStates(message, group, List.of(CAROL, BOB, "dave@x.org"))
                .get(10, TimeUnit.SECONDS);

        assertThat(states).containsExactly(new RecipientState(CAROL, at(3), null),
                new RecipientState(BOB, at(2), at(4)), new RecipientState("dave@x.org", null, null));
    }

    @Test
    void readPositionsAreEachReadersNewestMarkInTheConversation() throws Exception {
        String group = "team@groups.example.org";
        member(BOB, id(1), group, at(2), at(4));
        member(BOB, id(5), group, at(6), at(7));
        member(CAROL, id(1), group, at(3), at(3));
        member(CAROL, id(9), "other@groups.example.org", at(9), at(9));

        assertThat(service.readPositions(group, List.of(BOB, CAROL, "dave@x.org")).get(10, TimeUnit.SECONDS))
                .containsOnly(java.util.Map.entry(BOB, id(5)), java.util.Map.entry(CAROL, id(1)),
                        java.util.Map.entry("dave@x.org", 0L));
    }

    private void member(String member, long message, String group, Instant delivered, Instant read) {
        String schema = database.schema();
        postgres.execute("INSERT INTO " + schema + ".message_delivery VALUES (" + message + ", '" + member + "', '"
                + delivered + "')");
        if (read != null) {
            postgres.execute("INSERT INTO " + schema + ".read_mark VALUES ('" + member + "', '" + group + "', "
                    + message + ", '" + read + "')");
        }
    }

    @Test
    void readMarksGiveTheNewestPositionPerConversation() throws Exception {
        long a2 = archive.store(id(2), ALICE, BOB, "a2");
        archive.store(id(1), ALICE, BOB, "a1");
        long c3 = archive.store(id(3), CAROL, BOB, "c3");
        archive.store(id(4), BOB, ALICE, "b4");

        recorder.displayed(BOB, ALICE, "a1", at(10));
        recorder.displayed(BOB, ALICE, "a2", at(11));
        recorder.displayed(BOB, ALICE, "a1", at(12)); // does not move bob back
        recorder.displayed(BOB, CAROL, "c3", at(13));
        recorder.displayed(ALICE, BOB, "b4", at(14));
        flush();

        assertThat(readMarks(BOB, null)).containsExactly(new ReadMark(ALICE, a2, at(11)), new ReadMark(CAROL, c3,
                at(13)));
        assertThat(readMarks(BOB, CAROL)).containsExactly(new ReadMark(CAROL, c3, at(13)));
        assertThat(readMarks(BOB, "dave@example.org")).isEmpty();
        assertThat(readMarks(CAROL, null)).isEmpty();
    }

    @Test
    void aNewServiceOnTheSameDatabaseAnswersTheSame() throws Exception {
        long m1 = archive.store(id(1), ALICE, BOB, "m1");
        recorder.delivered(ALICE, BOB, "m1", at(2));
        recorder.displayed(BOB, ALICE, "m1", at(3));
        recorder.close();
        database.close();

        database = Database.open(postgres.settings(database.schema()));
        archive = new TestArchive(database.dataSource());
        recorder = ReceiptRecorder.start(database.dataSource(), archive, clock);
        service = new MessageInfoService(database.dataSource(), archive, queries);

        assertThat(state(ALICE, "m1")).isEqualTo(new RecipientState(BOB, at(2), at(3)));
        assertThat(readMarks(BOB, ALICE)).containsExactly(new ReadMark(ALICE, m1, at(3)));
    }
}
