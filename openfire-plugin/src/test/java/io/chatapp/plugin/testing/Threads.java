package io.chatapp.plugin.testing;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Looks for threads left running by the code under test. */
public final class Threads {

    private Threads() {
    }

    /** Names of the live threads whose name starts with the prefix. */
    public static List<String> alive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .sorted()
                .collect(Collectors.toList());
    }

    /**
     * Waits up to the timeout for every thread whose name starts with the prefix to end, and returns the names of
     * those still alive then (empty when all ended).
     */
    public static List<String> awaitGone(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> alive = alive(prefix);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            alive = alive(prefix);
        }
        return alive;
    }
}
