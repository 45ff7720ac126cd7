package io.chatapp.client.internal.calls;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread on which every call's state changes, so sessions need no locks; stanza listeners and libwebrtc's
 * callbacks post their work here. It also runs the ring timeouts.
 */
public final class CallThread implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CallThread.class.getName());

    private final ScheduledExecutorService executor;

    public CallThread(String name) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void run(Runnable task) {
        try {
            executor.execute(() -> guarded(task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed with the client: nothing more happens to its calls
        }
    }

    void later(Runnable task, long millis) {
        try {
            executor.schedule(() -> guarded(task), millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A call task failed", e);
        }
    }

    ExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
