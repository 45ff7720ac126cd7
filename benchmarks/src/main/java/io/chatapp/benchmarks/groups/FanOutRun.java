package io.chatapp.benchmarks.groups;

import io.chatapp.benchmarks.LoadGenerators;
import io.chatapp.benchmarks.login.Latencies;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one run of {@link GroupFanOutBenchmark} measured. Every group message goes to every occupant, its sender
 * included (MUC echoes it), so each message sent is owed {@code occupants} deliveries; a delivery is one occupant
 * receiving one message, and its latency runs from the instant the message was due to be sent. Thread-safe for the
 * recording methods; the results are read after {@link #finish}.
 */
final class FanOutRun {

    private final int occupants;
    private final boolean receipts;
    private final Latencies delivery;
    private final LongAdder sent = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder receiptsSent = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicLong maxLagNanos = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private volatile Exception failure;
    private double seconds = Double.NaN;
    private Duration serverCpu = Duration.ZERO;
    private double clientCpuSeconds;

    /** {@code expectedMessages} only sizes the latency store. */
    FanOutRun(int occupants, boolean receipts, long expectedMessages) {
        this.occupants = occupants;
        this.receipts = receipts;
        this.delivery = new Latencies("delivery",
                (int) Math.min(expectedMessages * occupants + expectedMessages * occupants / 10 + 1024, 50_000_000));
    }

    boolean receipts() {
        return receipts;
    }

    /** A message is being sent, {@code lagNanos} after it was due. */
    void sending(long lagNanos) {
        sent.increment();
        maxLagNanos.accumulateAndGet(lagNanos, Math::max);
    }

    void delivered(long latencyNanos) {
        synchronized (delivery) {
            delivery.add(latencyNanos);
        }
        delivered.increment();
    }

    void receiptSent() {
        receiptsSent.increment();
    }

    /** A stanza of type error came back to a member (e.g. a server that refuses receipts to the room). */
    void error(String condition) {
        errors.increment();
        firstError.compareAndSet(null, condition);
    }

    /** The condition of the first error that came back, or {@code none}. */
    String firstError() {
        return Objects.requireNonNullElse(firstError.get(), "none");
    }

    void failure(Exception e) {
        failure = e;
    }

    /** Waits until every delivery owed has arrived, or the timeout passed (what is missing then is lost). */
    void awaitDelivered(Duration timeout) throws InterruptedException {
        LoadGenerators.awaitUntil(() -> delivered.sum() >= expectedDeliveries(), timeout);
    }

    /** The run's sending lasted {@code sendSeconds}, during which the server and this JVM used so much CPU. */
    void finish(double sendSeconds, Duration serverCpu, double clientCpuSeconds) {
        this.seconds = sendSeconds;
        this.serverCpu = serverCpu;
        this.clientCpuSeconds = clientCpuSeconds;
        if (failure != null) {
            throw new IllegalStateException("The sender failed", failure);
        }
    }

    long sent() {
        return sent.sum();
    }

    long expectedDeliveries() {
        return sent.sum() * occupants;
    }

    long delivered() {
        return delivered.sum();
    }

    /** Deliveries owed that never arrived (never negative: duplicates do not make up for losses elsewhere). */
    long lost() {
        return Math.max(0, expectedDeliveries() - delivered());
    }

    long receiptsSent() {
        return receiptsSent.sum();
    }

    long errors() {
        return errors.sum();
    }

    double seconds() {
        return seconds;
    }

    double deliveriesPerSecond() {
        return delivered() / seconds;
    }

    Latencies latency() {
        return delivery;
    }

    double maxLagMillis() {
        return maxLagNanos.get() / 1e6;
    }

    double serverCores() {
        return serverCpu.toNanos() / 1e9 / seconds;
    }

    double serverCpuSeconds() {
        return serverCpu.toNanos() / 1e9;
    }

    double serverCpuMillisPerThousandDeliveries() {
        return serverCpu.toNanos() / 1e6 / (delivered() / 1000.0);
    }

    double clientCores() {
        return clientCpuSeconds / seconds;
    }
}
