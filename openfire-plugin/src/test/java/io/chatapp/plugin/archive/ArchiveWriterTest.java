package io.chatapp.plugin.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.config.ArchiveSettings;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.Threads;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The archive's writer thread: batching, flushes, a full queue, closing and database failures. */
class ArchiveWriterTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private Database database;
    private String schema;
    private MessageArchive archive;

    /** Copies batches into the table, recording their sizes; can be held at the start of a batch. */
    private final class RecordingInsert implements BatchInsert {
        final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        final List<Boolean> retries = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failuresLeft = new AtomicInteger();
        volatile CountDownLatch hold = new CountDownLatch(0);
        final CountDownLatch entered = new CountDownLatch(1);
        private final BatchInsert real = new BatchInsert.Copy();

        @Override
        public void write(Connection connection, List<NewMessage> batch, boolean retry) throws SQLException {
            entered.countDown();
            try {
                if (!hold.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("held too long");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", "57014");
            }
            retries.add(retry);
            if (failuresLeft.getAndDecrement() > 0) {
                throw new SQLException("connection lost (simulated)", "08006");
            }
            real.write(connection, batch, retry);
            sizes.add(batch.size());
        }
    }

    private final RecordingInsert insert = new RecordingInsert();

    @BeforeEach
    void open() {
        schema = "writer_" + System.nanoTime();
        database = Database.open(postgres.settings(schema));
    }

    @AfterEach
    void close() {
        if (archive != null) {
            archive.close();
        }
        database.close();
    }

    private void start(int capacity, int batchSize) throws SQLException {
        archive = MessageArchive.start(database.dataSource(),
                new ArchiveSettings(capacity, batchSize, 2, 250, Duration.ofHours(48)), Clock.systemUTC(), insert);
    }

    private NewMessage message(int n) {
        long id = archive.ids().next();
        return new NewMessage(id, "user" + (n % 7) + "@example.com", "user" + (n % 5) + "@example.com", "m-" + n,
                "o-" + n, "<message id='m-" + n + "'><body>" + n + "</body></message>");
    }

    private long rows() throws SQLException {
        return (Long) postgres.query("SELECT count(*) FROM " + schema + ".archive_message").get(0).get(0);
    }

    @Test
    void messagesAreWrittenInBatchesOfAtMostBatchSize() throws Exception {
        start(10_000, 10);
        insert.hold = new CountDownLatch(1);
        archive.offer(message(0));
        assertThat(insert.entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 35; i++) {
            assertThat(archive.offer(message(i))).isTrue();
        }
        CompletableFuture<Void> flushed = archive.flushed();

        insert.hold.countDown();
        flushed.get(10, TimeUnit.SECONDS);

        assertThat(rows()).isEqualTo(36);
        assertThat(insert.sizes).startsWith(1, 10, 10, 10).allMatch(size -> size <= 10);
        assertThat(insert.sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(36);
    }

    @Test
    void flushedWaitsOnlyForWhatWasOfferedBefore() throws Exception {
        start(10_000, 100);
        assertThat(archive.flushed()).as("nothing pending").isDone();
        insert.hold = new CountDownLatch(1);
        archive.offer(message(1));
        assertThat(insert.entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> flushed = archive.flushed();
        Thread.sleep(100);
        assertThat(flushed).as("the batch is still being written").isNotDone();
        assertThat(archive.pendingWrites()).isEqualTo(1);

        insert.hold.countDown();
        flushed.get(10, TimeUnit.SECONDS);
        assertThat(rows()).isEqualTo(1);
        assertThat(archive.pendingWrites()).isZero();
        assertThat(archive.flushed()).isDone();
    }

    @Test
    void theListenerHearsEachCommittedBatchBeforeItCountsAsFlushed() throws Exception {
        start(10_000, 100);
        List<Long> heard = Collections.synchronizedList(new ArrayList<>());
        List<Long> committedWhenHeard = Collections.synchronizedList(new ArrayList<>());
        archive.onArchived(batch -> {
            batch.forEach(message -> heard.add(message.id()));
            try {
                committedWhenHeard.add(rows());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Long> offered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            NewMessage message = message(i);
            offered.add(message.id());
            archive.offer(message);
        }

        archive.flushed().get(10, TimeUnit.SECONDS);

        assertThat(heard).as("every message, once, once the flush completed").containsExactlyElementsOf(offered);
        assertThat(committedWhenHeard).as("rows committed when the listener ran").isNotEmpty()
                .allMatch(count -> count > 0);
    }

    @Test
    void aFailingListenerNeitherRewritesNorStopsTheArchive() throws Exception {
        start(10_000, 100);
        archive.onArchived(batch -> {
            throw new IllegalStateException("listener broke (simulated)");
        });
        archive.offer(message(1));
        archive.flushed().get(10, TimeUnit.SECONDS);
        archive.offer(message(2));
        archive.flushed().get(10, TimeUnit.SECONDS);

        assertThat(rows()).isEqualTo(2);
        assertThat(insert.retries).containsOnly(false);
    }

    @Test
    void aListenerThatFindsTheDatabaseAwayHasTheBatchBroughtAgainUntilItIsTold() throws Exception {
        start(10_000, 100);
        AtomicInteger unavailableLeft = new AtomicInteger(2);
        List<Long> told = Collections.synchronizedList(new ArrayList<>());
        archive.onArchived(batch -> {
            if (unavailableLeft.getAndDecrement() > 0) {
                // What a media share's insert throws when the pool has no connection to give.
                throw new java.sql.SQLTransientConnectionException("no connection (simulated)");
            }
            batch.forEach(message -> told.add(message.id()));
        });
        NewMessage message = message(1);
        archive.offer(message);

        archive.flushed().get(10, TimeUnit.SECONDS);

        assertThat(told).as("told once it could take it, and only then flushed").containsExactly(message.id());
        assertThat(insert.retries).as("written again, as after a lost commit answer").containsExactly(false, true, true);
        assertThat(rows()).as("each message once").isEqualTo(1);
    }

    /**
     * A message whose reference is too large for an index entry (PostgreSQL: "index row requires … bytes", SQLSTATE
     * 54000) used to be retried for ever, and every message behind it with it: it is skipped, the others written.
     */
    @Test
    void aMessageTooLargeForAnIndexEntryIsSkippedAndTheOthersWritten() throws Exception {
        start(10_000, 100);
        archive.offer(message(1));
        archive.offer(new NewMessage(archive.ids().next(), "user1@example.com", "user2@example.com", "m-big",
                tooLargeForAnIndexEntry(), "<message id='m-big'><body>big</body></message>"));
        archive.offer(message(3));

        archive.flushed().get(10, TimeUnit.SECONDS);

        assertThat(rows()).as("the two others").isEqualTo(2);
        assertThat(archive.offer(message(4))).isTrue();
        archive.flushed().get(10, TimeUnit.SECONDS);
        assertThat(rows()).isEqualTo(3);
    }

    /** 64 KB of random letters and digits: PostgreSQL can neither compress it into an index entry nor index it. */
    static String tooLargeForAnIndexEntry() {
        StringBuilder reference = new StringBuilder();
        java.util.Random random = new java.util.Random(54);
        while (reference.length() < 64 * 1024) {
            reference.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        }
        return reference.toString();
    }

    @Test
    void aFullQueueRefusesAtOnceAndAcceptsAgainOnceWritten() throws Exception {
        start(5, 100);
        insert.hold = new CountDownLatch(1);
        int accepted = 0;
        for (int i = 0; i < 20; i++) {
            long before = System.nanoTime();
            if (archive.offer(message(i))) {
                accepted++;
            }
            assertThat(System.nanoTime() - before).as("offer never blocks").isLessThan(TimeUnit.SECONDS.toNanos(1));
        }
        assertThat(accepted).isEqualTo(5);

        insert.hold.countDown();
        archive.flushed().get(10, TimeUnit.SECONDS);

        assertThat(rows()).isEqualTo(5);
        assertThat(archive.offer(message(99))).isTrue();
    }

    @Test
    void closeWritesEverythingOfferedAndStopsItsThreads() throws Exception {
        start(100_000, 50);
        int offered = 0;
        for (int i = 0; i < 5_000; i++) {
            if (archive.offer(message(i))) {
                offered++;
            }
        }

        archive.close();

        assertThat(offered).isEqualTo(5_000);
        assertThat(rows()).isEqualTo(5_000);
        assertThat(archive.offer(message(1))).as("closed").isFalse();
        assertThat(archive.flushed()).isDone();
        assertThat(Threads.awaitGone("chatapp-archive-", Duration.ofSeconds(5))).isEmpty();
        archive = null;
    }

    @Test
    void closeWaitsForOffersFromManyThreads() throws Exception {
        start(1_000_000, 200);
        AtomicInteger accepted = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread sender = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    if (archive.offer(message(i))) {
                        accepted.incrementAndGet();
                    }
                }
            });
            senders.add(sender);
            sender.start();
        }
        Thread.sleep(20);

        archive.close();
        for (Thread sender : senders) {
            sender.join();
        }

        assertThat(rows()).as("every accepted message, none of the refused ones").isEqualTo(accepted.get());
        archive = null;
    }

    @Test
    void aDatabaseOutageIsRetriedWithTheSameBatchAndNothingIsLost() throws Exception {
        start(10_000, 100);
        insert.failuresLeft.set(3);
        List<NewMessage> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            NewMessage message = message(i);
            sent.add(message);
            archive.offer(message);
        }

        archive.flushed().get(20, TimeUnit.SECONDS);

        assertThat(rows()).isEqualTo(50);
        assertThat(insert.retries).as("first try, then retries").startsWith(false, true, true, true);
        assertThat(postgres.query("SELECT min(id), max(id) FROM " + schema + ".archive_message"))
                .containsExactly(List.of(sent.get(0).id(), sent.get(49).id()));
    }

    @Test
    void aRetryAfterALostCommitAnswerSkipsRowsAlreadyWritten() throws Exception {
        start(10_000, 100);
        NewMessage message = message(1);
        try (Connection connection = database.dataSource().getConnection()) {
            new BatchInsert.Copy().write(connection, List.of(message), false);
        }

        try (Connection connection = database.dataSource().getConnection()) {
            new BatchInsert.Copy().write(connection, List.of(message, message(2)), true);
        }

        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void copyFallsBackToUnnestOnAnotherDriversConnection() throws Exception {
        start(10_000, 100);
        try (Connection real = database.dataSource().getConnection()) {
            // A connection that is not our driver's (as DriverManager may hand out): it cannot be unwrapped for COPY.
            Connection foreign = (Connection) java.lang.reflect.Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("isWrapperFor")) {
                            return false;
                        }
                        if (method.getName().equals("unwrap")) {
                            throw new SQLException("Cannot unwrap");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });

            new BatchInsert.Copy().write(foreign, List.of(message(1), message(2)), false);
        }

        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void aMessageTheDatabaseCannotStoreIsSkippedAlone() throws Exception {
        start(10_000, 100);
        insert.hold = new CountDownLatch(1);
        archive.offer(message(0));
        assertThat(insert.entered.await(10, TimeUnit.SECONDS)).isTrue();
        archive.offer(message(1));
        long bad = archive.ids().next();
        archive.offer(new NewMessage(bad, "a@example.com", "b@example.com", "x", null, "nul \u0000 inside"));
        archive.offer(message(2));

        insert.hold.countDown();
        archive.flushed().get(20, TimeUnit.SECONDS);

        assertThat(rows()).isEqualTo(3);
        assertThat(postgres.query("SELECT count(*) FROM " + schema + ".archive_message WHERE id = ?", bad))
                .containsExactly(List.of(0L));
    }
}
