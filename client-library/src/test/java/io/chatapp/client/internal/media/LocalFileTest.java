package io.chatapp.client.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metadata the library reads from a file before sharing it. */
class LocalFileTest {

    @TempDir
    Path directory;

    @Test
    void aPngHasItsTypeFromItsBytesItsDimensionsAndItsHash() throws IOException {
        Path file = directory.resolve("holiday.dat"); // the name says nothing: the bytes do
        ImageIO.write(new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        LocalFile local = LocalFile.inspect(file);
        assertThat(local.name()).isEqualTo("holiday.dat");
        assertThat(local.size()).isEqualTo(Files.size(file));
        assertThat(local.mediaType()).isEqualTo("image/png");
        assertThat(local.width()).isEqualTo(320);
        assertThat(local.height()).isEqualTo(200);
        assertThat(local.durationMillis()).isNull();
        assertThat(local.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                LocalFile.newSha256().digest(Files.readAllBytes(file))));
    }

    @Test
    void aJpegHasItsDimensions() throws IOException {
        Path file = directory.resolve("photo.jpg");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpg", file.toFile());
        LocalFile local = LocalFile.inspect(file);
        assertThat(local.mediaType()).isEqualTo("image/jpeg");
        assertThat(local.width()).isEqualTo(64);
        assertThat(local.height()).isEqualTo(48);
    }

    @Test
    void aWavHasItsPlayLength() throws IOException {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        byte[] samples = new byte[8000 * 2 * 3 / 2]; // 1.5 s
        Path file = directory.resolve("note.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples), format, samples.length / 2),
                AudioFileFormat.Type.WAVE, file.toFile());
        LocalFile local = LocalFile.inspect(file);
        assertThat(local.mediaType()).isEqualTo("audio/wav");
        assertThat(local.durationMillis()).isEqualTo(1500L);
        assertThat(local.width()).isNull();
    }

    @Test
    void oggOpusAndVorbisVoiceNotesHaveTheirPlayLength() throws IOException {
        java.nio.ByteBuffer opusHead = java.nio.ByteBuffer.allocate(19).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .put("OpusHead".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 1)
                .putShort((short) 312).putInt(48_000).putShort((short) 0).put((byte) 0);
        Path opus = directory.resolve("voice.opus");
        Files.write(opus, concat(oggPage(0, opusHead.array()), oggPage(0, new byte[4000]),
                oggPage(312 + 48_000L * 3, new byte[2000])));
        LocalFile voice = LocalFile.inspect(opus);
        assertThat(voice.mediaType()).isEqualTo("audio/ogg");
        assertThat(voice.durationMillis()).isEqualTo(3000L);

        java.nio.ByteBuffer vorbisId = java.nio.ByteBuffer.allocate(30).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .put((byte) 1).put("vorbis".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).put((byte) 2)
                .putInt(44_100);
        Path vorbis = directory.resolve("song.ogg");
        Files.write(vorbis, concat(oggPage(0, vorbisId.array()), oggPage(44_100L * 2, new byte[500])));
        assertThat(LocalFile.inspect(vorbis).durationMillis()).isEqualTo(2000L);

        Path truncated = directory.resolve("cut.ogg");
        Files.write(truncated, java.util.Arrays.copyOf(oggPage(0, opusHead.array()), 30));
        assertThat(LocalFile.inspect(truncated).durationMillis()).isNull();
    }

