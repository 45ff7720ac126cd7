package io.chatapp.plugin.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.testing.Threads;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batching writer on its own, with a sink that records batches in memory. */
class BatchWriterTest {

    private static final String THREAD = "chatapp-test-writer";

    /** Records every batch it writes; can be held at the start of a batch, or fail while {@code down} is set. */
    private static final class RecordingSink implements BatchWriter.Sink<Integer> {
        final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        final List<Boolean> retries = Collections.synchronizedList(new ArrayList<>());
        final List<List<Integer>> attempts = Collections.synchronizedList(new ArrayList<>());
        final List<Long> attemptTimes = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicInteger failuresLeft = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch hold = new CountDownLatch(0);

        @Override
        public void write(List<Integer> batch, boolean retry) throws Exception {
            entered.countDown();
            hold.await();
            attemptTimes.add(System.nanoTime());
            retries.add(retry);
            attempts.add(List.copyOf(batch));
            if (down.get() || failuresLeft.getAndDecrement() > 0) {
                throw new SQLException("database down (test)", "08006");
            }
            batches.add(List.copyOf(batch));
        }

        List<Integer> written() {
            synchronized (batches) {
                return batches.stream().flatMap(List::stream).toList();
            }
        }
    }

    private final RecordingSink sink = new RecordingSink();
    private BatchWriter<Integer> writer;

    @AfterEach
    void stop() {
        sink.down.set(false);
        sink.hold.countDown();
        if (writer != null) {
            writer.close(Duration.ofSeconds(10));
        }
    }

    private BatchWriter.Builder<Integer> builder() {
        return BatchWriter.builder(THREAD, "test items", sink);
    }

    @Test
    void writesInOrderInBatchesOfAtMostTheBatchSize() throws Exception {
        writer = builder().batchSize(10).start();
        sink.hold = new CountDownLatch(1);
        writer.offer(0);
        assertThat(sink.entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 35; i++) {
            assertThat(writer.offer(i)).isTrue();
        }
        CompletableFuture<Void> flushed = writer.flushed();

        sink.hold.countDown();
        flushed.get(10, TimeUnit.SECONDS);

        assertThat(sink.batches.stream().map(List::size).toList()).containsExactly(1, 10, 10, 10, 5);
        assertThat(sink.written()).isEqualTo(java.util.stream.IntStream.rangeClosed(0, 35).boxed().toList());
        assertThat(writer.written()).isEqualTo(36);
        assertThat(writer.pending()).isZero();
    }

    @Test
    void lingersForMoreItemsBeforeWriting() throws Exception {
        writer = builder().batchSize(100).linger(Duration.ofMillis(300)).start();
        long start = System.nanoTime();
        writer.offer(1);
        Thread.sleep(50);
        writer.offer(2);
        Thread.sleep(50);
        writer.offer(3);

        awaitWritten(3);

        assertThat(sink.batches).containsExactly(List.of(1, 2, 3));
        assertThat(sink.attemptTimes.get(0) - start).as("waited out the linger")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
    }

