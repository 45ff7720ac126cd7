package io.chatapp.client.internal.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Play length and picture size of an ISO base media file (MP4, QuickTime, M4A), read from the movie header
 * ({@code moov/mvhd}) and the track headers ({@code moov/trak/tkhd}) by seeking from box to box: a few small reads
 * whatever the file's size.
 *
 * @param durationMillis the play length, or null
 * @param width          the first visual track's width, or null (audio only)
 * @param height         its height, or null
 */
public record Mp4Header(Long durationMillis, Integer width, Integer height) {

    private static final int MAX_BOXES = 10_000;

    /** The header of the file, or null when it is not an ISO media file or its boxes make no sense. */
    public static Mp4Header read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Reader reader = new Reader(channel);
            long[] moov = reader.find(0, channel.size(), "moov");
            if (moov == null) {
                return null;
            }
            Long duration = reader.duration(moov);
            int[] size = reader.pictureSize(moov);
            return new Mp4Header(duration, size == null ? null : size[0], size == null ? null : size[1]);
        } catch (IOException | RuntimeException malformed) {
            return null;
        }
    }

    /** Box walking on one file. */
    private static final class Reader {
        private final FileChannel channel;
        private int boxes;

        Reader(FileChannel channel) {
            this.channel = channel;
        }

        /** The content range {start, end} of the first box of that type between {@code from} and {@code to}. */
        long[] find(long from, long to, String type) throws IOException {
            long position = from;
            while (position + 8 <= to && boxes++ < MAX_BOXES) {
                ByteBuffer header = read(position, 16);
                long size = Integer.toUnsignedLong(header.getInt(0));
                String name = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
                int headerLength = 8;
                if (size == 1) {
                    size = header.getLong(8);
                    headerLength = 16;
                } else if (size == 0) {
                    size = to - position;
                }
                if (size < headerLength || position + size > to) {
                    return null;
                }
                if (name.equals(type)) {
                    return new long[] {position + headerLength, position + size};
                }
                position += size;
            }
            return null;
        }

        Long duration(long[] moov) throws IOException {
            long[] mvhd = find(moov[0], moov[1], "mvhd");
            if (mvhd == null) {
                return null;
            }
            ByteBuffer box = read(mvhd[0], 32);
            boolean version1 = box.get(0) == 1;
            long timescale = Integer.toUnsignedLong(box.getInt(version1 ? 20 : 12));
            long duration = version1 ? box.getLong(24) : Integer.toUnsignedLong(box.getInt(16));
            if (timescale == 0 || duration <= 0 || duration == 0xFFFFFFFFL) {
                return null;
            }
            return duration * 1000 / timescale;
        }

        int[] pictureSize(long[] moov) throws IOException {
            long position = moov[0];
            while (position < moov[1]) {
                long[] trak = find(position, moov[1], "trak");
                if (trak == null) {
                    return null;
                }
                long[] tkhd = find(trak[0], trak[1], "tkhd");
                if (tkhd != null) {
                    ByteBuffer box = read(tkhd[0], 96);
                    int offset = box.get(0) == 1 ? 88 : 76;
                    int width = box.getInt(offset) >>> 16;
                    int height = box.getInt(offset + 4) >>> 16;
                    if (width > 0 && height > 0) {
                        return new int[] {width, height};
                    }
                }
                position = trak[1];
            }
            return null;
        }

        private ByteBuffer read(long position, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    break;
                }
            }
            return buffer.rewind();
        }
    }
}
