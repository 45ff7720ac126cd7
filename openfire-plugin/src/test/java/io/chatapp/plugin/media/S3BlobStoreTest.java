package io.chatapp.plugin.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.S3Settings;
import io.chatapp.plugin.config.SettingsSource;
import io.chatapp.s3test.S3ProxyExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link S3BlobStore} against a real S3-compatible server (S3Proxy), one new bucket per test. */
class S3BlobStoreTest extends BlobStoreContract {

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    /** Small pages, so that listing always crosses page boundaries. */
    private static final int PAGE_SIZE = 2;

    @Override
    protected BlobStore newStore() throws IOException {
        return S3BlobStore.open(settings(Map.of(S3Settings.BUCKET.name(), "test-" + BUCKETS.incrementAndGet())),
                PAGE_SIZE);
    }

    private static S3Settings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put(S3Settings.ENDPOINT.name(), S3.endpoint().toString());
        values.put(S3Settings.ACCESS_KEY.name(), S3.accessKey());
        values.put(S3Settings.SECRET_KEY.name(), S3.secretKey());
        values.putAll(overrides);
        return S3Settings.read(SettingsSource.of(values));
    }

    @Test
    void aSlotRequestLeavesTheRoomToTheS3Server() throws IOException {
        assertThat(store.usableSpace()).isEmpty();
        StoreRoom room = new StoreRoom(store);
        Instant now = Instant.now();
        for (String slotId : List.of("first", "second")) {
            UploadSlot slot = new UploadSlot(slotId, slotId, "alice@example.org", "a.bin", S3BlobStore.MAX_PUT_BYTES,
                    "application/octet-stream", now, now.plusSeconds(300));
            assertThatCode(() -> room.reserve(slot, now)).as("no free space check, nothing reserved: the S3 server"
                    + " refuses a PUT it has no room for").doesNotThrowAnyException();
        }
    }

    @Test
    void listingFollowsEveryPage() throws IOException {
        List<String> keys = List.of("files/1", "files/2", "files/3", "files/4", "files/5", "thumbs/1");
        for (String key : keys) {
            store.put(key, new ByteArrayInputStream(new byte[1]), 1, "image/png");
        }

        assertThat(list("files/")).containsExactlyInAnyOrderElementsOf(keys.subList(0, 5));
    }

    @Test
    void anObjectLargerThanOneS3PutIsRefusedBeforeAnyByteIsRead() {
        InputStream untouched = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("nothing may be read");
            }
        };

        assertThatThrownBy(() -> store.put("files/huge", untouched, S3BlobStore.MAX_PUT_BYTES + 1, "video/mp4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S3 PUT");
    }

    @Test
    void anExistingBucketIsUsedAsItIs() throws IOException {
        store.put("files/kept", new ByteArrayInputStream(new byte[4]), 4, "image/png");
        String bucket = "test-" + BUCKETS.get();

        try (BlobStore again = S3BlobStore.open(settings(Map.of(S3Settings.BUCKET.name(), bucket,
                S3Settings.CREATE_BUCKET.name(), "false")))) {
            assertThat(again.size("files/kept")).contains(4L);
        }
    }

    @Test
    void aMissingBucketStopsTheStoreWhenItMayNotBeCreated() {
        assertThatThrownBy(() -> S3BlobStore.open(settings(Map.of(S3Settings.BUCKET.name(), "absent-bucket",
                S3Settings.CREATE_BUCKET.name(), "false"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("absent-bucket")
                .hasMessageContaining("does not exist")
                .hasMessageContaining(S3Settings.CREATE_BUCKET.name());
    }

    @Test
    void wrongCredentialsAreReportedAsSuch() {
        assertThatThrownBy(() -> S3BlobStore.open(settings(Map.of(S3Settings.SECRET_KEY.name(), "wrong-secret"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("credentials were refused")
                .hasMessageContaining(S3Settings.ACCESS_KEY.name())
                .hasMessageContaining(S3.endpoint().toString())
                .hasMessageNotContaining("wrong-secret");
        assertThatThrownBy(() -> S3BlobStore.open(settings(Map.of(S3Settings.ACCESS_KEY.name(), "AKUNKNOWN"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("credentials were refused");
    }

    /** Without keys the SDK looks for AWS credentials (environment, profile, instance role); none fit S3Proxy. */
    @Test
    void withoutKeysTheMissingOrUnfitDefaultCredentialsAreReported() {
        assertThatThrownBy(() -> S3BlobStore.open(settings(Map.of(S3Settings.ACCESS_KEY.name(), "",
                S3Settings.SECRET_KEY.name(), ""))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("credentials")
                .hasMessageContaining(S3Settings.ACCESS_KEY.name());
    }

    @Test
    void anUnreachableEndpointIsReportedAsSuch() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closedPort;

        assertThatThrownBy(() -> S3BlobStore.open(settings(Map.of(S3Settings.ENDPOINT.name(), endpoint))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot be reached")
                .hasMessageContaining(endpoint)
                .hasMessageContaining(S3Settings.ENDPOINT.name());
    }
}
