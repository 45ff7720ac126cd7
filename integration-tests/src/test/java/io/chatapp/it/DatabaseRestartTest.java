package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.devserver.DatabaseConfig;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.DevServerConfig;
import io.chatapp.devserver.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's database restart: the plugin's PostgreSQL is stopped (its process ends, every pooled connection dies)
 * for 10 s and started again on the same data directory and port, while Alice sends Bob a message every 20 ms; unlike
 * {@link DatabaseOutageTest}'s blocked port, the server itself goes away and comes back with a new process. Live
 * delivery goes on; {@code /health} and a database-backed route say 503 (with {@code Retry-After}) during it; the
 * plugin's pool reconnects by itself (no restart of Openfire or the plugin); every message is in both parties'
 * archive views, once and in order. Openfire's own tables are on another PostgreSQL: Openfire 4.2 waits on its own
 * pool in session handling and shutdown, which is Openfire's business (docs/reliability.md).
 */
class DatabaseRestartTest {

    private static final Duration DOWN = Duration.ofSeconds(10);
    private static final String PASSWORD = "restart-password-1";

    @TempDir
    Path data;

    @Test
    void deliveryGoesOnPoolsReconnectAndTheArchiveIsCompleteOnBothSides() throws Exception {
        Path pgData = data.resolve("postgres");
        int port = FreePorts.pick();
        Postgres postgres = new Postgres(pgData, port);
        try (EmbeddedPostgres openfireDatabase = EmbeddedPostgres.builder().start();
             DevServer server = DevServer.start(DevServerConfig.forTests(data.resolve("openfire"))
                     .withDatabase(new DatabaseConfig(openfireDatabase.getJdbcUrl("postgres", "postgres"),
                             "postgres", ""))
                     .withProperty("chatapp.db.url", postgres.url())
                     .withProperty("chatapp.db.connectionTimeoutMillis", "1000"));
             Clients clients = new Clients(server)) {
            try {
                exchangeAcrossTheRestart(server, clients, postgres);
            } finally {
                postgres.start(); // Openfire and the plugin stop cleanly only with their database there
            }
        } finally {
            postgres.stop();
        }
    }

    private static void exchangeAcrossTheRestart(DevServer server, Clients clients, Postgres postgres)
            throws Exception {
        server.createUser("alice", PASSWORD);
        server.createUser("bob", PASSWORD);
        PluginApi api = new PluginApi(server);
        ChatClient alice = clients.open(clients.config());
        alice.login("alice", PASSWORD).join();
        ChatClient bob = clients.open(clients.config());
        List<String> received = new CopyOnWriteArrayList<>();
        bob.onMessage(message -> {
            if (!message.outgoing() && message.body() != null) {
                received.add(message.body());
            }
        });
        bob.login("bob", PASSWORD).join();

        List<String> sent = new ArrayList<>();
        Outage outage = new Outage();
        long start = System.nanoTime();
        for (int n = 1; System.nanoTime() - start < Duration.ofSeconds(16).toNanos(); n++) {
            String body = String.format("pg-%05d", n);
            alice.sendMessage("bob@" + server.domain(), body).join();
            sent.add(body);
            if (outage.stoppedAt == 0 && System.nanoTime() - start > Duration.ofSeconds(2).toNanos()) {
                outage.receivedBefore = received.size();
                outage.sentBefore = sent.size();
                postgres.stop();
                outage.stoppedAt = System.nanoTime();
            } else if (outage.stoppedAt != 0 && outage.startedAt == 0) {
                outage.observeDown(api, n);
                if (System.nanoTime() - outage.stoppedAt > DOWN.toNanos()) {
                    outage.receivedDuring = received.size() - outage.receivedBefore;
                    outage.sentDuring = sent.size() - outage.sentBefore;
                    postgres.start();
                    outage.startedAt = System.nanoTime();
                }
            } else if (outage.startedAt != 0) {
                outage.observeUp(api, n);
            }
            Thread.sleep(20);
        }
        NothingLostTest.awaitUntil(Duration.ofSeconds(30), () -> outage.observeUp(api, 0));
        NothingLostTest.awaitUntil(Duration.ofSeconds(30), () -> received.size() >= sent.size());
        List<String> bobsView = new ArrayList<>();
        List<String> alicesView = new ArrayList<>();
        NothingLostTest.awaitUntil(Duration.ofSeconds(30), () -> {
            bobsView.clear();
            bobsView.addAll(ArchiveView.bodies(bob, "alice@" + server.domain()));
            alicesView.clear();
            alicesView.addAll(ArchiveView.bodies(alice, "bob@" + server.domain()));
            return bobsView.size() >= sent.size() && alicesView.size() >= sent.size();
        });
        long archiveCompleteMillis = (System.nanoTime() - outage.startedAt) / 1_000_000;
        System.out.printf("PostgreSQL stopped for %d s: %d messages sent, %d delivered live while it was down (%d sent"
                        + " then); /health 503 after %d ms; after the start: /health 200 in %d ms, the token route 200"
                        + " in %d ms, both archive views complete in %d ms%n", DOWN.toSeconds(), sent.size(),
                outage.receivedDuring, outage.sentDuring, outage.healthDownMillis, outage.healthUpMillis,
                outage.routeUpMillis, archiveCompleteMillis);

        // Relative to what was sent then: on a loaded machine fewer messages go out in the 10 s (each send waits).
        assertThat(outage.sentDuring).as("messages sent while PostgreSQL was down").isPositive();
        assertThat(outage.receivedDuring).as("live delivery went on while PostgreSQL was down")
                .isGreaterThanOrEqualTo(outage.sentDuring / 2).isPositive();
        assertThat(outage.healthDownMillis).as("/health reported the outage").isBetween(0L, 5_000L);
        assertThat(outage.downAnswer).as("a route that needs the database, while it is down").isNotNull();
        assertThat(outage.downAnswer.status()).as("%s", outage.downAnswer).isEqualTo(503);
        assertThat(outage.downAnswer.text("error")).isEqualTo("database_unavailable");
        assertThat(outage.downAnswer.headers()).containsEntry("retry-after", "5");
        assertThat(outage.healthUpMillis).as("/health reported the recovery").isBetween(0L, 20_000L);
        assertThat(outage.routeUpMillis).as("the plugin's pool reconnected").isBetween(0L, 20_000L);
        assertThat(received).as("Bob's messages: each once, in order").containsExactlyElementsOf(sent);
        assertThat(bobsView).as("Bob's archive").containsExactlyElementsOf(sent);
        assertThat(alicesView).as("Alice's archive").containsExactlyElementsOf(sent);
    }

