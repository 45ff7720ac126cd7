package io.chatapp.plugin.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    @Test
    void anImageGetsItsSizeAndAJpegThumbnailWithinTheBox() throws Exception {
        Thumbnails.Result result = Thumbnails.of(new ByteArrayInputStream(UploadRulesTest.png(1000, 500)))
                .orElseThrow();

        assertThat(result.dimensions()).isEqualTo(new MediaFile.Dimensions(1000, 500));
        assertThat(result.thumbnail().dimensions()).isEqualTo(new MediaFile.Dimensions(256, 128));
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(result.thumbnail().jpeg()));
        assertThat(thumbnail.getWidth()).isEqualTo(256);
        assertThat(ContentSniffer.sniff(result.thumbnail().jpeg(), result.thumbnail().jpeg().length))
                .isEqualTo("image/jpeg");
    }

    @Test
    void aSmallImageIsNotEnlarged() throws Exception {
        Thumbnails.Result result = Thumbnails.of(new ByteArrayInputStream(UploadRulesTest.png(40, 30)))
                .orElseThrow();
        assertThat(result.thumbnail().dimensions()).isEqualTo(new MediaFile.Dimensions(40, 30));
    }

    @Test
    void aDecompressionBombIsMeasuredButNeverDecoded() throws Exception {
        // A valid PNG header claiming 100,000 x 100,000 pixels (40 GB decoded), with no image data behind it.
        Thumbnails.Result result = Thumbnails.of(new ByteArrayInputStream(pngHeader(100_000, 100_000)))
                .orElseThrow();

        assertThat(result.dimensions()).isEqualTo(new MediaFile.Dimensions(100_000, 100_000));
        assertThat(result.thumbnail()).isNull();
    }

    @Test
    void somethingThatIsNotAnImageGivesNothing() throws Exception {
        assertThat(Thumbnails.of(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    private static byte[] pngHeader(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(chunk);
        ihdr.writeBytes("IHDR");
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[] {8, 2, 0, 0, 0});
        byte[] body = chunk.toByteArray();
        data.writeInt(body.length - 4);
        data.write(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        data.writeInt((int) crc.getValue());
        return out.toByteArray();
    }
}
