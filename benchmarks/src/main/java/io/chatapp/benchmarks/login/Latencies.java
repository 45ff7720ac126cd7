package io.chatapp.benchmarks.login;

import java.util.Arrays;

/**
 * Durations of one kind of operation (a login, a message's delivery), summarised as percentiles, mean and maximum in
 * milliseconds. Grows as needed. Not thread-safe: callers that record from several threads synchronise on it.
 */
public final class Latencies {

    private final String name;
    private long[] nanos;
    private int count;

    public Latencies(String name, int capacity) {
        this.name = name;
        this.nanos = new long[Math.max(capacity, 16)];
    }

    public String name() {
        return name;
    }

    public void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = durationNanos;
    }

    public double medianMillis() {
        return percentileMillis(50);
    }

    public double p95Millis() {
        return percentileMillis(95);
    }

    public double p99Millis() {
        return percentileMillis(99);
    }

    public double maxMillis() {
        return percentileMillis(100);
    }

    public double meanMillis() {
        return Arrays.stream(nanos, 0, count).average().orElse(Double.NaN) / 1e6;
    }

    public int count() {
        return count;
    }

    /** Nearest-rank percentile: the smallest value with at least p% of the samples at or below it. */
    public double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }
}
