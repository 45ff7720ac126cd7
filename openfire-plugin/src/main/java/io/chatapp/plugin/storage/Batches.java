package io.chatapp.plugin.storage;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Gathers a write batch from a queue. At a steady few thousand items a second a writer that takes what is there
 * would commit one transaction per item, and each commit costs the database far more than the row; waiting a few
 * milliseconds for more turns hundreds of transactions into one. The wait ends early when the batch is full or when
 * an item that someone is waiting for arrives (a flush request).
 */
public final class Batches {

    private Batches() {
    }

    /**
     * After the batch's first item has been added to {@code batch}, adds what arrives within {@code linger} (up to
     * {@code max} items in all); returns early when an item matching {@code urgent} is added.
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
            T next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }
}
