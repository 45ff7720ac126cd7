package io.chatapp.plugin.media;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The play length a video file's container states, read from its headers without decoding anything: ISO base media
 * files (MP4, MOV, 3GP: the movie header) and Matroska/WebM (the segment's Info). The file is read through
 * {@link Ranges} a header at a time, never whole, and a bounded number of times: a damaged or hostile file (truncated
 * boxes, sizes past its end, 64-bit sizes, zero sizes, endless runs of boxes) yields "unknown", never an exception.
 */
public final class VideoDuration {

    /** Most reads one file may cost (a box or element header each), so that no file makes the walk long. */
    static final int MAX_READS = 512;
    private static final byte[] EBML_MAGIC = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

    private VideoDuration() {
    }

    /** Random access to a stored file's bytes. */
    @FunctionalInterface
    public interface Ranges {
        /** Up to {@code length} bytes from {@code offset} (fewer only at the end of the file). */
        byte[] read(long offset, int length) throws IOException;
    }

    /**
     * The play length of the {@code size}-byte file, or empty when its container is not one we read or is damaged.
     * Only the store's own failures are thrown.
     */
    public static Optional<Duration> of(Ranges ranges, long size) throws IOException {
        Budgeted file = new Budgeted(ranges, size);
        byte[] head = file.read(0, EBML_MAGIC.length);
        if (head == null || head.length < EBML_MAGIC.length) {
            return Optional.empty();
        }
        return Arrays.equals(head, EBML_MAGIC) ? MatroskaDuration.of(file) : IsoBmffDuration.of(file);
    }

    /** A play length of {@code ticks} (unsigned) ticks of which {@code ticksPerSecond} (positive) make a second. */
    static Optional<Duration> ofTicks(long ticks, long ticksPerSecond) {
        if (ticksPerSecond <= 0) {
            return Optional.empty();
        }
        long seconds = Long.divideUnsigned(ticks, ticksPerSecond);
        long rest = Long.remainderUnsigned(ticks, ticksPerSecond);
        if (seconds < 0) {
            return Optional.of(Duration.ofSeconds(Long.MAX_VALUE)); // over 2^63 s: "too long" is all that counts
        }
        return Optional.of(Duration.ofSeconds(seconds, rest * 1_000_000_000L / ticksPerSecond));
    }

    /**
     * The file with its size and a budget of reads: ranges outside the file and reads past the budget give null,
     * which every parser takes for "damaged".
     */
    static final class Budgeted {
        private final Ranges ranges;
        private final long size;
        private int reads;

        Budgeted(Ranges ranges, long size) {
            this.ranges = ranges;
            this.size = size;
        }

        long size() {
            return size;
        }

        /** Up to {@code length} bytes at {@code offset}, fewer at the end; null outside the file or past the budget. */
        byte[] read(long offset, int length) throws IOException {
            if (offset < 0 || offset >= size || length <= 0 || ++reads > MAX_READS) {
                return null;
            }
            return ranges.read(offset, (int) Math.min(length, size - offset));
        }
    }
}
