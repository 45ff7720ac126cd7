package io.chatapp.plugin.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
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
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread gatherer = Thread.currentThread();
        Thread producer = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            queue.add("b");
            queue.add("c");
            Batches.wake(gatherer);
        });
        List<String> batch = new ArrayList<>(List.of("a"));
        long start = System.nanoTime();
        producer.start();
        Batches.gather(queue, batch, 3, 60_000, item -> false);
        producer.join();
        assertThat(batch).containsExactly("a", "b", "c");
        assertThat(System.nanoTime() - start).as("did not wait out the linger").isLessThan(30_000_000_000L);
    }

    @Test
    void aWakeForAnUrgentItemEndsTheWait() throws Exception {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread gatherer = Thread.currentThread();
        Thread producer = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            queue.add("flush");
            Batches.wake(gatherer);
        });
        List<String> batch = new ArrayList<>(List.of("a"));
        long start = System.nanoTime();
        producer.start();
        Batches.gather(queue, batch, 100, 60_000, "flush"::equals);
        producer.join();
        assertThat(batch).containsExactly("a", "flush");
        assertThat(System.nanoTime() - start).as("did not wait out the linger").isLessThan(30_000_000_000L);
    }

    @Test
    void anUrgentItemEndsTheWaitAtOnce() throws Exception {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(List.of("b", "flush"));
        List<String> batch = new ArrayList<>(List.of("a"));
        long start = System.nanoTime();
        Batches.gather(queue, batch, 100, 60_000, "flush"::equals);
        assertThat(batch).containsExactly("a", "b", "flush");
        assertThat(System.nanoTime() - start).as("did not wait out the linger").isLessThan(30_000_000_000L);
    }
}
