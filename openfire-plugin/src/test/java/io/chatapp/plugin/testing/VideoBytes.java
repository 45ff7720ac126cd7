package io.chatapp.plugin.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Hand-built video containers: the headers that state a play length, and some media data. */
public final class VideoBytes {

    private VideoBytes() {
    }

    /** An ISO BMFF box: 32-bit size, type, payload. */
    public static byte[] box(String type, byte[]... payload) {
        byte[] body = concat(payload);
        return concat(int32(8 + body.length), ascii(type), body);
    }

    /** A box with the 64-bit size form (size field 1). */
    public static byte[] largeBox(String type, byte[] payload) {
        return concat(int32(1), ascii(type), int64(16 + payload.length), payload);
    }

    public static byte[] ftyp() {
        return box("ftyp", ascii("isom"), int32(0x200), ascii("isomiso2avc1mp41"));
    }

    /** A version 0 movie header. */
    public static byte[] mvhd0(long timeScale, long duration) {
        return box("mvhd", int32(0), int32(0), int32(0), int32((int) timeScale), int32((int) duration),
                new byte[80]);
    }

    /** A version 1 movie header (64-bit times and duration). */
    public static byte[] mvhd1(long timeScale, long duration) {
        return box("mvhd", int32(1 << 24), int64(0), int64(0), int32((int) timeScale), int64(duration),
                new byte[80]);
    }

    /** An MP4 stating {@code seconds} (time scale 1000), {@code moov} before the media data. */
    public static byte[] mp4(int seconds) {
        return concat(ftyp(), box("moov", mvhd0(1000, seconds * 1000L), box("trak")), box("mdat", new byte[4096]));
    }

    /** A WebM stating {@code milliseconds} (default TimecodeScale), with a SeekHead and a Void before Info. */
    public static byte[] webm(double milliseconds) {
        byte[] ebml = element(0x1A45DFA3, element(0x4282, ascii("webm")));
        byte[] info = element(0x1549A966, element(0x2AD7B1, new byte[] {0x0F, 0x42, 0x40}),
                element(0x4489, float64(milliseconds)));
        byte[] segment = element(0x18538067, element(0x114D9B74, new byte[20]), element(0xEC, new byte[7]), info,
                element(0x1F43B675, new byte[1024]));
        return concat(ebml, segment);
    }

    /** An EBML element with an 8-byte size. */
    public static byte[] element(long id, byte[]... payload) {
        byte[] body = concat(payload);
        return concat(id(id), sizeOf8(body.length), body);
    }

    /** The ID's bytes as written (its marker included). */
    public static byte[] id(long id) {
        int length = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (id >>> (8 * (length - 1 - i)));
        }
        return bytes;
    }

    /** An 8-byte EBML size. */
    public static byte[] sizeOf8(long size) {
        byte[] bytes = int64(size);
        bytes[0] = 0x01;
        return bytes;
    }

    public static byte[] int32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    public static byte[] int64(long value) {
        return concat(int32((int) (value >>> 32)), int32((int) value));
    }

    public static byte[] float64(double value) {
        return int64(Double.doubleToLongBits(value));
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            for (byte[] part : parts) {
                data.write(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
