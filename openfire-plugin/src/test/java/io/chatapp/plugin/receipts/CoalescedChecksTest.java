package io.chatapp.plugin.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CoalescedChecksTest {

    /** Barriers handed out, completed by the test. */
    private final Deque<CompletableFuture<Void>> barriers = new ArrayDeque<>();
    private final List<String> checked = new ArrayList<>();

    private CompletableFuture<?> barrier() {
        CompletableFuture<Void> barrier = new CompletableFuture<>();
        barriers.add(barrier);
        return barrier;
    }

    @Test
    void manyRequestsForOneKeyWhileABatchRunsAreOneCheck() {
        CoalescedChecks<String> checks = new CoalescedChecks<>(this::barrier, key -> {
            checked.add(key);
            return CompletableFuture.completedFuture(null);
        });

        // A group of 100: the first receipt starts a batch; the other 99 (and another message's) arrive meanwhile.
        checks.request("m");
        for (int i = 0; i < 99; i++) {
            checks.request("m");
        }
        checks.request("n");
        assertThat(checked).isEmpty();
        assertThat(barriers).hasSize(1);

        barriers.poll().complete(null);
        assertThat(checked).containsExactly("m");
        // The next batch waits for its own barrier, taken after its keys: their receipts are stored before it checks.
        assertThat(barriers).hasSize(1);
        barriers.poll().complete(null);

        assertThat(checked).containsExactly("m", "m", "n");
        assertThat(barriers).isEmpty();
    }

    @Test
    void aRequestAfterAllBatchesIsCheckedAgainAndFailuresStopNothing() {
        CoalescedChecks<String> checks = new CoalescedChecks<>(this::barrier, key -> {
            checked.add(key);
            if (key.equals("bad")) {
                throw new IllegalStateException("database away");
            }
            return key.equals("failing") ? CompletableFuture.failedFuture(new IllegalStateException("no"))
                    : CompletableFuture.completedFuture(null);
        });

        checks.request("bad");
        barriers.poll().complete(null);
        checks.request("failing");
        barriers.poll().completeExceptionally(new IllegalStateException("recorder closed"));
        checks.request("failing");
        barriers.poll().complete(null);
        checks.request("m");
        barriers.poll().complete(null);

        assertThat(checked).containsExactly("bad", "failing", "m");
        assertThat(barriers).isEmpty();
    }
}
