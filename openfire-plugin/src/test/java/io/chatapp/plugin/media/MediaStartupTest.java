package io.chatapp.plugin.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.ChatAppServer;
import io.chatapp.plugin.config.S3Settings;
import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.config.SettingsSource;
import io.chatapp.plugin.openfire.ChatAppPlugin;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.InMemoryAccounts;
import io.chatapp.plugin.testing.Threads;
import io.chatapp.s3test.S3ProxyExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The media parts as ChatAppServer starts them: the configured store, its default URL, the S3 store, a store that cannot be reached. */
class MediaStartupTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @TempDir
    Path directory;

    private Settings settings(String... more) {
        Map<String, String> values = postgres.properties("media_start_" + System.nanoTime());
        values.put(Settings.MEDIA_DIRECTORY.name(), directory.toString());
        for (int i = 0; i < more.length; i += 2) {
            values.put(more[i], more[i + 1]);
        }
        return Settings.read(SettingsSource.of(values));
    }

    @Test
    void theLocalStoreOpensInTheDirectoryAndUrlsDefaultToTheDomainAndPort() throws Exception {
        try (ChatAppServer server = ChatAppServer.start(settings(), "node-1", new InMemoryAccounts(), ChatAppPlugin.domainFeatures())) {
            MediaService media = server.services().get(MediaService.class);
            assertThat(media.urls().filesPrefix()).isEqualTo("http://" + new InMemoryAccounts().domain() + ":"
                    + server.httpPort() + "/media/v1/files/");
            assertThat(media.maxFileSize()).isEqualTo(100L << 20);
            assertThat(server.services().get(io.chatapp.plugin.config.MediaSettings.class).directory()).isEqualTo(directory.toString());
        }
        assertThat(Threads.awaitGone("chatapp-media", Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void theS3StoreOpensWhenConfigured() throws Exception {
        Map<String, String> properties = new java.util.HashMap<>(S3.chatAppProperties("startup-" + System.nanoTime()));
        String[] s3 = properties.entrySet().stream()
                .flatMap(entry -> java.util.stream.Stream.of(entry.getKey(), entry.getValue()))
                .toArray(String[]::new);
        try (ChatAppServer server = ChatAppServer.start(settings(s3), "node-1", new InMemoryAccounts(), ChatAppPlugin.domainFeatures())) {
            // The server created its bucket: a store that may not create one opens on it.
            properties.put(S3Settings.CREATE_BUCKET.name(), "false");
            S3BlobStore.open(S3Settings.read(SettingsSource.of(properties))).close();
        }
        assertThat(Threads.awaitGone("chatapp-media", Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void anUnavailableStoreStopsTheStartAndLeavesNothingRunning() {
        assertThatThrownBy(() -> ChatAppServer.start(settings("chatapp.media.store", "s3",
                "chatapp.media.s3.endpoint", "http://127.0.0.1:1", "chatapp.media.s3.accessKey", "key",
                "chatapp.media.s3.secretKey", "secret"), "node-1", new InMemoryAccounts(), ChatAppPlugin.domainFeatures()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("127.0.0.1:1");
        assertThat(Threads.awaitGone("chatapp-", Duration.ofSeconds(5))).isEmpty();
    }
}
