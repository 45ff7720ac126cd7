package io.chatapp.plugin.archive;

import io.chatapp.plugin.storage.Batches;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's one writer thread ({@code chatapp-archive-writer}): takes accepted messages from a queue and writes
 * them in batches, one transaction per batch.
 *
 * <p>The queue is unbounded; the bound is a separate count of messages accepted but not yet committed
 * ({@link #pending}), so that accepting costs one atomic increment and one enqueue on the packet thread, and so that
 * {@link #flushed()} can always register, even when the queue is full. A flush is a marker put into the same FIFO
 * queue: every message whose {@link #offer} returned before it is ahead of it, and the marker completes once the batch
 * it was taken with has been committed. When nothing is pending a flush completes at once without waking the writer.
 *
 * <p>A batch that fails for any reason but bad data (connection lost, database down, out of disk) is retried, the same
 * batch, with a growing pause, until it is written: meanwhile the count fills and new messages are refused. Retries
 * use {@code ON CONFLICT (id) DO NOTHING}, since a commit whose answer was lost may have gone through. A batch refused
 * for its data (which no retry can fix) is written one message at a time, and only the offending messages are
 * skipped and logged.
 */
final class ArchiveWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWriter.class);
    private static final Object STOP = new Object();
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 5_000;

    private final DataSource dataSource;
    private final BatchInsert insert;
    private final int capacity;
    private final int batchSize;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    /** Messages accepted and not yet committed (or given up). */
    private final AtomicInteger pending = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean finished;
    private volatile long committed;

    ArchiveWriter(DataSource dataSource, BatchInsert insert, int capacity, int batchSize) {
        this.dataSource = dataSource;
        this.insert = insert;
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.thread = new Thread(this::run, "chatapp-archive-writer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Accepts the message for writing; false, at once, when the archive is full or closed. */
    boolean offer(NewMessage message) {
        // Count first, then look at closed: close() sets closed before it waits for the count to reach zero, so a
        // message counted here is either refused or waited for (both are sequentially consistent operations).
        if (pending.incrementAndGet() > capacity || closed) {
            pending.decrementAndGet();
            return false;
        }
        queue.add(message);
        if (queue.size() >= batchSize) {
            Batches.wake(thread);
        }
        return true;
    }

    CompletableFuture<Void> flushed() {
        if (pending.get() == 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> flush = new CompletableFuture<>();
        if (finished) {
            return finishedFlush();
        }
        queue.add(flush);
        Batches.wake(thread);
        if (finished) {
            // The writer may have ended between the check and the add: settle what it left behind.
            settleLeftovers();
        }
        return flush;
    }

    private CompletableFuture<Void> finishedFlush() {
        int lost = pending.get();
        return lost == 0 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new IllegalStateException(
                        "The archive closed with " + lost + " messages unwritten"));
    }

    /** Messages accepted but not yet committed. */
    int pending() {
        return pending.get();
    }

    /** Messages committed since start. */
    long committed() {
        return committed;
    }

    /**
     * Stops accepting messages, writes every accepted one and ends the thread, waiting at most the timeout; after it
     * the thread is interrupted, and messages it could not write (the database was down all along) are logged as lost.
     */
    void close(Duration timeout) {
        closed = true;
        queue.add(STOP);
        Batches.wake(thread);
        try {
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                LOG.error("Archive writer still has {} messages to write after {}; stopping it", pending.get(), timeout);
                thread.interrupt();
                thread.join(timeout.toMillis());
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    /** How long the writer waits for more messages before writing a batch (see {@link Batches}). */
    static final long BATCH_LINGER_MILLIS = 10;

    private void run() {
        List<Object> taken = new ArrayList<>(batchSize);
        List<NewMessage> batch = new ArrayList<>(batchSize);
        List<CompletableFuture<Void>> flushes = new ArrayList<>();
        boolean stopping = false;
        try {
            while (true) {
                Object first = stopping ? queue.poll(10, TimeUnit.MILLISECONDS) : queue.take();
                if (first == null) {
                    // Closing: wait for messages counted by offer() calls that had passed their check.
                    if (pending.get() == 0) {
                        break;
                    }
                    continue;
                }
                taken.add(first);
                // A flush request or the stop marker ends the wait: someone is waiting for this batch.
                Batches.gather(queue, taken, batchSize, stopping ? 0 : BATCH_LINGER_MILLIS,
                        item -> !(item instanceof NewMessage));
                for (Object item : taken) {
                    if (item instanceof NewMessage message) {
                        batch.add(message);
                    } else if (item == STOP) {
                        stopping = true;
                    } else {
                        @SuppressWarnings("unchecked")
                        CompletableFuture<Void> flush = (CompletableFuture<Void>) item;
                        flushes.add(flush);
                    }
                }
                taken.clear();
                if (!batch.isEmpty()) {
                    write(batch, true);
                    committed += batch.size();
                    pending.addAndGet(-batch.size());
                    batch.clear();
                }
                for (CompletableFuture<Void> flush : flushes) {
                    flush.complete(null);
                }
                flushes.clear();
                if (stopping && pending.get() == 0) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            int lost = pending.get();
            if (lost > 0) {
                LOG.error("Archive writer stopped with {} accepted messages not written to the database", lost);
            }
        } catch (RuntimeException | Error e) {
            LOG.error("Archive writer failed; {} accepted messages not written", pending.get(), e);
            closed = true;
        } finally {
            finished = true;
            for (CompletableFuture<Void> flush : flushes) {
                flush.complete(null);
            }
            settleLeftovers();
        }
    }

    /** After the writer ended: answer every flush still queued (messages still there were not written). */
    private void settleLeftovers() {
        List<Object> left = new ArrayList<>();
        queue.drainTo(left);
        int unwritten = 0;
        for (Object item : left) {
            if (item instanceof NewMessage) {
                unwritten++;
            }
        }
        if (unwritten > 0) {
            LOG.error("{} archive messages accepted after the writer stopped were not written", unwritten);
        }
        for (Object item : left) {
            if (item instanceof CompletableFuture<?> flush) {
                if (pending.get() == 0) {
                    flush.complete(null);
                } else {
                    flush.completeExceptionally(new IllegalStateException("The archive closed with "
                            + pending.get() + " messages unwritten"));
                }
            }
        }
    }

    /** Writes the batch in one transaction, retrying until it is written. */
    private void write(List<NewMessage> batch, boolean firstTry) throws InterruptedException {
        long pause = FIRST_PAUSE_MILLIS;
        int failures = 0;
        boolean retrying = !firstTry;
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    insert.write(connection, batch, retrying);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection);
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
                if (failures > 0) {
                    LOG.info("Archive writes work again after {} failed attempts", failures);
                }
                return;
            } catch (SQLException e) {
                if (isBadData(e)) {
                    writeSeparately(batch, e);
                    return;
                }
                failures++;
                retrying = true;
                if (failures == 1 || failures % 20 == 0) {
                    LOG.warn("Could not write {} archive messages (attempt {}, {} pending); retrying in {} ms: {}",
                            batch.size(), failures, pending.get(), pause, e.getMessage());
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        }
    }

    private void writeSeparately(List<NewMessage> batch, SQLException cause) throws InterruptedException {
        if (batch.size() == 1) {
            NewMessage message = batch.get(0);
            LOG.error("Archive message {} from {} to {} cannot be stored and is skipped: {}",
                    ArchiveIds.format(message.id()), message.sender(), message.recipient(), cause.getMessage());
            return;
        }
        for (NewMessage message : batch) {
            write(List.of(message), false);
        }
    }

    /** Errors about the rows themselves (SQLSTATE classes 22 and 23): retrying the same rows cannot help. */
    private static boolean isBadData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it.
        }
    }
}
