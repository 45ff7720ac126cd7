package io.chatapp.it;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Real media files for the media tests: an image, a voice note, a video, a document. */
final class MediaFiles {

    private MediaFiles() {
    }

    /** A PNG of the given size with some drawing on it (so it compresses like a picture, not like nothing). */
    static Path png(Path directory, String name, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        for (int i = 0; i < 40; i++) {
            graphics.setColor(new Color(i * 6, 255 - i * 6, (i * 37) % 256));
            graphics.fillOval(i * width / 40, (i * 13) % height, width / 5, height / 5);
        }
        graphics.dispose();
        Path file = directory.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A WAV voice note of the given length in seconds (8 kHz, 16 bit, mono, a tone). */
    static Path wav(Path directory, String name, int seconds) throws IOException {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        byte[] samples = new byte[8000 * 2 * seconds];
        for (int i = 0; i < samples.length / 2; i++) {
            short value = (short) (Math.sin(i * 2 * Math.PI * 440 / 8000) * 8000);
            samples[2 * i] = (byte) value;
            samples[2 * i + 1] = (byte) (value >> 8);
        }
        Path file = directory.resolve(name);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples), format, samples.length / 2),
                AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }

    /** An MP4 with a movie header (5 s) and one 1280×720 video track header, padded with media data. */
    static Path mp4(Path directory, String name) throws IOException {
        ByteArrayOutputStream mvhd = new ByteArrayOutputStream();
        DataOutputStream m = new DataOutputStream(mvhd);
        m.writeInt(0);
        m.writeInt(0);
        m.writeInt(0);
        m.writeInt(1000); // time scale
        m.writeInt(5000); // duration
        m.write(new byte[80]);
        ByteArrayOutputStream tkhd = new ByteArrayOutputStream();
        DataOutputStream t = new DataOutputStream(tkhd);
        t.writeInt(3); // version 0, flags enabled|in movie
        t.write(new byte[72]);
        t.writeInt(1280 << 16);
        t.writeInt(720 << 16);
        byte[] moov = box("moov", concat(box("mvhd", mvhd.toByteArray()), box("trak", box("tkhd",
                tkhd.toByteArray()))));
        byte[] ftyp = box("ftyp", "isom\0\0\2\0isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1));
        byte[] mdat = box("mdat", new byte[50_000]);
        Path file = directory.resolve(name);
        Files.write(file, concat(ftyp, moov, mdat));
        return file;
    }

    /** A small PDF document. */
    static Path pdf(Path directory, String name) throws IOException {
        String text = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return Files.writeString(directory.resolve(name), text);
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] box(String type, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(8 + content.length);
        data.write(type.getBytes(StandardCharsets.ISO_8859_1));
        data.write(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
