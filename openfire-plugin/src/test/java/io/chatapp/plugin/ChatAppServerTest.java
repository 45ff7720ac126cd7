package io.chatapp.plugin;

import static io.chatapp.plugin.testing.Http.assertRefusesConnections;
import static io.chatapp.plugin.testing.Http.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.config.SettingsSource;
import io.chatapp.plugin.openfire.ChatAppPlugin;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.InMemoryAccounts;
import io.chatapp.plugin.testing.JsonReader;
import io.chatapp.plugin.testing.Threads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole plugin runtime without Openfire: start, health, close, and start again. */
class ChatAppServerTest {

    private static final String OUR_THREADS = "chatapp-";

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    @AfterEach
    void nothingOfOursIsLeftRunning() {
        assertThat(Threads.awaitGone(OUR_THREADS, Duration.ofSeconds(5))).isEmpty();
    }

    private static Settings settings(Map<String, String> overrides) {
        Map<String, String> values = postgres.properties("chatapp");
        values.putAll(overrides);
        return Settings.read(SettingsSource.of(values));
    }

    @Test
    void healthReportsVersionNodeAndReachableDatabase() throws Exception {
        try (ChatAppServer server = ChatAppServer.start(postgres.settings("chatapp"), "node-1", new InMemoryAccounts(), ChatAppPlugin.domainFeatures())) {
            HttpResponse<String> response = get(server.httpPort(), "/health");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            Map<String, Object> body = JsonReader.readObject(response.body());
            assertThat(body).containsEntry("status", "ok")
                    .containsEntry("version", server.version())
                    .containsEntry("node", "node-1");
            assertThat(body.get("database")).isInstanceOfSatisfying(Map.class, database -> {
                assertThat(database.get("reachable")).isEqualTo(true);
                assertThat(database.get("latencyMicros")).isInstanceOfSatisfying(BigDecimal.class,
                        micros -> assertThat(micros.signum()).isNotNegative());
            });
        }
    }

    @Test
    void versionComesFromTheBuild() {
        try (ChatAppServer server = ChatAppServer.start(postgres.settings("chatapp"), "node-1", new InMemoryAccounts(), ChatAppPlugin.domainFeatures())) {
            assertThat(server.version()).isNotEqualTo("unknown").doesNotContain("${").matches("\\d+\\.\\d+\\.\\d+.*");
        }
    }

    @Test
    void startRegistersTheNodeInTheDatabase() throws SQLException {
        try (ChatAppServer server = ChatAppServer.start(postgres.settings("chatapp"), "node-registered", new InMemoryAccounts(), ChatAppPlugin.domainFeatures())) {
            try (Connection connection = postgres.admin().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT plugin_version FROM chatapp.plugin_node WHERE node_id = 'node-registered'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(server.version());
            }
            assertThat(server.database().schema()).isEqualTo("chatapp");
        }
    }

    @Test
    void unknownPathsAreNotFound() throws Exception {
        try (ChatAppServer server = ChatAppServer.start(postgres.settings("chatapp"), "node-1", new InMemoryAccounts(), ChatAppPlugin.domainFeatures())) {
            HttpResponse<String> response = get(server.httpPort(), "/nothing-here");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(JsonReader.readObject(response.body())).containsEntry("error", "not_found");
        }
    }

    @Test
    void healthIsDegradedWhenTheDatabaseIsGone() throws Exception {
        try (ChatAppServer server = ChatAppServer.start(postgres.settings("chatapp"), "node-1", new InMemoryAccounts(), ChatAppPlugin.domainFeatures())) {
            server.database().close();

            HttpResponse<String> response = get(server.httpPort(), "/health");

            assertThat(response.statusCode()).isEqualTo(503);
            Map<String, Object> body = JsonReader.readObject(response.body());
            assertThat(body).containsEntry("status", "degraded");
            assertThat(body.get("database")).isInstanceOfSatisfying(Map.class,
                    database -> assertThat(database.get("reachable")).isEqualTo(false));
        }
    }

    @Test
    void closeReleasesThePortAndEveryThread() throws Exception {
        ChatAppServer server = ChatAppServer.start(postgres.settings("chatapp"), "node-1", new InMemoryAccounts(), ChatAppPlugin.domainFeatures());
        int port = server.httpPort();
        assertThat(get(port, "/health").statusCode()).isEqualTo(200);
        assertThat(Threads.alive(OUR_THREADS)).isNotEmpty();

        server.close();

        assertRefusesConnections(port);
        assertThat(Threads.awaitGone(OUR_THREADS, Duration.ofSeconds(5))).isEmpty();
        assertThat(server.database().isReachable(1)).isFalse();
    }

    @Test
    void closeTwiceIsHarmless() {
        ChatAppServer server = ChatAppServer.start(postgres.settings("chatapp"), "node-1", new InMemoryAccounts(), ChatAppPlugin.domainFeatures());
        server.close();
        server.close();
    }

    @Test
    void startCloseStartAgainOnTheSamePortLeaksNothing() throws Exception {
        ChatAppServer first = ChatAppServer.start(postgres.settings("chatapp"), "node-1", new InMemoryAccounts(), ChatAppPlugin.domainFeatures());
        int port = first.httpPort();
        assertThat(get(port, "/health").statusCode()).isEqualTo(200);
        first.close();
        assertThat(Threads.awaitGone(OUR_THREADS, Duration.ofSeconds(5))).isEmpty();

        // The same fixed port again: only possible if the first run really let go of it.
        Settings samePort = settings(Map.of("chatapp.http.port", String.valueOf(port)));
        for (int round = 0; round < 3; round++) {
            try (ChatAppServer again = ChatAppServer.start(samePort, "node-1", new InMemoryAccounts(), ChatAppPlugin.domainFeatures())) {
                assertThat(again.httpPort()).isEqualTo(port);
                HttpResponse<String> response = get(port, "/health");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(JsonReader.readObject(response.body())).containsEntry("node", "node-1");
            }
            assertThat(Threads.awaitGone(OUR_THREADS, Duration.ofSeconds(5))).as("round " + round).isEmpty();
        }
    }

    @Test
    void failedDatabaseStartLeavesNothingRunning() {
        Settings unreachable = settings(Map.of("chatapp.db.url", "jdbc:postgresql://127.0.0.1:1/chatapp"));

        // Should be StorageException (see DatabaseTest: a main-code bug lets Hikari's own exception through).
        assertThatThrownBy(() -> ChatAppServer.start(unreachable, "node-1", new InMemoryAccounts(), ChatAppPlugin.domainFeatures())).isInstanceOf(RuntimeException.class);

        assertThat(Threads.awaitGone(OUR_THREADS, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void portInUseFailsStartAndClosesTheDatabase() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Settings clash = settings(Map.of("chatapp.http.port", String.valueOf(taken.getLocalPort())));

            assertThatThrownBy(() -> ChatAppServer.start(clash, "node-1", new InMemoryAccounts(), ChatAppPlugin.domainFeatures()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not start");

            assertThat(Threads.awaitGone(OUR_THREADS, Duration.ofSeconds(5))).isEmpty();
        }
    }

    @Test
    void startLogNamesTheSettingsButNeverThePassword() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ChatAppServer server = ChatAppServer.start(postgres.settings("chatapp"), "node-log", new InMemoryAccounts(), ChatAppPlugin.domainFeatures())) {
            assertThat(server.httpPort()).isPositive();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("node-log");
        assertThat(log).doesNotContain(EmbeddedDatabase.PASSWORD);
    }
}
