package io.chatapp.plugin.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.ChatAppServer;
import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.config.SettingsSource;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.InMemoryAccounts;
import io.chatapp.plugin.testing.Threads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The media parts as ChatAppServer starts them: the configured store, its default URL, a refused store. */
class MediaStartupTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

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
        try (ChatAppServer server = ChatAppServer.start(settings(), "node-1", new InMemoryAccounts())) {
            MediaService media = server.media().service();
            assertThat(media.urls().filesPrefix()).isEqualTo("http://" + new InMemoryAccounts().domain() + ":"
                    + server.httpPort() + "/media/v1/files/");
            assertThat(media.maxFileSize()).isEqualTo(100L << 20);
            assertThat(server.media().settings().directory()).isEqualTo(directory.toString());
        }
        assertThat(Threads.awaitGone("chatapp-media", Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void anUnavailableStoreStopsTheStartAndLeavesNothingRunning() {
        assertThatThrownBy(() -> ChatAppServer.start(settings("chatapp.media.store", "s3"), "node-1",
                new InMemoryAccounts())).isInstanceOf(IllegalStateException.class).hasMessageContaining("s3");
        assertThat(Threads.awaitGone("chatapp-", Duration.ofSeconds(5))).isEmpty();
    }
}
