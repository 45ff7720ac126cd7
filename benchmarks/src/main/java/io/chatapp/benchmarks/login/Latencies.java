package io.chatapp.benchmarks.login;

import java.util.Arrays;

/** Durations of one kind of login, summarised as median, 95th percentile and mean, in milliseconds. */
final class Latencies {

    private final String name;
    private final long[] nanos;
    private int count;

    Latencies(String name, int capacity) {
        this.name = name;
        this.nanos = new long[capacity];
    }

    String name() {
        return name;
    }

    void add(long durationNanos) {
        nanos[count++] = durationNanos;
    }

    double medianMillis() {
        return percentileMillis(50);
    }

    double p95Millis() {
        return percentileMillis(95);
    }

    double meanMillis() {
        return Arrays.stream(nanos, 0, count).average().orElse(Double.NaN) / 1e6;
    }

    int count() {
        return count;
    }

    /** Nearest-rank percentile: the smallest value with at least p% of the samples at or below it. */
    private double percentileMillis(int percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }
}
