package io.chatapp.plugin.storage;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Gathers a write batch from a queue. At a steady few thousand items a second a writer that takes what is there
 * would commit one transaction per item, and each commit costs the database far more than the row; waiting a few
 * milliseconds for more turns hundreds of transactions into one.
 *
 * <p>The writer sleeps through the wait rather than polling the queue: a poll would wake it for every item that
 * arrives, which costs a thread wake-up on the producer's side (Openfire's packet thread) and a context switch per
 * message. Producers {@link #wake} it when someone is waiting for the batch (a flush request) or when the queue
 * holds a full batch.
 */
public final class Batches {

    private Batches() {
    }

    /**
     * After the batch's first item has been added to {@code batch}, adds what arrives within {@code linger} (up to
     * {@code max} items in all); returns early when an item matching {@code urgent} is added, and checks again
     * whenever the writer is {@linkplain #wake woken}.
     */
    public static <T> void gather(BlockingQueue<T> queue, List<T> batch, int max, long lingerMillis,
                                  Predicate<? super T> urgent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lingerMillis);
        int from = 0;
        while (true) {
            queue.drainTo(batch, max - batch.size());
            for (int i = from; i < batch.size(); i++) {
                if (urgent.test(batch.get(i))) {
                    return;
                }
            }
            from = batch.size();
            long left = deadline - System.nanoTime();
            if (batch.size() >= max || left <= 0) {
                return;
            }
            LockSupport.parkNanos(Batches.class, left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Ends a wait in {@link #gather} by {@code writer} early (or the next one, if it is not waiting now). */
    public static void wake(Thread writer) {
        LockSupport.unpark(writer);
    }
}
