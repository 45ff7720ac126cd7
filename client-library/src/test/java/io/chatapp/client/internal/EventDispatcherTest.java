package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ListenerRegistration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {

    @Test
    void deliversInOrderOffTheCallerThreadAndSurvivesAFailingListener() throws Exception {
        ExecutorService events = Executors.newSingleThreadExecutor();
        EventDispatcher<Consumer<Integer>> dispatcher = new EventDispatcher<>(events);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        dispatcher.add(value -> {
            throw new IllegalStateException("a broken listener");
        });
        ListenerRegistration registration = dispatcher.add(value -> {
            seen.add(value);
            threads.add(Thread.currentThread().getName());
        });

        for (int i = 0; i < 100; i++) {
            int value = i;
            dispatcher.fire(listener -> listener.accept(value));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (seen.size() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        // Removal takes effect at once, also for events not yet delivered.
        registration.close();
        dispatcher.fire(listener -> listener.accept(-1));
        events.shutdown();
        assertThat(events.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

        assertThat(seen).hasSize(100).isSorted().doesNotContain(-1);
        assertThat(threads).doesNotContain(Thread.currentThread().getName());
    }
}
