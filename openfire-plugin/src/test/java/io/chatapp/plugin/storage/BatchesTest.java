package io.chatapp.plugin.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void takesWhatIsQueuedUpToTheLimit() throws Exception {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("b", "c", "d", "e"));
        List<String> batch = new ArrayList<>(List.of("a"));
        Batches.gather(queue, batch, 3, 0, item -> false);
        assertThat(batch).containsExactly("a", "b", "c");
        assertThat(queue).containsExactly("d", "e");
    }

    @Test
    void takesWhatArrivedWhenTheLingerEnds() throws Exception {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread producer = new Thread(() -> {
            queue.add("b");
            queue.add("c");
        });
        List<String> batch = new ArrayList<>(List.of("a"));
        producer.start();
        producer.join();
        long start = System.nanoTime();
        Batches.gather(queue, batch, 100, 200, item -> false);
        assertThat(batch).containsExactly("a", "b", "c");
        assertThat(System.nanoTime() - start).as("waited out the linger").isGreaterThanOrEqualTo(150_000_000L);
    }

    @Test
    void aWakeEndsTheWaitOnceTheBatchIsFull() throws Exception {
        List<String> batch = gatherWhileAnotherThreadQueues(3, item -> false, "b", "c");
        assertThat(batch).containsExactly("a", "b", "c");
    }

    @Test
    void aWakeForAnUrgentItemEndsTheWait() throws Exception {
        List<String> batch = gatherWhileAnotherThreadQueues(100, "flush"::equals, "flush");
        assertThat(batch).containsExactly("a", "flush");
    }

    @Test
    void anUrgentItemAlreadyQueuedEndsTheWaitAtOnce() throws Exception {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("b", "flush"));
        List<String> batch = new ArrayList<>(List.of("a"));
        long start = System.nanoTime();
        Batches.gather(queue, batch, 100, 60_000, "flush"::equals);
        assertThat(batch).containsExactly("a", "b", "flush");
        assertThat(System.nanoTime() - start).as("did not wait out the linger").isLessThan(30_000_000_000L);
    }

    /**
     * Gathers after "a" with a one-minute linger while another thread, 50 ms later, queues the items and wakes the
     * gatherer; checks that the wake ended the wait.
     */
    private static List<String> gatherWhileAnotherThreadQueues(int max, Predicate<String> urgent, String... items)
            throws Exception {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread gatherer = Thread.currentThread();
        Thread producer = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            queue.addAll(List.of(items));
            Batches.wake(gatherer);
        });
        List<String> batch = new ArrayList<>(List.of("a"));
        long start = System.nanoTime();
        producer.start();
        Batches.gather(queue, batch, max, 60_000, urgent);
        producer.join();
        assertThat(System.nanoTime() - start).as("did not wait out the linger").isLessThan(30_000_000_000L);
        return batch;
    }
}
