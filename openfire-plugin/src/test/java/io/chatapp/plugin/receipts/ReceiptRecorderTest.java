package io.chatapp.plugin.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.MutableClock;
import io.chatapp.plugin.testing.Threads;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ReceiptRecorder} against a real PostgreSQL, with the archive's table written by the test. */
class ReceiptRecorderTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final Instant T0 = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final String ALICE = "alice@example.org";
    private static final String BOB = "bob@example.org";
    private static final String CAROL = "carol@example.org";

    private final MutableClock clock = new MutableClock(T0.plusSeconds(60));
    private Database database;
    private TestArchive archive;
    private ReceiptRecorder recorder;

    @BeforeEach
    void open() {
        database = Database.open(postgres.settings("receipts_" + System.nanoTime()));
        archive = new TestArchive(database.dataSource());
        recorder = ReceiptRecorder.start(database.dataSource(), archive, clock);
    }

    @AfterEach
    void close() {
        recorder.close();
        database.close();
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

    private List<List<Object>> deliveries() throws SQLException {
        return new ReceiptRows(postgres, database.schema()).deliveries();
    }

    private List<List<Object>> readMarks() throws SQLException {
        return new ReceiptRows(postgres, database.schema()).readMarks();
    }

    @Test
    void theFirstDeliveryReceiptWins() throws Exception {
        long m1 = archive.store(id(1), ALICE, BOB, "m1");

        assertThat(recorder.delivered(ALICE, BOB, "m1", at(2))).isTrue();
        assertThat(recorder.delivered(ALICE, BOB, "m1", at(3))).isTrue();
        flush();
        assertThat(recorder.delivered(ALICE, BOB, "m1", at(1))).as("even an earlier time, once recorded").isTrue();
        flush();

        assertThat(deliveries()).containsExactly(List.of(m1, BOB, at(2)));
    }

    @Test
    void referencesMatchTheOriginIdTheMessageIdOrTheArchiveId() throws Exception {
        long byOrigin = archive.store(id(1), ALICE, BOB, "stanza-1", "origin-1");
        long byId = archive.store(id(2), ALICE, BOB, "stanza-2", "origin-2");
        long byArchiveId = archive.store(id(3), ALICE, BOB, "stanza-3", "origin-3");

        recorder.delivered(ALICE, BOB, "origin-1", at(4));
        recorder.delivered(ALICE, BOB, "stanza-2", at(5));
        recorder.delivered(ALICE, BOB, Long.toString(byArchiveId), at(6));
        flush();

        assertThat(deliveries()).containsExactly(List.of(byOrigin, BOB, at(4)), List.of(byId, BOB, at(5)),
                List.of(byArchiveId, BOB, at(6)));
    }

    @Test
    void receiptsNamingNoMessageOfTheSenderToTheRecipientAreDropped() throws Exception {
        archive.store(id(1), ALICE, BOB, "m1");
        archive.store(id(2), BOB, ALICE, "m2");

        recorder.delivered(ALICE, BOB, "nope", at(3));
        recorder.delivered(ALICE, CAROL, "m1", at(3)); // carol did not receive m1
        recorder.delivered(ALICE, BOB, "m2", at(3)); // m2 went the other way
        recorder.displayed(CAROL, ALICE, "m1", at(3));
        recorder.displayed(BOB, ALICE, "nope", at(3));
        flush();

        assertThat(deliveries()).isEmpty();
        assertThat(readMarks()).isEmpty();
    }

    @Test
    void readMarksAreAddedOnlyWhenTheyAdvanceTheReadersPosition() throws Exception {
        long m1 = archive.store(id(1), ALICE, BOB, "m1");
        long m2 = archive.store(id(2), ALICE, BOB, "m2");
        long m3 = archive.store(id(3), ALICE, BOB, "m3");
        long c1 = archive.store(id(4), CAROL, BOB, "c1");

        recorder.displayed(BOB, ALICE, "m2", at(10));
        recorder.displayed(BOB, ALICE, "m1", at(11)); // behind the position
        recorder.displayed(BOB, ALICE, "m2", at(12)); // the position itself
        recorder.displayed(BOB, CAROL, "c1", at(13)); // another conversation
        flush();
        recorder.displayed(BOB, ALICE, "m1", at(14));
        recorder.displayed(BOB, ALICE, "m3", at(15));
        flush();

        assertThat(readMarks()).containsExactly(
                List.of(BOB, ALICE, m2, at(10)),
                List.of(BOB, ALICE, m3, at(15)),
                List.of(BOB, CAROL, c1, at(13)));
        assertThat(m1).isLessThan(m2);
    }

    @Test
    void aReceiptWaitsForTheArchiveToStoreItsMessage() throws Exception {
        CompletableFuture<Void> archiveFlush = archive.holdFlushes();
        recorder.delivered(ALICE, BOB, "m1", at(2));
        recorder.displayed(BOB, ALICE, "m1", at(3));
        CompletableFuture<Void> flushed = recorder.flushed();

        Thread.sleep(300);
        assertThat(flushed).as("waiting for the archive").isNotDone();
        // The message overtaken by its receipts reaches the archive's table; then the archive's flush completes.
        long m1 = archive.store(id(1), ALICE, BOB, "m1");
        archiveFlush.complete(null);

        flushed.get(10, TimeUnit.SECONDS);
        assertThat(deliveries()).containsExactly(List.of(m1, BOB, at(2)));
        assertThat(readMarks()).containsExactly(List.of(BOB, ALICE, m1, at(3)));
    }

    @Test
    void deliveriesAreKeptPerRecipientSoGroupMessagesHaveOneEach() throws Exception {
        // A group message is one archive id delivered to each member; this lookup resolves it for both members.
        long groupMessage = id(1);
        ArchiveLookup groupArchive = new ArchiveLookup() {
            @Override
            public CompletableFuture<OptionalLong> resolve(String sender, String recipient, String reference) {
                boolean member = recipient.equals(BOB) || recipient.equals(CAROL);
                return CompletableFuture.completedFuture(sender.equals(ALICE) && member && reference.equals("g1")
                        ? OptionalLong.of(groupMessage) : OptionalLong.empty());
            }

            @Override
            public CompletableFuture<Optional<ArchivedRef>> find(String owner, String reference) {
                return CompletableFuture.completedFuture(Optional.empty());
            }

            @Override
            public CompletableFuture<Void> flushed() {
                return CompletableFuture.completedFuture(null);
            }
        };
        try (ReceiptRecorder groups = ReceiptRecorder.start(database.dataSource(), groupArchive, clock)) {
            groups.delivered(ALICE, BOB, "g1", at(2));
            groups.delivered(ALICE, CAROL, "g1", at(3));
            groups.delivered(ALICE, CAROL, "g1", at(4));
            groups.flushed().get(10, TimeUnit.SECONDS);
        }

        assertThat(deliveries()).containsExactly(List.of(groupMessage, BOB, at(2)),
                List.of(groupMessage, CAROL, at(3)));
    }

    @Test
    void aReceiptWithoutATimeIsRecordedAtTheClocksTimeToTheMillisecond() throws Exception {
        long m1 = archive.store(id(1), ALICE, BOB, "m1");
        clock.set(Instant.parse("2026-11-24T11:00:00.123456789Z"));

        recorder.delivered(ALICE, BOB, "m1", null);
        flush();

        assertThat(deliveries()).containsExactly(List.of(m1, BOB, Instant.parse("2026-11-24T11:00:00.123Z")));
    }

    @Test
    void aFullQueueRefusesReceiptsWithoutBlocking() throws Exception {
        recorder.close();
        CompletableFuture<Void> archiveFlush = archive.holdFlushes();
        recorder = ReceiptRecorder.start(database.dataSource(), archive, clock, 2, 1);
        archive.store(id(1), ALICE, BOB, "m1");

        int accepted = 0;
        for (int i = 0; i < 20; i++) {
            if (recorder.delivered(ALICE, BOB, "m1", at(2))) {
                accepted++;
            }
        }
        // Two in the queue, and at most one the writer took and is holding while it waits for the archive.
        assertThat(accepted).isBetween(2, 3);
        archiveFlush.complete(null);
        flush();
        assertThat(deliveries()).hasSize(1);
        assertThat(recorder.delivered(ALICE, BOB, "m1", at(3))).as("room again").isTrue();
    }

    @Test
    void flushedCoversEveryReceiptQueuedBeforeItWhileOtherThreadsKeepQueueing() throws Exception {
        int threads = 4;
        int each = 40;
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < each; i++) {
                archive.store(TestArchive.id(T0, t * each + i), ALICE, BOB, "t" + t + "-" + i);
            }
        }
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            runs.add(CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < each; i++) {
                        assertThat(recorder.delivered(ALICE, BOB, "t" + thread + "-" + i, at(i))).isTrue();
                        recorder.flushed().get(10, TimeUnit.SECONDS);
                        long id = TestArchive.id(T0, thread * each + i);
                        assertThat(postgres.query("SELECT 1 FROM " + database.schema()
                                + ".message_delivery WHERE message_id = " + id)).as("stored before flushed()")
                                .hasSize(1);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        try {
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(deliveries()).hasSize(threads * each);
        assertThat(recorder.pending()).isZero();
    }

    @Test
    void receiptsWaitWhileTheDatabaseIsDownAndAreStoredWhenItIsBack() throws Exception {
        recorder.close();
        AtomicBoolean down = new AtomicBoolean(true);
        recorder = ReceiptRecorder.start(failing(database.dataSource(), down), archive, clock);
        long m1 = archive.store(id(1), ALICE, BOB, "m1");

        recorder.delivered(ALICE, BOB, "m1", at(2));
        CompletableFuture<Void> flushed = recorder.flushed();
        Thread.sleep(400);
        assertThat(flushed).isNotDone();
        assertThat(recorder.pending()).as("held by the writer until it is stored, not lost").isEqualTo(1);

        down.set(false);
        flushed.get(15, TimeUnit.SECONDS);
        assertThat(deliveries()).containsExactly(List.of(m1, BOB, at(2)));
        assertThat(recorder.pending()).isZero();
    }

    @Test
    void closeStoresEveryQueuedReceiptThenRefusesMore() throws Exception {
        int messages = 3_000;
        for (int i = 1; i <= messages; i++) {
            archive.store(TestArchive.id(T0, i), ALICE, BOB, "m" + i);
        }
        for (int i = 1; i <= messages; i++) {
            assertThat(recorder.delivered(ALICE, BOB, "m" + i, at(5))).isTrue();
        }
        recorder.displayed(BOB, ALICE, "m" + messages, at(6));

        recorder.close();

        assertThat(deliveries()).hasSize(messages);
        assertThat(readMarks()).hasSize(1);
        assertThat(recorder.delivered(ALICE, BOB, "m1", at(7))).isFalse();
        assertThat(recorder.flushed()).succeedsWithin(Duration.ofSeconds(1));
        assertThat(Threads.awaitGone(ReceiptRecorder.THREAD_NAME, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void whatWasRecordedSurvivesARestartAndStillCounts() throws Exception {
        long m1 = archive.store(id(1), ALICE, BOB, "m1");
        long m2 = archive.store(id(2), ALICE, BOB, "m2");
        recorder.delivered(ALICE, BOB, "m1", at(3));
        recorder.displayed(BOB, ALICE, "m2", at(4));
        recorder.close();
        database.close();

        // A new node (or the restarted plugin) on the same database.
        database = Database.open(postgres.settings(database.schema()));
        archive = new TestArchive(database.dataSource());
        recorder = ReceiptRecorder.start(database.dataSource(), archive, clock);
        recorder.delivered(ALICE, BOB, "m1", at(5));
        recorder.displayed(BOB, ALICE, "m1", at(6));
        flush();

        assertThat(deliveries()).containsExactly(List.of(m1, BOB, at(3)));
        assertThat(readMarks()).containsExactly(List.of(BOB, ALICE, m2, at(4)));
    }

    @Test
    void lockKeysDependOnBothPartiesInOrder() {
        assertThat(ReceiptRecorder.lockKey(BOB, ALICE)).isEqualTo(ReceiptRecorder.lockKey(BOB, ALICE))
                .isNotEqualTo(ReceiptRecorder.lockKey(ALICE, BOB));
        assertThat(Map.of("a", ReceiptRecorder.lockKey("ab", "c"))).doesNotContainValue(
                ReceiptRecorder.lockKey("a", "bc"));
    }

    /** The data source, failing every connection while {@code down} is set. */
    private static DataSource failing(DataSource dataSource, AtomicBoolean down) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        throw new SQLTransientConnectionException("database down (test)");
                    }
                    try {
                        return method.invoke(dataSource, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
