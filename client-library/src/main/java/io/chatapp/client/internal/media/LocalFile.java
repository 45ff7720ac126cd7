package io.chatapp.client.internal.media;

import io.chatapp.client.MediaAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * What the library says about a file it is about to share, read without holding it in memory: the SHA-256 is
 * streamed, image dimensions come from the image's header (javax.imageio), play length from a WAV/AIFF/AU header
 * (javax.sound), an MP4's movie header or an Ogg Opus/Vorbis file's first and last pages.
 *
 * @param durationMillis play length, or null
 * @param sha256         lowercase hex
 */
public record LocalFile(Path path, String name, long size, String mediaType, String sha256, Integer width,
                        Integer height, Long durationMillis) {

    private static final int BUFFER = 64 * 1024;

    /** Reads the file's metadata; fails with the I/O error when it cannot be read. */
    public static LocalFile inspect(Path path) throws IOException {
        String name = MediaNames.safe(path.getFileName().toString());
        long size = Files.size(path);
        byte[] head = new byte[MediaTypes.SNIFF_BYTES];
        String sha256;
        int headLength;
        try (InputStream in = Files.newInputStream(path)) {
            headLength = in.readNBytes(head, 0, head.length);
            sha256 = sha256(in, head, headLength);
        }
        String mediaType = MediaTypes.of(name, java.util.Arrays.copyOf(head, headLength));
        Integer width = null;
        Integer height = null;
        Long duration = null;
        switch (MediaAttachment.Kind.of(mediaType)) {
            case IMAGE -> {
                int[] dimensions = imageSize(path);
                if (dimensions != null) {
                    width = dimensions[0];
                    height = dimensions[1];
                }
            }
            case AUDIO, VIDEO -> {
                Mp4Header mp4 = Mp4Header.read(path);
                if (mp4 != null) {
                    duration = mp4.durationMillis();
                    width = mp4.width();
                    height = mp4.height();
                } else {
                    Long ogg = OggHeader.durationMillis(path);
                    duration = ogg != null ? ogg : sampledAudioLength(path);
                }
            }
            default -> { }
        }
        return new LocalFile(path, name, size, mediaType, sha256, width, height, duration);
    }

    private static String sha256(InputStream rest, byte[] head, int headLength) throws IOException {
        MessageDigest digest = newSha256();
        digest.update(head, 0, headLength);
        byte[] buffer = new byte[BUFFER];
        int read;
        while ((read = rest.read(buffer)) > 0) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Width and height from the image's header, or null when no reader knows the format. */
    static int[] imageSize(Path path) {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** Play length of the sampled-audio formats the JDK reads (WAV, AIFF, AU), or null. */
    static Long sampledAudioLength(Path path) {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(path.toFile());
            long frames = format.getFrameLength();
            float rate = format.getFormat().getFrameRate();
            if (frames <= 0 || rate <= 0) {
                return null;
            }
            return (long) (frames * 1000.0 / rate);
        } catch (UnsupportedAudioFileException | IOException | RuntimeException unknown) {
            return null;
        }
    }
}
