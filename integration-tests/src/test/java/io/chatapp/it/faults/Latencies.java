package io.chatapp.it.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations in milliseconds, recorded from any thread, summarised as percentiles. */
final class Latencies {

    private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

    void record(long nanos) {
        millis.add(nanos / 1e6);
    }

    int count() {
        return millis.size();
    }

    /** The given percentile (0–100) in ms, or NaN with nothing recorded. */
    double percentile(double percent) {
        List<Double> sorted;
        synchronized (millis) {
            sorted = new ArrayList<>(millis);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.1f p99=%.1f max=%.1f ms", count(), percentile(50), percentile(99),
                percentile(100));
    }
}
