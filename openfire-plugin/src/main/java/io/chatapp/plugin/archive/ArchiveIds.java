package io.chatapp.plugin.archive;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Archive ids: positive 64-bit numbers that sort in the order messages were archived, unique across nodes.
 *
 * <pre>
 *   bit 63      : 0 (ids are positive)
 *   bits 62..22 : milliseconds since 2020-01-01T00:00:00Z (41 bits: until about 2089)
 *   bits 21..12 : the node number (0..1023)
 *   bits 11..0  : a sequence within the millisecond (0..4095)
 * </pre>
 *
 * <p>{@link #next()} is lock-free: one compare-and-set on a single {@link AtomicLong} holding the last time and
 * sequence handed out. Ids of one node strictly increase even if the clock steps back (the old time is kept until the
 * clock catches up). When a millisecond's 4,096 sequence numbers are used up, the next id takes the following
 * millisecond rather than spinning until the clock gets there: an id may then run ahead of the clock by a
 * fraction of a millisecond under extreme load, which keeps the packet thread from ever waiting (and a frozen test
 * clock from hanging).
 */
public final class ArchiveIds {

    /** 2020-01-01T00:00:00Z in Unix milliseconds. */
    static final long EPOCH_MILLIS = 1_577_836_800_000L;
    static final int SEQUENCE_BITS = 12;
    static final int NODE_BITS = 10;
    static final int TIME_SHIFT = SEQUENCE_BITS + NODE_BITS;
    static final int MAX_NODE = (1 << NODE_BITS) - 1;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
    private static final long MAX_TIME = Long.MAX_VALUE >>> TIME_SHIFT;
    /** Longest decimal form of a positive long. */
    private static final int MAX_DIGITS = 19;

    private final long nodeBits;
    private final Clock clock;
    /** (milliseconds since the epoch) << SEQUENCE_BITS | sequence, of the last id handed out. */
    private final AtomicLong last = new AtomicLong(-1);

    public ArchiveIds(int nodeNumber, Clock clock) {
        if (nodeNumber < 0 || nodeNumber > MAX_NODE) {
            throw new IllegalArgumentException("node number must be between 0 and " + MAX_NODE + ": " + nodeNumber);
        }
        this.nodeBits = (long) nodeNumber << SEQUENCE_BITS;
        this.clock = clock;
    }

    /** The node number in this generator's ids. */
    public int nodeNumber() {
        return (int) (nodeBits >>> SEQUENCE_BITS);
    }

    /** A new id, greater than every id this generator handed out before. Thread-safe and lock-free. */
    public long next() {
        long now = Math.min(Math.max(clock.millis() - EPOCH_MILLIS, 0), MAX_TIME) << SEQUENCE_BITS;
        long previous;
        long next;
        do {
            previous = last.get();
            // previous + 1 carries a full sequence over into the next millisecond.
            next = Math.max(now, previous + 1);
        } while (!last.compareAndSet(previous, next));
        return (next >>> SEQUENCE_BITS) << TIME_SHIFT | nodeBits | (next & SEQUENCE_MASK);
    }

    /** When the message with this id was archived (millisecond precision). */
    public static Instant timeOf(long id) {
        return Instant.ofEpochMilli((id >>> TIME_SHIFT) + EPOCH_MILLIS);
    }

    /**
     * The smallest id any node can hand out at the instant's millisecond: every message archived at or after
     * {@code t} has an id {@code >= lowestAt(t)}, every earlier one a smaller id. Instants before 2020 give 0, instants
     * after the last representable millisecond {@link Long#MAX_VALUE}.
     */
    public static long lowestAt(Instant t) {
        long millis;
        try {
            millis = t.toEpochMilli();
        } catch (ArithmeticException e) {
            return t.isBefore(Instant.EPOCH) ? 0 : Long.MAX_VALUE;
        }
        if (millis <= EPOCH_MILLIS) {
            return 0;
        }
        long sinceEpoch = millis - EPOCH_MILLIS;
        return sinceEpoch > MAX_TIME ? Long.MAX_VALUE : sinceEpoch << TIME_SHIFT;
    }

    /** The id as clients see it: decimal, no sign, no leading zeros. */
    public static String format(long id) {
        return Long.toString(id);
    }

    /**
     * The id written as {@link #format} writes it; empty for anything else (null, blank, signs, leading zeros,
     * non-digits, zero, numbers beyond 64 bits). Never throws.
     */
    public static OptionalLong parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_DIGITS || text.charAt(0) == '0') {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            int digit = c - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return OptionalLong.empty();
            }
            value = value * 10 + digit;
        }
        return OptionalLong.of(value);
    }
}
