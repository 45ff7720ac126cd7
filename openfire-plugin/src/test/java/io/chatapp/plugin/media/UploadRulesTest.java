package io.chatapp.plugin.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.config.MediaSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class UploadRulesTest {

    private final UploadRules rules = new UploadRules(new MediaSettings.Limits(10, 20, 30, 40));

    static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static String sniff(byte[] bytes) {
        return ContentSniffer.sniff(bytes, bytes.length);
    }

    private static String sniff(String text) {
        return sniff(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachKindHasItsLimit() {
        assertThat(rules.limitFor("image/png")).isEqualTo(10);
        assertThat(rules.limitFor("audio/ogg")).isEqualTo(20);
        assertThat(rules.limitFor("video/mp4")).isEqualTo(30);
        assertThat(rules.limitFor("application/pdf")).isEqualTo(40);
        assertThat(rules.largestLimit()).isEqualTo(40);
    }

    @Test
    void typesAreNormalisedAndMarkupIsDisallowed() {
        assertThat(UploadRules.normalize("Image/PNG; charset=x")).isEqualTo("image/png");
        assertThat(UploadRules.normalize(null)).isEqualTo("application/octet-stream");
        assertThat(UploadRules.normalize("not a type")).isNull();
        assertThat(UploadRules.disallowed("text/html")).isTrue();
        assertThat(UploadRules.disallowed("image/svg+xml")).isTrue();
        assertThat(UploadRules.disallowed("image/png")).isFalse();
    }

    @Test
    void theBytesDecideTheType() throws Exception {
        assertThat(sniff(png(4, 4))).isEqualTo("image/png");
        assertThat(sniff("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"))
                .isEqualTo("text/html");
        assertThat(sniff("%PDF-1.7\n")).isEqualTo("application/pdf");
        assertThat(sniff("just some words\n")).isEqualTo("text/plain");
        assertThat(sniff(new byte[] {0, 1, 2, 3, (byte) 0xff})).isEqualTo("application/octet-stream");
    }

    @Test
    void aSniffedTypeMustAgreeWithTheDeclaredOne() {
        assertThat(UploadRules.agreedType("image/png", "image/png")).isEqualTo("image/png");
        assertThat(UploadRules.agreedType("image/jpg", "image/jpeg")).isEqualTo("image/jpeg");
        assertThat(UploadRules.agreedType("image/png", "text/html")).isNull();
        assertThat(UploadRules.agreedType("image/png", "application/pdf")).isNull();
        assertThat(UploadRules.agreedType("image/png", "application/octet-stream")).isNull();
        assertThat(UploadRules.agreedType("audio/mp4", "video/mp4")).isEqualTo("audio/mp4");
        // Tika's magic takes an "isom" MP4 for QuickTime; the declared type stands (MediaClientTest found it).
        assertThat(UploadRules.agreedType("video/mp4", "video/quicktime")).isEqualTo("video/mp4");
        assertThat(UploadRules.agreedType("audio/ogg", "application/ogg")).isEqualTo("audio/ogg");
        assertThat(UploadRules.agreedType("video/mp4", "text/plain")).isNull();
        assertThat(UploadRules.agreedType("application/octet-stream", "image/png")).isEqualTo("image/png");
        assertThat(UploadRules.agreedType("application/pdf", "application/octet-stream"))
                .isEqualTo("application/pdf");
        assertThat(UploadRules.agreedType("text/plain", "text/html")).isNull();
        assertThat(UploadRules.agreedType("application/octet-stream", "text/html")).isNull();
    }

    @Test
    void fileNamesLoseTheirPathAndControlCharacters() {
        assertThat(UploadRules.safeFileName("../../etc/passwd")).isEqualTo("_.._etc_passwd");
        assertThat(UploadRules.safeFileName("a\"b\r\n.txt")).isEqualTo("a_b__.txt");
        assertThat(UploadRules.safeFileName("  ")).isEqualTo("file");
        assertThat(UploadRules.safeFileName("Ünïcödé 🙂.png")).isEqualTo("Ünïcödé 🙂.png");
    }
}
