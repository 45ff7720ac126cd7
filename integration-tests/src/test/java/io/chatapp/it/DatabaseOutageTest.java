package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.devserver.DatabaseConfig;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.DevServerConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's database outage: the plugin's path to PostgreSQL is blocked for 10 s (every connection reset, new ones
 * refused, through a {@link TcpProxy}; Openfire's own tables stay reachable, so what is tested is the plugin) while
 * Alice sends Bob a message every 20 ms. Live delivery goes on; {@code /health} answers 503 naming the database within
 * a second or two and 200 again once it is back; an HTTP route that needs the database answers 503 with
 * {@code Retry-After}, not 500; and once the database is back the archive's writer has retried and written every
 * message, each once, in order.
 */
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @TempDir
    Path data;

    /**
     * A server whose Openfire tables are on {@code postgres} directly and whose plugin reaches the same database only
     * through {@code proxy} (so blocking the proxy cuts the plugin off), with a short pool timeout.
     */
    static DevServerConfig pluginDatabaseThrough(TcpProxy proxy, EmbeddedPostgres postgres, Path data) {
        return DevServerConfig.forTests(data)
                .withDatabase(new DatabaseConfig(postgres.getJdbcUrl("postgres", "postgres"), "postgres", ""))
                .withProperty("chatapp.db.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres")
                .withProperty("chatapp.db.connectionTimeoutMillis", "1000");
    }

    @Test
    void deliveryGoesOnHealthAndHttpSayWhyAndNothingIsLost() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             TcpProxy databasePath = new TcpProxy(postgres.getPort());
             DevServer server = DevServer.start(pluginDatabaseThrough(databasePath, postgres, data));
             Clients clients = new Clients(server)) {
            server.createUser("alice", "outage-password-1");
            server.createUser("bob", "outage-password-1");
            PluginApi api = new PluginApi(server);
            assertThat(api.get("/health", null).status()).isEqualTo(200);
            ChatClient alice = clients.open(clients.config());
            alice.login("alice", "outage-password-1").join();
            ChatClient bob = clients.open(clients.config());
            List<String> received = new CopyOnWriteArrayList<>();
            bob.onMessage(message -> {
                if (!message.outgoing() && message.body() != null) {
                    received.add(message.body());
                }
            });
            bob.login("bob", "outage-password-1").join();

            List<String> sent = new ArrayList<>();
            long start = System.nanoTime();
            long outageStart = 0;
            long outageEnd = 0;
            int receivedAtOutageStart = 0;
            int receivedDuringOutage = 0;
            boolean healthSaidDown = false;
            long healthDownAfterMillis = -1;
            long healthUpAfterMillis = -1;
            PluginApi.Answer duringOutage = null;
            for (int n = 1; System.nanoTime() - start < Duration.ofSeconds(16).toNanos(); n++) {
                String body = String.format("db-%05d", n);
                alice.sendMessage("bob@" + server.domain(), body).join();
                sent.add(body);
                long elapsed = System.nanoTime() - start;
                if (outageStart == 0 && elapsed > Duration.ofSeconds(2).toNanos()) {
                    databasePath.block();
                    outageStart = System.nanoTime();
                    receivedAtOutageStart = received.size();
                }
                if (outageStart != 0 && outageEnd == 0) {
                    if (!healthSaidDown && n % 10 == 0) {
                        PluginApi.Answer health = api.get("/health", null);
                        if (health.status() == 503) {
                            healthSaidDown = true;
                            healthDownAfterMillis = (System.nanoTime() - outageStart) / 1_000_000;
                            assertThat(health.body().get("database").get("reachable").asBoolean()).isFalse();
                            assertThat(health.text("status")).isEqualTo("degraded");
                            duringOutage = api.token("alice", "outage-password-1");
                        }
                    }
                    if (System.nanoTime() - outageStart > OUTAGE.toNanos()) {
                        receivedDuringOutage = received.size() - receivedAtOutageStart;
                        databasePath.unblock();
                        outageEnd = System.nanoTime();
                    }
                }
                if (outageEnd != 0 && healthUpAfterMillis < 0 && n % 10 == 0
                        && api.get("/health", null).status() == 200) {
                    healthUpAfterMillis = (System.nanoTime() - outageEnd) / 1_000_000;
                }
                Thread.sleep(20);
            }
            System.out.printf("Database outage of %d s: %d messages sent in all, %d delivered live during it;"
                            + " /health said 503 after %d ms and 200 again %d ms after the database came back%n",
                    OUTAGE.toSeconds(), sent.size(), receivedDuringOutage, healthDownAfterMillis, healthUpAfterMillis);

            assertThat(receivedDuringOutage).as("live delivery went on during the outage").isGreaterThan(100);
            assertThat(healthSaidDown).as("/health reported the outage").isTrue();
            assertThat(duringOutage).isNotNull();
            assertThat(duringOutage.status()).as("a route that needs the database: %s", duringOutage)
                    .isEqualTo(503);
            assertThat(duringOutage.text("error")).isEqualTo("database_unavailable");
            assertThat(duringOutage.headers()).containsEntry("retry-after", "5");
            assertThat(healthUpAfterMillis).as("/health reported the recovery").isBetween(0L, 5_000L);
            assertThat(api.token("alice", "outage-password-1").status()).isEqualTo(200);

            NothingLostTest.awaitUntil(Duration.ofSeconds(30), () -> received.size() >= sent.size());
            assertThat(received).as("Bob's messages: each once, in order").containsExactlyElementsOf(sent);
            long catchUp = System.nanoTime();
            List<String> archived = new ArrayList<>();
            NothingLostTest.awaitUntil(Duration.ofSeconds(30), () -> {
                archived.clear();
                archived.addAll(ArchiveView.bodies(bob, "alice@" + server.domain()));
                return archived.size() >= sent.size();
            });
            System.out.printf("The archive had every message %d ms after the check began%n",
                    (System.nanoTime() - catchUp) / 1_000_000);
            assertThat(archived).as("Bob's archive: the writer retried, nothing lost or doubled")
                    .containsExactlyElementsOf(sent);
        }
    }
}
