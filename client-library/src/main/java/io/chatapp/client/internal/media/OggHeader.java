package io.chatapp.client.internal.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Play length of an Ogg Opus or Ogg Vorbis file (voice notes): the sample rate from the first page's identification
 * header, the sample count from the granule position of the last page, found in the file's last 64 KB. Two small
 * reads whatever the file's size.
 */
final class OggHeader {

    private static final int TAIL = 64 * 1024;
    private static final int OPUS_RATE = 48_000;

    private OggHeader() {
    }

    /** The play length in milliseconds, or null when the file is not Ogg Opus/Vorbis or says nothing usable. */
    static Long durationMillis(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer first = read(channel, 0, 128);
            if (!capture(first, 0)) {
                return null;
            }
            int dataStart = 27 + Byte.toUnsignedInt(first.get(26));
            long rate;
            long preSkip = 0;
            if (ascii(first, dataStart, "OpusHead")) {
                rate = OPUS_RATE; // Opus granule positions always count 48 kHz samples
                preSkip = Short.toUnsignedInt(first.getShort(dataStart + 10));
            } else if (first.get(dataStart) == 1 && ascii(first, dataStart + 1, "vorbis")) {
                rate = Integer.toUnsignedLong(first.getInt(dataStart + 12));
            } else {
                return null;
            }
            long start = Math.max(0, channel.size() - TAIL);
            ByteBuffer tail = read(channel, start, (int) (channel.size() - start));
            for (int at = tail.limit() - 27; at >= 0; at--) {
                if (capture(tail, at)) {
                    long samples = tail.getLong(at + 6) - preSkip;
                    return rate > 0 && samples > 0 ? samples * 1000 / rate : null;
                }
            }
            return null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** An Ogg page starts here: "OggS" and stream structure version 0. */
    private static boolean capture(ByteBuffer buffer, int at) {
        return buffer.limit() >= at + 27 && ascii(buffer, at, "OggS") && buffer.get(at + 4) == 0;
    }

    private static boolean ascii(ByteBuffer buffer, int at, String text) {
        byte[] expected = text.getBytes(StandardCharsets.ISO_8859_1);
        if (buffer.limit() < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (buffer.get(at + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
            // keep reading until full or at the end
        }
        return buffer.flip();
    }
}
