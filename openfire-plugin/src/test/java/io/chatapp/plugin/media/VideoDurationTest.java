package io.chatapp.plugin.media;

import static io.chatapp.plugin.testing.VideoBytes.box;
import static io.chatapp.plugin.testing.VideoBytes.concat;
import static io.chatapp.plugin.testing.VideoBytes.element;
import static io.chatapp.plugin.testing.VideoBytes.float64;
import static io.chatapp.plugin.testing.VideoBytes.ftyp;
import static io.chatapp.plugin.testing.VideoBytes.int32;
import static io.chatapp.plugin.testing.VideoBytes.int64;
import static io.chatapp.plugin.testing.VideoBytes.largeBox;
import static io.chatapp.plugin.testing.VideoBytes.mvhd0;
import static io.chatapp.plugin.testing.VideoBytes.mvhd1;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.testing.VideoBytes;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VideoDurationTest {

    /** Serves the bytes, counting how many were read. */
    private static final class Bytes implements VideoDuration.Ranges {
        private final byte[] bytes;
        long read;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public byte[] read(long offset, int length) {
            byte[] range = Arrays.copyOfRange(bytes, (int) offset, (int) Math.min(bytes.length, offset + length));
            read += range.length;
            return range;
        }
    }

    private static Optional<Duration> lengthOf(byte[] file) throws IOException {
        return VideoDuration.of(new Bytes(file), file.length);
    }

    @Test
    void readsTheMovieHeaderOfAnMp4() throws IOException {
        assertThat(lengthOf(VideoBytes.mp4(5))).contains(Duration.ofSeconds(5));
        assertThat(lengthOf(concat(ftyp(), box("moov", mvhd0(600, 900))))).contains(Duration.ofMillis(1500));
    }

    @Test
    void readsAVersionOneMovieHeader() throws IOException {
        byte[] file = concat(ftyp(), box("moov", mvhd1(90_000, 90_000L * 3600 * 30)));

        assertThat(lengthOf(file)).contains(Duration.ofHours(30));
    }

    @Test
    void findsTheMovieBoxAfterHugeMediaDataWithoutReadingIt() throws IOException {
        long mdatSize = 10L * 1024 * 1024 * 1024;
        byte[] head = concat(ftyp(), int32(1), VideoBytes.ascii("mdat"), int64(mdatSize));
        byte[] tail = box("moov", box("udta", new byte[100]), mvhd0(1000, 42_000));
        long size = head.length - 16 + mdatSize + tail.length;
        long tailAt = size - tail.length;
        long[] read = {0};
        VideoDuration.Ranges sparse = (offset, length) -> {
            byte[] range = new byte[(int) Math.min(length, size - offset)];
            for (int i = 0; i < range.length; i++) {
                long at = offset + i;
                range[i] = at < head.length ? head[(int) at] : at >= tailAt ? tail[(int) (at - tailAt)] : 0;
            }
            read[0] += range.length;
            return range;
        };

        assertThat(VideoDuration.of(sparse, size)).contains(Duration.ofSeconds(42));
        assertThat(read[0]).as("headers only").isLessThan(200);
    }

    @Test
    void aFileWithoutAReadableMovieHeaderHasNoLength() throws IOException {
        byte[] moov = box("moov", mvhd0(1000, 5000));
        assertThat(lengthOf(concat(ftyp(), box("mdat", new byte[64])))).as("no moov").isEmpty();
        assertThat(lengthOf(concat(ftyp(), box("moov", box("trak"))))).as("no mvhd").isEmpty();
        assertThat(lengthOf(concat(ftyp(), box("moov", mvhd0(0, 5000))))).as("time scale 0").isEmpty();
        assertThat(lengthOf(concat(ftyp(), box("moov", mvhd0(1000, 0))))).as("fragmented: 0").isEmpty();
        assertThat(lengthOf(concat(ftyp(), box("moov", mvhd0(1000, -1))))).as("all ones: unknown").isEmpty();
        assertThat(lengthOf(concat(ftyp(), box("moov", mvhd1(1000, -1))))).as("all ones: unknown").isEmpty();
        assertThat(lengthOf(concat(ftyp(), box("moov", box("mvhd", int32(2 << 24), new byte[96])))))
                .as("version 2").isEmpty();
        assertThat(lengthOf(concat(ftyp(), box("moov", box("mvhd", int32(0), new byte[8]))))).as("short mvhd")
                .isEmpty();
        byte[] whole = concat(ftyp(), moov);
        for (int cut = 1; cut < whole.length; cut++) {
            assertThat(lengthOf(Arrays.copyOf(whole, cut))).as("cut at %d", cut).isEmpty();
        }
    }

    @Test
    void impossibleBoxSizesAreDamageNotLoops() throws IOException {
        byte[] moov = box("moov", mvhd0(1000, 5000));
        assertThat(lengthOf(concat(ftyp(), int32(0), VideoBytes.ascii("free"), moov))).as("size 0: to the end")
                .isEmpty();
        assertThat(lengthOf(concat(ftyp(), int32(4), VideoBytes.ascii("free"), moov))).as("smaller than header")
                .isEmpty();
        assertThat(lengthOf(concat(ftyp(), int32(0x7fff_ffff), VideoBytes.ascii("free"), moov)))
                .as("past the end").isEmpty();
        assertThat(lengthOf(concat(ftyp(), int32(1), VideoBytes.ascii("free"), int64(-1), moov)))
                .as("64-bit size over 2^63").isEmpty();
        assertThat(lengthOf(concat(ftyp(), int32(1), VideoBytes.ascii("free"), int64(8), moov)))
                .as("64-bit size smaller than its header").isEmpty();
        assertThat(lengthOf(concat(ftyp(), box("moov", int32(0), VideoBytes.ascii("free"), mvhd0(1000, 5000)))))
                .as("size 0 inside moov").isEmpty();
        assertThat(lengthOf(concat(ftyp(), largeBox("free", new byte[32]), moov))).as("a valid 64-bit size")
                .contains(Duration.ofSeconds(5));
    }

    @Test
    void endlesslyManyBoxesCostABoundedNumberOfReads() throws IOException {
        byte[][] boxes = new byte[20_000][];
        Arrays.fill(boxes, box("free"));
        Bytes file = new Bytes(concat(ftyp(), concat(boxes), box("moov", mvhd0(1000, 5000))));

        assertThat(VideoDuration.of(file, file.bytes.length)).isEmpty();
        assertThat(file.read).isLessThanOrEqualTo(16L * VideoDuration.MAX_READS);
    }

    @Test
    void readsTheDurationOfAWebm() throws IOException {
        assertThat(lengthOf(VideoBytes.webm(12_500))).contains(Duration.ofMillis(12_500));
        byte[] float32Default = concat(element(0x1A45DFA3), element(0x18538067, element(0x1549A966,
                element(0x4489, int32(Float.floatToIntBits(2000f))))));
        assertThat(lengthOf(float32Default)).as("4-byte float, default scale").contains(Duration.ofSeconds(2));
        byte[] microseconds = concat(element(0x1A45DFA3), element(0x18538067, element(0x1549A966,
                element(0x2AD7B1, new byte[] {0x03, (byte) 0xE8}), element(0x4489, float64(3_000_000)))));
        assertThat(lengthOf(microseconds)).as("TimecodeScale 1000 ns").contains(Duration.ofSeconds(3));
    }

    @Test
    void aWebmWithoutAReadableDurationHasNoLength() throws IOException {
        byte[] ebml = element(0x1A45DFA3);
        assertThat(lengthOf(concat(ebml, element(0x18538067, element(0x1549A966, element(0x7BA9,
                VideoBytes.ascii("title"))))))).as("no Duration").isEmpty();
        assertThat(lengthOf(concat(ebml, element(0x18538067, element(0x1549A966, element(0x4489,
                float64(Double.NaN))))))).as("NaN").isEmpty();
        assertThat(lengthOf(concat(ebml, element(0x18538067, element(0x1549A966, element(0x4489,
                float64(-5))))))).as("negative").isEmpty();
        byte[] unknownCluster = concat(new byte[] {0x1F, 0x43, (byte) 0xB6, 0x75, (byte) 0xFF}, new byte[64]);
        assertThat(lengthOf(concat(ebml, element(0x18538067, unknownCluster, element(0x1549A966,
                element(0x4489, float64(1000))))))).as("live: a cluster of unknown size first").isEmpty();
        byte[] whole = VideoBytes.webm(1000);
        for (int cut = 1; cut < whole.length - 1024 - 12; cut++) {
            assertThat(lengthOf(Arrays.copyOf(whole, cut))).as("cut at %d", cut).isEmpty();
        }
    }

    @Test
    void otherFilesHaveNoLength() throws IOException {
        assertThat(lengthOf(new byte[0])).isEmpty();
        assertThat(lengthOf(VideoBytes.ascii("RIFF\0\0\0\0AVI LIST"))).isEmpty();
        assertThat(lengthOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0})).isEmpty();
    }

    @Test
    void noInputMakesItThrow() throws IOException {
        Random random = new Random(17);
        byte[][] seeds = {VideoBytes.mp4(5), VideoBytes.webm(5000)};
        for (int round = 0; round < 20_000; round++) {
            byte[] file = seeds[round % 2].clone();
            for (int flips = random.nextInt(8); flips >= 0; flips--) {
                file[random.nextInt(Math.min(file.length, 200))] = (byte) random.nextInt(256);
            }
            lengthOf(Arrays.copyOf(file, 1 + random.nextInt(file.length)));
        }
    }
}
