package io.chatapp.plugin.receipts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a check (database queries) once per key per batch, however often the key is asked for: the requests that come
 * in while a batch runs form the next batch, in which each key is checked once. Each batch first waits for the
 * barrier (e.g. {@link ReceiptRecorder#flushed()}), taken after the batch's keys are, so what the requests were about
 * is stored before it is checked; a request is never lost, only merged with others for the same key.
 *
 * <p>Used for group receipts: every member's receipt asks whether everyone has now received a message; a group of N
 * members would otherwise run the same check N times.
 */
public final class CoalescedChecks<K> {

    private static final Logger LOG = LoggerFactory.getLogger(CoalescedChecks.class);

    private final Supplier<CompletableFuture<?>> barrier;
    private final Function<K, CompletableFuture<?>> check;
    /** Keys asked for since the running batch took its keys (guarded by this). */
    private final Set<K> pending = new LinkedHashSet<>();
    /** Whether a batch is running (guarded by this). */
    private boolean running;

    public CoalescedChecks(Supplier<CompletableFuture<?>> barrier, Function<K, CompletableFuture<?>> check) {
        this.barrier = barrier;
        this.check = check;
    }

    /** Asks for the key to be checked, at once when no batch runs, else in the next batch. Never blocks. */
    public void request(K key) {
        synchronized (this) {
            pending.add(key);
            if (running) {
                return;
            }
            running = true;
        }
        runBatch();
    }

    private void runBatch() {
        List<K> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                running = false;
                return;
            }
            batch = List.copyOf(pending);
            pending.clear();
        }
        CompletableFuture<?> done;
        try {
            done = barrier.get().thenCompose(ready -> CompletableFuture.allOf(
                    batch.stream().map(this::checkOne).toArray(CompletableFuture[]::new)));
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.debug("A batch of checks failed", failure);
            }
            runBatch();
        });
    }

    private CompletableFuture<?> checkOne(K key) {
        try {
            return check.apply(key).exceptionally(failure -> {
                LOG.debug("Check of {} failed", key, failure);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debug("Check of {} failed", key, e);
            return CompletableFuture.completedFuture(null);
        }
    }
}
