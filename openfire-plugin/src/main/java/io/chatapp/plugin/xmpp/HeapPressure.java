package io.chatapp.plugin.xmpp;

import java.util.function.LongSupplier;

/**
 * Whether the JVM's heap after its last collection ({@link HeapAfterCollection}) is over a share of its maximum
 * ({@code chatapp.xmpp.heapPressurePercent}). Why: a client
 * flooding stanzas at or below the speed at which the server handles its connection never exceeds a rate limit,
 * yet Openfire keeps reading what it sends into memory, unhandled; the heap filling is the sign that does not miss
 * it. Reading the heap's use is cheap but not free, so it is read at most every {@link #RECHECK_NANOS}.
 */
public final class HeapPressure {

    static final long RECHECK_NANOS = 100_000_000L;

    private final int percent;
    private final long threshold;
    private final LongSupplier used;
    private volatile long checkedAt;
    private volatile boolean checked;
    private volatile boolean high;

    /** Over {@code percent} of this JVM's maximum heap. */
    public HeapPressure(int percent) {
        this(percent, Runtime.getRuntime().maxMemory(), new HeapAfterCollection());
    }

    HeapPressure(int percent, long maxBytes, LongSupplier usedBytes) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("the heap share must be 1 to 100 percent");
        }
        this.percent = percent;
        this.threshold = maxBytes / 100 * percent;
        this.used = usedBytes;
    }

    /** True while the heap in use is over the share (100 % never is). */
    public boolean high(long nowNanos) {
        if (!checked || nowNanos - checkedAt >= RECHECK_NANOS) {
            high = percent < 100 && used.getAsLong() > threshold;
            checkedAt = nowNanos;
            checked = true;
        }
        return high;
    }

    public int percent() {
        return percent;
    }
}