    /** One Ogg page holding one packet of fewer than 255 × 255 bytes. */
    private static byte[] oggPage(long granulePosition, byte[] packet) {
        int segments = packet.length / 255 + 1;
        java.nio.ByteBuffer page = java.nio.ByteBuffer.allocate(27 + segments + packet.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        page.put("OggS".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 0).put((byte) 0).putLong(granulePosition)
                .putInt(1).putInt(0).putInt(0).put((byte) segments);
        for (int i = 0; i < segments - 1; i++) {
            page.put((byte) 255);
        }
        page.put((byte) (packet.length % 255));
        return page.put(packet).array();
    }

    @Test
    void anMp4HasPlayLengthAndPictureSizeFromItsHeaders() throws IOException {
        Path file = directory.resolve("clip.mp4");
        Files.write(file, mp4(90_000, 450_000, 1280, 720)); // 5 s at 90 kHz
        LocalFile local = LocalFile.inspect(file);
        assertThat(local.mediaType()).isEqualTo("video/mp4");
        assertThat(local.durationMillis()).isEqualTo(5000L);
        assertThat(local.width()).isEqualTo(1280);
        assertThat(local.height()).isEqualTo(720);
    }

    @Test
    void aBrokenMp4HasNoMetadataButIsStillAVideo() throws IOException {
        Path file = directory.resolve("broken.mp4");
        byte[] valid = mp4(1000, 1000, 10, 10);
        Files.write(file, java.util.Arrays.copyOf(valid, 40));
        LocalFile local = LocalFile.inspect(file);
        assertThat(local.mediaType()).isEqualTo("video/mp4");
        assertThat(local.durationMillis()).isNull();
        assertThat(local.width()).isNull();
    }

    @Test
    void otherFilesGoByTheirExtension() throws IOException {
        Path text = Files.writeString(directory.resolve("notes.txt"), "hello");
        assertThat(LocalFile.inspect(text).mediaType()).isEqualTo("text/plain");
        assertThat(LocalFile.inspect(text).sha256())
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        Path unknown = Files.writeString(directory.resolve("data.bin"), "\u0001\u0002");
        assertThat(LocalFile.inspect(unknown).mediaType()).isEqualTo(MediaTypes.UNKNOWN);
    }

    @Test
    void sniffingKnowsTheCommonFormats() {
        assertThat(MediaTypes.sniff("GIF89a....".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("image/gif");
        assertThat(MediaTypes.sniff("%PDF-1.7".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("application/pdf");
        assertThat(MediaTypes.sniff("OggS\0\2".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("audio/ogg");
        assertThat(MediaTypes.sniff("ID3\3\0".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("audio/mpeg");
        assertThat(MediaTypes.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("image/webp");
        assertThat(MediaTypes.sniff("\0\0\0\u0020ftypM4A \0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("audio/mp4");
        assertThat(MediaTypes.sniff("\0\0\0\u0014ftypqt  ".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("video/quicktime");
        assertThat(MediaTypes.sniff(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3})).isEqualTo("video/webm");
        assertThat(MediaTypes.sniff("<html>".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(MediaTypes.sniff(new byte[0])).isNull();
        assertThat(MediaTypes.fromName("Report.PDF")).isEqualTo("application/pdf");
        assertThat(MediaTypes.fromName("noextension")).isEqualTo(MediaTypes.UNKNOWN);
        assertThat(MediaTypes.fromName("trailing.")).isEqualTo(MediaTypes.UNKNOWN);
    }

    @Test
    void namesAreMadeSafe() {
        assertThat(MediaNames.safe("../../etc/passwd")).isEqualTo("passwd");
        assertThat(MediaNames.safe("C:\\Users\\x\\doc.txt")).isEqualTo("doc.txt");
        assertThat(MediaNames.safe("..")).isEqualTo("file");
        assertThat(MediaNames.safe("  ")).isEqualTo("file");
        assertThat(MediaNames.safe("a\u202Eb\u0000c.txt")).isEqualTo("abc.txt");
        assertThat(MediaNames.safe("x".repeat(500) + ".jpeg")).hasSize(200).endsWith(".jpeg");
        assertThat(MediaNames.fromUrl("https://h/files/id/My%20Photo.jpg?k=1&s=2")).isEqualTo("My Photo.jpg");
        assertThat(MediaNames.fromUrl("https://h/files/id/a%2F..%2Fb.png")).isEqualTo("b.png");
        assertThat(MediaNames.fromUrl("https://h/")).isEqualTo("file");
    }

    /** A minimal MP4: ftyp, then moov with mvhd (version 0) and one video trak with tkhd (version 0). */
    static byte[] mp4(int timescale, int duration, int width, int height) throws IOException {
        ByteArrayOutputStream mvhd = new ByteArrayOutputStream();
        DataOutputStream m = new DataOutputStream(mvhd);
        m.writeInt(0); // version, flags
        m.writeInt(0);
        m.writeInt(0);
        m.writeInt(timescale);
        m.writeInt(duration);
        m.write(new byte[80]);
        ByteArrayOutputStream tkhd = new ByteArrayOutputStream();
        DataOutputStream t = new DataOutputStream(tkhd);
        t.writeInt(0); // version, flags
        t.write(new byte[20 + 8 + 8 + 36]); // times, id, duration, reserved, layer…, matrix
        t.writeInt(width << 16);
        t.writeInt(height << 16);
        byte[] trak = box("trak", box("tkhd", tkhd.toByteArray()));
        byte[] moov = box("moov", concat(box("mvhd", mvhd.toByteArray()), trak));
        return concat(box("ftyp", "isom\0\0\2\0isomiso2mp41".getBytes(StandardCharsets.ISO_8859_1)),
                box("free", new byte[8]), moov);
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