    @Test
    void aFlushEndsTheLingerAndWaitsOnlyForWhatWasOfferedBefore() throws Exception {
        writer = builder().batchSize(100).linger(Duration.ofMinutes(1)).start();
        assertThat(writer.flushed()).as("nothing pending").isDone();
        writer.offer(1);
        writer.offer(2);

        writer.flushed().get(10, TimeUnit.SECONDS);

        assertThat(sink.batches).containsExactly(List.of(1, 2));
        sink.hold = new CountDownLatch(1);
        writer.offer(3);
        CompletableFuture<Void> afterThree = writer.flushed();
        writer.offer(4);
        assertThat(afterThree).as("3 is held in the sink").isNotDone();
        sink.hold.countDown();
        afterThree.get(10, TimeUnit.SECONDS);
        assertThat(sink.written()).startsWith(1, 2, 3);
        writer.flushed().get(10, TimeUnit.SECONDS);
        assertThat(sink.written()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aFullWriterRefusesAtOnceAndAcceptsAgainOnceWritten() throws Exception {
        writer = builder().capacity(5).batchSize(100).start();
        sink.hold = new CountDownLatch(1);
        long start = System.nanoTime();
        List<Integer> accepted = java.util.stream.IntStream.range(0, 20).filter(writer::offer).boxed().toList();
        assertThat(System.nanoTime() - start).as("offers never block").isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(accepted).containsExactly(0, 1, 2, 3, 4);
        assertThat(writer.pending()).isEqualTo(5);

        sink.hold.countDown();
        writer.flushed().get(10, TimeUnit.SECONDS);

        assertThat(sink.written()).isEqualTo(accepted);
        assertThat(writer.offer(99)).as("room again").isTrue();
    }

    @Test
    void aFailedBatchIsRetriedTheSameWithGrowingPausesAndNothingIsLost() throws Exception {
        writer = builder().batchSize(100).start();
        sink.failuresLeft.set(3);
        sink.hold = new CountDownLatch(1);
        for (int i = 0; i < 5; i++) {
            writer.offer(i);
        }
        CompletableFuture<Void> flushed = writer.flushed();
        sink.hold.countDown();

        flushed.get(20, TimeUnit.SECONDS);

        // The writer may take the first item alone before the others are offered: whatever its first batch, that
        // batch is what is retried, and everything ends up written once, in order.
        assertThat(sink.written()).containsExactly(0, 1, 2, 3, 4);
        assertThat(sink.attempts.subList(1, 4)).as("retried the same").containsOnly(sink.attempts.get(0));
        assertThat(sink.retries.subList(0, 4)).as("first try, then retries").containsExactly(false, true, true, true);
        assertThat(sink.retries.subList(4, sink.retries.size())).as("later batches are first tries")
                .doesNotContain(true);
        List<Long> times = sink.attemptTimes;
        long first = times.get(1) - times.get(0);
        long second = times.get(2) - times.get(1);
        long third = times.get(3) - times.get(2);
        assertThat(first).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(second).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(third).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(400));
    }

    @Test
    void aBatchRefusedForItsItemsIsWrittenItemByItemSkippingOnlyTheRefusedOne() throws Exception {
        List<Integer> skipped = Collections.synchronizedList(new ArrayList<>());
        BatchWriter.Sink<Integer> refusingSeven = (batch, retry) -> {
            if (batch.contains(7)) {
                throw new SQLException("bad row (test)", "22021");
            }
            sink.write(batch, retry);
        };
        writer = BatchWriter.builder(THREAD, "test items", refusingSeven).batchSize(100)
                .skipRefusedItems(e -> e instanceof SQLException sql && sql.getSQLState().startsWith("22"),
                        (item, e) -> skipped.add(item))
                .start();
        sink.hold = new CountDownLatch(1);
        writer.offer(5);
        writer.offer(6);
        writer.offer(7);
        writer.offer(8);
        CompletableFuture<Void> flushed = writer.flushed();
        sink.hold.countDown();

        flushed.get(10, TimeUnit.SECONDS);

        assertThat(sink.written()).containsExactly(5, 6, 8);
        assertThat(skipped).containsExactly(7);
        assertThat(writer.pending()).isZero();
    }

    @Test
    void closeWritesEverythingAcceptedThenRefusesAndEndsItsThread() throws Exception {
        writer = builder().batchSize(50).linger(Duration.ofMillis(10)).start();
        for (int i = 0; i < 5_000; i++) {
            assertThat(writer.offer(i)).isTrue();
        }

        writer.close(Duration.ofSeconds(10));

        assertThat(sink.written()).hasSize(5_000);
        assertThat(writer.offer(1)).as("closed").isFalse();
        assertThat(writer.flushed()).isDone();
        assertThat(Threads.awaitGone(THREAD, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void closeWaitsForOffersFromManyThreads() throws Exception {
        writer = builder().batchSize(200).linger(Duration.ofMillis(10)).start();
        AtomicInteger accepted = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread sender = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    if (writer.offer(i)) {
                        accepted.incrementAndGet();
                    }
                }
            });
            senders.add(sender);
            sender.start();
        }
        Thread.sleep(20);

        writer.close(Duration.ofSeconds(20));
        for (Thread sender : senders) {
            sender.join();
        }

        assertThat(sink.written()).as("every accepted item, none of the refused ones").hasSize(accepted.get());
    }

    @Test
    void closeHonoursItsTimeLimitWhenTheDatabaseStaysAway() throws Exception {
        writer = builder().batchSize(100).start();
        sink.down.set(true);
        writer.offer(1);
        CompletableFuture<Void> flushed = writer.flushed();

        long start = System.nanoTime();
        writer.close(Duration.ofMillis(500));

        assertThat(System.nanoTime() - start).as("time limit, then the interrupted thread ends")
                .isBetween(TimeUnit.MILLISECONDS.toNanos(450), TimeUnit.SECONDS.toNanos(5));
        assertThat(Threads.awaitGone(THREAD, Duration.ofSeconds(5))).isEmpty();
        assertThat(flushed).as("the item was not written").isCompletedExceptionally();
        assertThat(writer.flushed()).isCompletedExceptionally();
        assertThat(sink.written()).isEmpty();
    }

    @Test
    void aWriterThatGivesUpAtCloseFailsTheFlushesAfterTheLostBatch() throws Exception {
        writer = builder().batchSize(100).giveUpWhenClosingAfter(3).start();
        sink.down.set(true);
        writer.offer(1);
        CompletableFuture<Void> flushed = writer.flushed();

        writer.close(Duration.ofSeconds(10));

        assertThat(sink.retries).as("given up after three attempts").hasSize(3);
        assertThat(flushed).isCompletedExceptionally();
        assertThat(writer.flushed()).isCompletedExceptionally();
        assertThat(writer.pending()).isZero();
        assertThat(Threads.awaitGone(THREAD, Duration.ofSeconds(5))).isEmpty();
    }

    private void awaitWritten(int items) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.written().size() < items && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
