package io.chatapp.plugin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3SettingsTest {

    private static S3Settings read(Map<String, String> values) {
        return S3Settings.read(SettingsSource.of(values));
    }

    @Test
    void unsetSettingsTakeTheirDefaults() {
        S3Settings settings = read(Map.of());

        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.bucket()).isEqualTo("chatapp-media");
        assertThat(settings.accessKey()).isEmpty();
        assertThat(settings.secretKey()).isEmpty();
        assertThat(settings.pathStyle()).isTrue();
        assertThat(settings.createBucket()).isTrue();
    }

    @Test
    void everySettingIsRead() {
        S3Settings settings = read(Map.of(
                "chatapp.media.s3.endpoint", " https://minio.internal:9000 ",
                "chatapp.media.s3.region", "eu-west-3",
                "chatapp.media.s3.bucket", "media.example-org",
                "chatapp.media.s3.accessKey", "AKIDEXAMPLE",
                "chatapp.media.s3.secretKey", "s3cr3t",
                "chatapp.media.s3.pathStyle", "false",
                "chatapp.media.s3.createBucket", "false"));

        assertThat(settings).isEqualTo(new S3Settings(java.util.Optional.of(URI.create(
                "https://minio.internal:9000")), "eu-west-3", "media.example-org", "AKIDEXAMPLE", "s3cr3t", false,
                false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Chat-Media", "-media", "media-", "media..x", "media_x", "a/b"})
    void badBucketNamesAreRefusedWithThePropertyName(String bucket) {
        assertThatThrownBy(() -> read(Map.of("chatapp.media.s3.bucket", bucket)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("chatapp.media.s3.bucket");
    }

    @ParameterizedTest
    @ValueSource(strings = {"minio:9000", "ftp://minio", "http://", "http://minio:9000/?x=1", "not a url"})
    void badEndpointsAreRefusedWithThePropertyName(String endpoint) {
        assertThatThrownBy(() -> read(Map.of("chatapp.media.s3.endpoint", endpoint)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("chatapp.media.s3.endpoint");
    }

    @Test
    void aKeyWithoutItsSecretIsRefusedWithoutPrintingTheSecret() {
        assertThatThrownBy(() -> read(Map.of("chatapp.media.s3.accessKey", "AKIDEXAMPLE")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("chatapp.media.s3.secretKey");
        assertThatThrownBy(() -> read(Map.of("chatapp.media.s3.secretKey", "s3cr3t")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("chatapp.media.s3.accessKey")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void theSecretKeyIsNeverPrinted() {
        S3Settings settings = read(Map.of("chatapp.media.s3.accessKey", "AKIDEXAMPLE",
                "chatapp.media.s3.secretKey", "s3cr3t"));

        assertThat(settings.toString()).contains("AKIDEXAMPLE").doesNotContain("s3cr3t");
    }
}