    /** What the test saw of the outage; times in ms from the stop (down) or the start (up). */
    private static final class Outage {
        long stoppedAt;
        long startedAt;
        int receivedBefore;
        int receivedDuring;
        int sentBefore;
        int sentDuring;
        long healthDownMillis = -1;
        long healthUpMillis = -1;
        long routeUpMillis = -1;
        PluginApi.Answer downAnswer;

        void observeDown(PluginApi api, int n) {
            if (healthDownMillis >= 0 || n % 10 != 0) {
                return;
            }
            try {
                PluginApi.Answer health = api.get("/health", null);
                if (health.status() == 503) {
                    healthDownMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
                    assertThat(health.body().get("database").get("reachable").asBoolean()).isFalse();
                    downAnswer = api.token("alice", PASSWORD);
                }
            } catch (IOException e) {
                throw new AssertionError("the plugin's HTTP API stopped answering", e);
            }
        }

        /** Whether both /health and the token route are back; notes when each came back. */
        boolean observeUp(PluginApi api, int n) {
            if (n % 10 != 0 || (healthUpMillis >= 0 && routeUpMillis >= 0)) {
                return healthUpMillis >= 0 && routeUpMillis >= 0;
            }
            try {
                if (healthUpMillis < 0 && api.get("/health", null).status() == 200) {
                    healthUpMillis = (System.nanoTime() - startedAt) / 1_000_000;
                }
                if (routeUpMillis < 0 && api.token("alice", PASSWORD).status() == 200) {
                    routeUpMillis = (System.nanoTime() - startedAt) / 1_000_000;
                }
            } catch (IOException e) {
                throw new AssertionError("the plugin's HTTP API stopped answering", e);
            }
            return healthUpMillis >= 0 && routeUpMillis >= 0;
        }
    }

    /** An embedded PostgreSQL that can be stopped and started again on the same data directory and port. */
    private static final class Postgres {
        private final Path directory;
        private final int port;
        private EmbeddedPostgres running;

        Postgres(Path directory, int port) throws IOException {
            this.directory = directory;
            this.port = port;
            start();
        }

        String url() {
            return running.getJdbcUrl("postgres", "postgres");
        }

        /** Starts the server process, unless it runs. */
        void start() throws IOException {
            if (running != null) {
                return;
            }
            running = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                    .setPort(port).start();
        }

        /** Stops the server process ({@code pg_ctl stop -m fast}: every connection is closed by the server). */
        void stop() throws IOException {
            if (running != null) {
                running.close();
                running = null;
            }
        }
    }
}
