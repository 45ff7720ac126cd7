package io.chatapp.plugin.media;

import io.chatapp.plugin.media.VideoDuration.Budgeted;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * The play length of a Matroska or WebM file: the {@code Duration} of the Segment's {@code Info}, in ticks of its
 * {@code TimecodeScale} nanoseconds (a million, one millisecond, when absent). Elements before {@code Info} are
 * skipped by their headers, unread; a live-recorded file whose clusters of unknown size come first has no readable
 * length.
 */
final class MatroskaDuration {

    private static final long EBML = 0x1A45DFA3L;
    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long TIMECODE_SCALE = 0x2AD7B1L;
    private static final long DURATION = 0x4489L;
    private static final long DEFAULT_TIMECODE_SCALE = 1_000_000L;
    /** An element header: an ID of up to 4 bytes and a size of up to 8. */
    private static final int HEADER = 12;
    /** The largest Info read: it holds a few short fields (title, application names), far below this. */
    private static final int MAX_INFO = 64 * 1024;
    private static final long UNKNOWN = -1;

    private MatroskaDuration() {
    }

    static Optional<Duration> of(Budgeted file) throws IOException {
        Optional<Element> ebml = element(file, 0);
        if (ebml.isEmpty() || ebml.get().id() != EBML || ebml.get().size() == UNKNOWN) {
            return Optional.empty();
        }
        Optional<Element> segment = find(file, ebml.get().end(file.size()), file.size(), SEGMENT);
        if (segment.isEmpty()) {
            return Optional.empty();
        }
        Optional<Element> info = find(file, segment.get().payload(), segment.get().end(file.size()), INFO);
        if (info.isEmpty() || info.get().size() == UNKNOWN || info.get().size() > MAX_INFO) {
            return Optional.empty();
        }
        byte[] payload = file.read(info.get().payload(), (int) info.get().size());
        return payload == null || payload.length < info.get().size() ? Optional.empty() : duration(payload);
    }

    /** An element: its ID (with its length marker, as the specification writes IDs), payload offset and size. */
    private record Element(long id, long payload, long size) {

        /** Where it ends; the end of its parent for one of unknown size. */
        long end(long parentEnd) {
            return size == UNKNOWN ? parentEnd : payload + size;
        }
    }

    /** The first element {@code id} between {@code from} and {@code to}; none past one of unknown size. */
    private static Optional<Element> find(Budgeted file, long from, long to, long id) throws IOException {
        long offset = from;
        while (offset < to) {
            Optional<Element> element = element(file, offset);
            if (element.isEmpty()) {
                return Optional.empty();
            }
            if (element.get().id() == id) {
                return element;
            }
            if (element.get().size() == UNKNOWN || element.get().size() > to - element.get().payload()) {
                return Optional.empty();
            }
            offset = element.get().end(to);
        }
        return Optional.empty();
    }

    private static Optional<Element> element(Budgeted file, long offset) throws IOException {
        byte[] header = file.read(offset, HEADER);
        if (header == null) {
            return Optional.empty();
        }
        Header read = new Header(header, 0);
        long id = read.id();
        long size = id < 0 ? UNKNOWN - 1 : read.size();
        if (size < UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(new Element(id, offset + read.position, size));
    }

    private static Optional<Duration> duration(byte[] info) {
        long scale = DEFAULT_TIMECODE_SCALE;
        double ticks = Double.NaN;
        Header read = new Header(info, 0);
        while (read.position < info.length) {
            long id = read.id();
            long size = id < 0 ? UNKNOWN - 1 : read.size();
            if (size < 0 || size > info.length - read.position) {
                return Optional.empty();
            }
            ByteBuffer value = ByteBuffer.wrap(info, read.position, (int) size);
            if (id == TIMECODE_SCALE) {
                scale = size == 0 || size > 8 ? 0 : unsigned(value, (int) size);
            } else if (id == DURATION) {
                ticks = size == 4 ? value.getFloat() : size == 8 ? value.getDouble() : Double.NaN;
            }
            read.position += (int) size;
        }
        if (scale <= 0 || !(ticks >= 0) || Double.isInfinite(ticks)) {
            return Optional.empty();
        }
        double nanos = ticks * scale;
        return Optional.of(nanos >= Long.MAX_VALUE ? Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L)
                : Duration.ofNanos((long) nanos));
    }

    private static long unsigned(ByteBuffer value, int size) {
        long result = 0;
        for (int i = 0; i < size; i++) {
            result = result << 8 | (value.get() & 0xff);
        }
        return result;
    }

    /** Reads EBML variable-length integers (IDs and sizes) from a buffer; a negative result means malformed. */
    private static final class Header {
        private final byte[] bytes;
        private int position;

        Header(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        /** An ID of 1 to 4 bytes, its marker kept. */
        long id() {
            int length = length(4);
            if (length < 0) {
                return -1;
            }
            long id = 0;
            for (int i = 0; i < length; i++) {
                id = id << 8 | (bytes[position++] & 0xff);
            }
            return id;
        }

        /** A size of 1 to 8 bytes, its marker removed; {@link #UNKNOWN} when all its bits are ones. */
        long size() {
            int length = length(8);
            if (length < 0) {
                return UNKNOWN - 1;
            }
            long size = bytes[position++] & (0xff >> length);
            boolean allOnes = size == 0xff >> length;
            for (int i = 1; i < length; i++) {
                int b = bytes[position++] & 0xff;
                allOnes &= b == 0xff;
                size = size << 8 | b;
            }
            return allOnes ? UNKNOWN : size;
        }

        /** The length the first byte's leading zeros give, or -1 when too long or past the end. */
        private int length(int max) {
            if (position >= bytes.length) {
                return -1;
            }
            int first = bytes[position] & 0xff;
            int length = Integer.numberOfLeadingZeros(first) - 23;
            return first == 0 || length > max || position + length > bytes.length ? -1 : length;
        }
    }
}
