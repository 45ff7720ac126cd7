package io.chatapp.plugin.media;

import io.chatapp.plugin.media.VideoDuration.Budgeted;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The play length of an ISO base media file (ISO/IEC 14496-12: MP4, MOV, 3GP): the movie header box {@code mvhd}
 * inside the top-level {@code moov}, its duration divided by its time scale. {@code moov} may come before or after
 * the media data; top-level boxes are walked by their headers, their payloads skipped unread.
 */
final class IsoBmffDuration {

    /** The longest box header: size, type, 64-bit size. */
    private static final int HEADER = 16;
    /** A movie header up to its duration: version 1 is the longer (4 + 8 + 8 + 4 + 8). */
    private static final int MVHD_PREFIX = 32;

    private IsoBmffDuration() {
    }

    static Optional<Duration> of(Budgeted file) throws IOException {
        Optional<Box> moov = find(file, 0, file.size(), "moov");
        if (moov.isEmpty()) {
            return Optional.empty();
        }
        Optional<Box> mvhd = find(file, moov.get().payload(), moov.get().end(), "mvhd");
        return mvhd.isEmpty() ? Optional.empty() : movieHeader(file, mvhd.get());
    }

    /** A box: where its payload starts and where it ends. */
    private record Box(String type, long payload, long end) {
    }

    /** The first box of {@code type} among the boxes between {@code from} and {@code to}. */
    private static Optional<Box> find(Budgeted file, long from, long to, String type) throws IOException {
        long offset = from;
        while (offset < to) {
            Optional<Box> box = box(file, offset, to);
            if (box.isEmpty()) {
                return Optional.empty();
            }
            if (box.get().type().equals(type)) {
                return box;
            }
            offset = box.get().end(); // strictly past offset: every box is at least its header
        }
        return Optional.empty();
    }

    /** The box at {@code offset}, or empty when its header is cut off or its size is impossible within {@code to}. */
    private static Optional<Box> box(Budgeted file, long offset, long to) throws IOException {
        byte[] header = file.read(offset, HEADER);
        if (header == null || header.length < 8) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(header);
        long size = Integer.toUnsignedLong(bytes.getInt());
        String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
        int headerLength = 8;
        if (size == 1) {
            if (header.length < HEADER) {
                return Optional.empty();
            }
            size = bytes.getLong(8); // negative when over 2^63: refused below
            headerLength = HEADER;
        } else if (size == 0) {
            size = to - offset; // "extends to the end of the file"
        }
        if (size < headerLength || size > to - offset) {
            return Optional.empty();
        }
        return Optional.of(new Box(type, offset + headerLength, offset + size));
    }

    private static Optional<Duration> movieHeader(Budgeted file, Box mvhd) throws IOException {
        byte[] header = file.read(mvhd.payload(), MVHD_PREFIX);
        if (header == null || header.length < 4) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(header);
        int version = bytes.get() & 0xff;
        int needed = version == 1 ? 32 : 20;
        if (version > 1 || header.length < needed || mvhd.end() - mvhd.payload() < needed) {
            return Optional.empty();
        }
        long timeScale;
        long duration;
        if (version == 1) {
            timeScale = Integer.toUnsignedLong(bytes.getInt(20));
            duration = bytes.getLong(24);
            if (duration == -1) {
                return Optional.empty(); // all ones: unknown
            }
        } else {
            timeScale = Integer.toUnsignedLong(bytes.getInt(12));
            duration = Integer.toUnsignedLong(bytes.getInt(16));
            if (duration == 0xFFFF_FFFFL) {
                return Optional.empty();
            }
        }
        // Zero is what fragmented files state (their length is the fragments'); we do not add those up.
        return duration == 0 ? Optional.empty() : VideoDuration.ofTicks(duration, timeScale);
    }
}
