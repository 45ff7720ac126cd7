package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientConfig;
import io.chatapp.client.TlsPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's server command ({@code bin/chatapp-dev-server}, which runs the dev server's runnable jar) as its own
 * process.
 * It prints where to connect, stops cleanly on SIGTERM, and keeps its data (accounts, database) across restarts.
 */
class DevServerProcessTest {

    /** The runnable jar that bin/chatapp-dev-server starts (set by the build). */
    private static final Path JAR = Path.of(System.getProperty("chatapp.devserver.jar"));

    @Test
    void startsPrintsWhereToConnectStopsCleanlyAndKeepsDataAcrossRestarts(@TempDir Path data) throws Exception {
        int xmpp = DevServerProcess.freePort();
        int httpBind = DevServerProcess.freePort();
        int plugin = DevServerProcess.freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "--data", data.toString(), "--xmpp-port",
                Integer.toString(xmpp), "--http-bind-port", Integer.toString(httpBind), "--plugin-port",
                Integer.toString(plugin));

        DevServerProcess first = DevServerProcess.start(command);
        try {
            String banner = first.awaitOutput("Press Ctrl+C to stop.");
            assertThat(banner)
                    .contains("localhost:" + xmpp)
                    .contains("ws://localhost:" + httpBind + "/ws/")
                    .contains("http://localhost:" + plugin + "/")
                    .contains("server-certificate.pem");
            try (ChatClient client = ChatClient.create(config(data, xmpp))) {
                client.register("henry", "correct-horse-41").join();
            }
            assertThat(first.stop()).as("exit after SIGTERM; output: %s", first.output()).isIn(0, 143);
        } finally {
            first.kill();
        }

        DevServerProcess second = DevServerProcess.start(command);
        try {
            second.awaitOutput("Press Ctrl+C to stop.");
            try (ChatClient client = ChatClient.create(config(data, xmpp))) {
                client.login("henry", "correct-horse-41").join();
                assertThat(client.jid()).hasValueSatisfying(jid -> assertThat(jid).startsWith("henry@localhost/"));
            }
        } finally {
            second.kill();
        }
    }

    @Test
    void runsOnAnExternalPostgresGivenByJdbcUrl(@TempDir Path data) throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            try (Connection admin = external.getPostgresDatabase().getConnection();
                 Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE operator_db");
            }
            String jdbcUrl = external.getJdbcUrl("postgres", "operator_db");
            int xmpp = DevServerProcess.freePort();
            int plugin = DevServerProcess.freePort();
            DevServerProcess server = DevServerProcess.start(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", JAR.toAbsolutePath().toString(), "--data", data.toString(), "--xmpp-port",
                    Integer.toString(xmpp), "--http-bind-port", Integer.toString(DevServerProcess.freePort()), "--plugin-port",
                    Integer.toString(plugin), "--jdbc-url", jdbcUrl, "--jdbc-user", "postgres"));
            try {
                assertThat(server.awaitOutput("Press Ctrl+C to stop.")).contains(jdbcUrl);
                try (ChatClient client = ChatClient.create(config(data, xmpp))) {
                    client.register("ivy", "battery-staple-57").join();
                }
                assertThat(data.resolve("postgres")).as("no embedded database was started").doesNotExist();
                try (Connection connection = external.getDatabase("postgres", "operator_db").getConnection();
                     Statement statement = connection.createStatement();
                     ResultSet users = statement.executeQuery("SELECT username FROM ofUser WHERE username = 'ivy'");
                     Statement pluginStatement = connection.createStatement();
                     ResultSet migrations = pluginStatement.executeQuery(
                             "SELECT count(*) FROM chatapp.schema_version")) {
                    assertThat(users.next()).as("Openfire's tables are in the external database").isTrue();
                    assertThat(migrations.next()).isTrue();
                    assertThat(migrations.getInt(1)).as("the plugin's schema too").isPositive();
                }
            } finally {
                server.kill();
            }
        }
    }

    private static ChatClientConfig config(Path data, int xmpp) {
        return ChatClientConfig.builder("localhost").host("127.0.0.1").port(xmpp)
                .tlsPolicy(TlsPolicy.REQUIRED)
                .trustedCertificate(data.resolve("openfire/resources/security/server-certificate.pem"))
                .build();
    }

}
