package io.chatapp.plugin.storage;

import io.chatapp.plugin.concurrent.DaemonThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer thread that takes accepted items from a queue and hands them to a {@link Sink} in batches, one
 * transaction per batch, in the order they were accepted. The archive, the receipts and the groups write through one.
 *
 * <p><b>Accepting.</b> {@link #offer} never blocks: it costs one atomic increment and one enqueue on the caller's
 * thread (Openfire's packet thread, usually). The queue itself is unbounded; the bound is the count of items accepted
 * and not yet written ({@link #pending()}), so that an item counted is always queued, and a flush can always register.
 *
 * <p><b>Batching.</b> The writer gathers up to the batch size, waiting at most the linger for more (see
 * {@link Batches}: it sleeps through the wait and is woken for a flush or a full batch, never per item).
 *
 * <p><b>Flushing.</b> {@link #flushed()} puts a marker into the same first-in-first-out queue: every item whose offer
 * returned before it is ahead of it, and it completes once the batch it was taken with has been written. When nothing
 * is pending it completes at once, without waking the writer.
 *
 * <p><b>Failures.</b> A batch whose write fails is retried, the same batch, with a pause doubling from 100 ms to 5 s,
 * until it is written: meanwhile the count fills and new items are refused, but no accepted item is dropped. Only two
 * things end that: a failure the writer was told means the items themselves are refused (which no retry can fix; the
 * batch is then written item by item and only the refused ones are skipped), and, when so configured, a batch that
 * still fails after some attempts once {@link #close} has begun (it is given up, and every later flush fails).
 *
 * <p><b>Closing.</b> {@link #close} refuses new items, writes every accepted one and ends the thread, waiting at most
 * the given time; then it interrupts the thread, and what could not be written is logged as lost.
 */
public final class BatchWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final Object STOP = new Object();
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 5_000;
    /** How long close waits for the thread to end once interrupted (a JDBC call may not notice the interrupt). */
    private static final long INTERRUPTED_JOIN_MILLIS = 5_000;

    /** Writes one batch. */
    @FunctionalInterface
    public interface Sink<T> {

        /**
         * Writes the batch in one transaction (or not at all: on failure the same batch comes again). {@code retry}
         * is true when an earlier attempt at these items may have committed though its answer was lost.
         */
        void write(List<T> batch, boolean retry) throws Exception;
    }

    private final String threadName;
    private final String items;
    private final Sink<T> sink;
    private final int capacity;
    private final int batchSize;
    private final long lingerMillis;
    private final int attemptsWhenClosing;
    private final Predicate<Exception> refusesItems;
    private final BiConsumer<T, Exception> skipped;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    /** Items accepted and not yet written (or skipped, or given up). */
    private final AtomicInteger pending = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean finished;
    /** Items the writer has finished with since start; written by the writer only. */
    private volatile long done;
    /** The position (1 = first since start) of the first item given up at close, or 0. */
    private volatile long firstLost;

    private BatchWriter(Builder<T> builder) {
        this.threadName = builder.threadName;
        this.items = builder.items;
        this.sink = builder.sink;
        this.capacity = builder.capacity;
        this.batchSize = builder.batchSize;
        this.lingerMillis = builder.linger.toMillis();
        this.attemptsWhenClosing = builder.attemptsWhenClosing;
        this.refusesItems = builder.refusesItems;
        this.skipped = builder.skipped;
        this.thread = DaemonThreads.unstarted(threadName, this::run);
    }

    /**
     * A writer on a thread named {@code threadName}; {@code items} names what it writes in its log lines ("archive
     * messages").
     */
    public static <T> Builder<T> builder(String threadName, String items, Sink<T> sink) {
        return new Builder<>(threadName, items, sink);
    }

    /** Accepts the item for writing; false, at once, when the writer is full or closed. */
    public boolean offer(T item) {
        // Count first, then look at closed: close() sets closed before the writer waits for the count to reach zero,
        // so an item counted here is either refused or written (both are sequentially consistent operations).
        if (pending.incrementAndGet() > capacity || closed) {
            pending.decrementAndGet();
            return false;
        }
        queue.add(item);
        if (queue.size() >= batchSize) {
            Batches.wake(thread);
        }
        return true;
    }

    /**
     * Completes once every item accepted before the call has been written (or skipped as refused); fails when some
     * of them were not written before the writer ended.
     */
    public CompletableFuture<Void> flushed() {
        if (pending.get() == 0) {
            return settled();
        }
        if (finished) {
            return afterTheEnd();
        }
        Flush flush = new Flush();
        queue.add(flush);
        Batches.wake(thread);
        if (finished) {
            // The writer may have ended between the check and the add: settle what it left behind.
            settleLeftovers();
        }
        return flush.future;
    }

    /** Items accepted and not yet written (queued, or in the batch being written). */
    public int pending() {
        return pending.get();
    }

    /** Items written (or skipped as refused) since start. */
    public long written() {
        return done;
    }

    /**
     * Refuses new items, writes every accepted one and ends the thread, waiting at most {@code timeout}; then the
     * thread is interrupted, and what it could not write (the database was away all along) is logged as lost.
     */
    public void close(Duration timeout) {
        closed = true;
        queue.add(STOP);
        Batches.wake(thread);
        try {
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                LOG.error("{} still has {} {} to write after {}; stopping it", threadName, pending.get(), items,
                        timeout);
                thread.interrupt();
                thread.join(INTERRUPTED_JOIN_MILLIS);
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Object> taken = new ArrayList<>(batchSize);
        List<T> batch = new ArrayList<>(batchSize);
        List<Flush> flushes = new ArrayList<>();
        boolean stopping = false;
        try {
            while (true) {
                Object first = stopping ? queue.poll(10, TimeUnit.MILLISECONDS) : queue.take();
                if (first == null) {
                    // Closing: wait for items counted by offer() calls that had passed their check.
                    if (pending.get() == 0) {
                        break;
                    }
                    continue;
                }
                taken.add(first);
                // A flush or the stop marker ends the wait: someone is waiting for this batch.
                Batches.gather(queue, taken, batchSize, stopping ? 0 : lingerMillis,
                        item -> item == STOP || item instanceof Flush);
                for (Object item : taken) {
                    if (item == STOP) {
                        stopping = true;
                    } else if (item instanceof Flush flush) {
                        flush.after = done + batch.size();
                        flushes.add(flush);
                    } else {
                        @SuppressWarnings("unchecked")
                        T accepted = (T) item;
                        batch.add(accepted);
                    }
                }
                taken.clear();
                if (!batch.isEmpty()) {
                    if (!write(batch, false) && firstLost == 0) {
                        firstLost = done + 1;
                    }
                    done += batch.size();
                    pending.addAndGet(-batch.size());
                    batch.clear();
                }
                flushes.forEach(this::settle);
                flushes.clear();
                if (stopping && pending.get() == 0) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            int lost = pending.get();
            if (lost > 0) {
                LOG.error("{} stopped with {} accepted {} not written", threadName, lost, items);
            }
        } catch (RuntimeException | Error e) {
            LOG.error("{} failed; {} accepted {} not written", threadName, pending.get(), items, e);
            closed = true;
        } finally {
            finished = true;
            for (Flush flush : flushes) {
                flush.future.completeExceptionally(notWritten());
            }
            settleLeftovers();
        }
    }

    /** Writes the batch, retrying until it is written; false when it was given up at close. */
    private boolean write(List<T> batch, boolean retry) throws InterruptedException {
        long pause = FIRST_PAUSE_MILLIS;
        int failures = 0;
        boolean retrying = retry;
        while (true) {
            try {
                sink.write(batch, retrying);
                if (failures > 0) {
                    LOG.info("{} written again after {} failed attempts", items, failures);
                }
                return true;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (refusesItems.test(e)) {
                    return writeAlone(batch, e);
                }
                failures++;
                retrying = true;
                if (closed && failures >= attemptsWhenClosing) {
                    LOG.warn("Giving up {} {} at shutdown: {}", batch.size(), items, e.getMessage());
                    return false;
                }
                if (failures == 1 || failures % 20 == 0) {
                    LOG.warn("Could not write {} {} (attempt {}, {} pending); retrying in {} ms: {}", batch.size(),
                            items, failures, pending.get(), pause, e.getMessage());
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        }
    }

    /** A batch refused for its items: each is written on its own, and only a refused one is skipped. */
    private boolean writeAlone(List<T> batch, Exception refusal) throws InterruptedException {
        if (batch.size() == 1) {
            skipped.accept(batch.get(0), refusal);
            return true;
        }
        boolean written = true;
        for (T item : batch) {
            written &= write(List.of(item), true);
        }
        return written;
    }

    private void settle(Flush flush) {
        if (firstLost != 0 && firstLost <= flush.after) {
            flush.future.completeExceptionally(new IllegalStateException("Some " + items + " could not be written"));
        } else {
            flush.future.complete(null);
        }
    }

    /** A flush with nothing pending: done, unless something was given up. */
    private CompletableFuture<Void> settled() {
        return firstLost == 0 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new IllegalStateException("Some " + items + " could not be written"));
    }

    private CompletableFuture<Void> afterTheEnd() {
        return pending.get() == 0 ? settled() : CompletableFuture.failedFuture(notWritten());
    }

    private IllegalStateException notWritten() {
        return new IllegalStateException(threadName + " ended with " + pending.get() + " " + items + " unwritten");
    }

    /** After the writer ended: answer every flush still queued (items still there were not written). */
    private void settleLeftovers() {
        List<Object> left = new ArrayList<>();
        queue.drainTo(left);
        long unwritten = left.stream().filter(item -> item != STOP && !(item instanceof Flush)).count();
        if (unwritten > 0) {
            LOG.error("{} {} accepted after {} stopped were not written", unwritten, items, threadName);
        }
        for (Object item : left) {
            if (item instanceof Flush flush) {
                afterTheEnd().whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        flush.future.complete(null);
                    } else {
                        flush.future.completeExceptionally(failure);
                    }
                });
            }
        }
    }

    /** A flush marker in the queue; {@code after} is how many items came before it (set when the writer takes it). */
    private static final class Flush {
        final CompletableFuture<Void> future = new CompletableFuture<>();
        long after;
    }

    /** How a writer batches and what it does with failures; {@link #start()} starts its thread. */
    public static final class Builder<T> {
        private final String threadName;
        private final String items;
        private final Sink<T> sink;
        private int capacity = Integer.MAX_VALUE;
        private int batchSize = 100;
        private Duration linger = Duration.ZERO;
        private int attemptsWhenClosing = Integer.MAX_VALUE;
        private Predicate<Exception> refusesItems = failure -> false;
        private BiConsumer<T, Exception> skipped = (item, failure) -> { };

        private Builder(String threadName, String items, Sink<T> sink) {
            this.threadName = threadName;
            this.items = items;
            this.sink = sink;
        }

        /** At most this many items accepted and not yet written (default: no bound). */
        public Builder<T> capacity(int capacity) {
            this.capacity = positive(capacity, "capacity");
            return this;
        }

        /** At most this many items a batch (default 100). */
        public Builder<T> batchSize(int batchSize) {
            this.batchSize = positive(batchSize, "batch size");
            return this;
        }

        /** How long the writer waits for more items before writing a batch (default: not at all). */
        public Builder<T> linger(Duration linger) {
            this.linger = linger;
            return this;
        }

        /** Once {@link #close} has begun, a batch that fails this many times is given up (default: never). */
        public Builder<T> giveUpWhenClosingAfter(int attempts) {
            this.attemptsWhenClosing = positive(attempts, "attempts");
            return this;
        }

        /**
         * Failures for which {@code refusesItems} is true mean that an item of the batch is refused for what it is
         * (no retry can help): the batch is then written item by item, and each item refused alone is passed to
         * {@code skipped} (to log it) and dropped.
         */
        public Builder<T> skipRefusedItems(Predicate<Exception> refusesItems, BiConsumer<T, Exception> skipped) {
            this.refusesItems = refusesItems;
            this.skipped = skipped;
            return this;
        }

        public BatchWriter<T> start() {
            BatchWriter<T> writer = new BatchWriter<>(this);
            writer.thread.start();
            return writer;
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
