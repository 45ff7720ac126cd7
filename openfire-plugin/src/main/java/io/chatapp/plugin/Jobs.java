package io.chatapp.plugin;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin's one scheduler thread ({@code chatapp-scheduler}): periodic upkeep of every feature, and short work that
 * must not run on the caller's thread (an Openfire packet thread never waits for the database).
 */
public final class Jobs {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    /** A periodic job whose failure is logged and retried next period, never fatal to the scheduler. */
    @FunctionalInterface
    public interface Job {
        void run() throws Exception;
    }

    private final ScheduledExecutorService scheduler;

    Jobs(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs the job every period, the first time one period from now. */
    public void every(Duration period, String what, Job job) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (Exception e) {
                LOG.warn("Could not {}: {}", what, e.getMessage());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs work off the caller's thread. */
    public Executor background() {
        return scheduler;
    }
}
