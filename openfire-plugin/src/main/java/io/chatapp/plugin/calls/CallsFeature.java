package io.chatapp.plugin.calls;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.FeatureContext;
import io.chatapp.plugin.auth.TokenService;
import io.chatapp.plugin.concurrent.DaemonThreads;
import io.chatapp.plugin.config.CallSettings;
import io.chatapp.plugin.storage.BatchWriter;
import io.chatapp.plugin.storage.DatabaseFailures;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls, the server's part: the STUN/TURN services of XEP-0215 with TURN credentials ({@link ExternalServices}), and
 * the call log kept from the JMI messages the server routes ({@link CallTracker} → the writer → {@link CallStore}),
 * read through {@link CallLogService} (IQ and HTTP). Provides {@link ExternalServices}, {@link CallTracker} (where a
 * later feature registers a {@link MissedCallListener}), {@link CallLogService} and {@link CallThreads}.
 */
public final class CallsFeature implements Feature {

    private static final Logger LOG = LoggerFactory.getLogger(CallsFeature.class);

    public static final String WRITER_THREAD = "chatapp-calls-writer";
    private static final int QUEUE_CAPACITY = 100_000;
    private static final int BATCH_SIZE = 500;
    /** Calls followed at once, at most (ringing or ongoing). */
    private static final int LIVE_CALLS = 100_000;
    private static final Duration EXPIRY_INTERVAL = Duration.ofSeconds(5);
    private static final Duration STALE_INTERVAL = Duration.ofMinutes(1);

    @Override
    public String name() {
        return "calls";
    }

    @Override
    public void start(FeatureContext context) {
        CallSettings settings = context.settings().calls();
        CallStore store = new CallStore(context.database().dataSource());
        BatchWriter<CallRecord> writer = BatchWriter.<CallRecord>builder(WRITER_THREAD, "call log entries",
                        (batch, retry) -> store.write(batch))
                .capacity(QUEUE_CAPACITY)
                .batchSize(BATCH_SIZE)
                .linger(Duration.ofMillis(20))
                .giveUpWhenClosingAfter(3)
                .skipRefusedItems(DatabaseFailures::isRefusedData, (call, cause) -> LOG.error(
                        "Call log entry {} cannot be stored and is skipped: {}", call, cause.getMessage()))
                .start();
        context.closer().onClose(() -> writer.close(Duration.ofSeconds(30)));
        ThreadPoolExecutor threads = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), DaemonThreads.named("chatapp-calls"));
        context.closer().onClose(() -> {
            threads.shutdown();
            threads.awaitTermination(5, TimeUnit.SECONDS);
        });
        CallTracker tracker = new CallTracker(call -> {
            if (!writer.offer(call)) {
                LOG.warn("The call log's queue is full or closed: the change of call {} is not logged", call.callId());
            }
        }, LIVE_CALLS);
        adoptCallsLeftOpen(store, tracker, context.clock().instant());
        context.jobs().every(EXPIRY_INTERVAL, "end unanswered calls",
                () -> tracker.expire(context.clock().instant(), settings.ringTimeout()));
        // After a restart nothing follows the calls that were ringing: the log ends them once they would have rung
        // out, a minute late so that a tracker that does follow them (this node's or another's) always ends them first.
        // The same for answered calls no tracker adopted, once they would have been followed for LONGEST_CALL.
        context.jobs().every(STALE_INTERVAL, "end calls left open", () -> {
            Instant now = context.clock().instant();
            store.endStaleRinging(now.minus(settings.ringTimeout()).minus(STALE_INTERVAL), now);
            store.endAbandoned(now.minus(CallTracker.LONGEST_CALL).minus(STALE_INTERVAL));
        });
        CallLogService log = new CallLogService(store, writer, settings.maxPageSize());
        ExternalServices services = new ExternalServices(settings, context.clock());
        new CallRoutes(log, context.services().get(TokenService.class)).register(context.http());
        context.services().provide(ExternalServices.class, services);
        context.services().provide(CallTracker.class, tracker);
        context.services().provide(CallLogService.class, log);
        context.services().provide(CallThreads.class, new CallThreads(threads));
    }

    /**
     * Follows again the answered calls a previous run left open (the plugin or Openfire stopped during them): the
     * parties' media does not go through the server, so such a call may well still be going on, and its later finish
     * must end it with its real end. Those it cannot read now (database down) or adopt end as failed through the
     * periodic job once {@link CallTracker#LONGEST_CALL} passed. Runs once at start, not on a packet thread.
     */
    private static void adoptCallsLeftOpen(CallStore store, CallTracker tracker, Instant now) {
        try {
            int adopted = 0;
            for (CallRecord call : store.ongoing(now.minus(CallTracker.LONGEST_CALL))) {
                adopted += tracker.adopt(call) ? 1 : 0;
            }
            if (adopted > 0) {
                LOG.info("Following again {} answered calls left open by the previous run", adopted);
            }
        } catch (SQLException e) {
            LOG.warn("Could not read the calls left open by the previous run: they end as failed after {}",
                    CallTracker.LONGEST_CALL, e);
        }
    }

    /** The feature's threads, where the binding runs the log's blocking work. */
    public record CallThreads(ExecutorService executor) {
    }
}
