package io.chatapp.it;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
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

    /** An MP4 with a movie header (5 s) and one 1280×720 video track header, then 50 KB of media data. */
    static Path mp4(Path directory, String name) throws IOException {
        return mp4(directory, name, 5);
    }

    /** As {@link #mp4(Path, String)}, its movie header stating {@code seconds}. */
    static Path mp4(Path directory, String name, int seconds) throws IOException {
        Path file = directory.resolve(name);
        byte[] brands = "isom\0\0\2\0isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1);
        int mvhd = 8 + 100;
        int tkhd = 8 + 84;
        int trak = 8 + tkhd;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            boxHeader(out, 8 + brands.length, "ftyp");
            out.write(brands);
            boxHeader(out, 8 + mvhd + trak, "moov");
            boxHeader(out, mvhd, "mvhd");
            out.writeInt(0); // version 0, no flags
            out.writeLong(0); // created, modified
            out.writeInt(1000); // time scale
            out.writeInt(seconds * 1000); // duration
            out.write(new byte[80]);
            boxHeader(out, trak, "trak");
            boxHeader(out, tkhd, "tkhd");
            out.writeInt(3); // version 0, flags enabled | in movie
            out.write(new byte[72]);
            out.writeInt(1280 << 16); // 16.16 fixed point
            out.writeInt(720 << 16);
            boxHeader(out, 8 + 50_000, "mdat");
            out.write(new byte[50_000]);
        }
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

    private static void boxHeader(DataOutputStream out, int size, String type) throws IOException {
        out.writeInt(size);
        out.write(type.getBytes(StandardCharsets.ISO_8859_1));
    }
}
