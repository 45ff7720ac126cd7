package io.chatapp.plugin.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.ChatAppServer;
import io.chatapp.plugin.openfire.ChatAppPlugin;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.InMemoryAccounts;
import io.chatapp.plugin.testing.JsonReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /health} when PostgreSQL goes away under a running plugin. Each test stops its database, so each
 * starts its own.
 */
class HealthRouteTest {

    private final HttpClient client = HttpClient.newHttpClient();

    /**
     * Stops PostgreSQL under a running plugin, waits, asks /health and returns its answer (and in took[0] how long
     * it took).
     */
    private HttpResponse<String> healthAfterPostgresStops(Duration pause, Duration[] took) throws Exception {
        EmbeddedDatabase postgres = EmbeddedDatabase.start();
        try (ChatAppServer server = ChatAppServer.start(postgres.settings("chatapp"), "node-1",
                new InMemoryAccounts(), ChatAppPlugin.domainFeatures())) {
            URI health = URI.create("http://127.0.0.1:" + server.httpPort() + "/health");
            HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(30)).build();
            assertThat(client.send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            postgres.close();
            postgres = null;
            Thread.sleep(pause.toMillis());

            long started = System.nanoTime();
            HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
            took[0] = Duration.ofNanos(System.nanoTime() - started);
            return response;
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void healthIsDegradedWhenPostgresStops() throws Exception {
        Duration[] took = new Duration[1];

        // At once: Hikari hands out the connection just used without checking it, and its isValid(2) fails fast
        // (usually within milliseconds; the bound is loose because of the slow path described below).
        HttpResponse<String> response = healthAfterPostgresStops(Duration.ZERO, took);

        assertThat(response.statusCode()).isEqualTo(503);
        Map<String, Object> body = JsonReader.readObject(response.body());
        assertThat(body).containsEntry("status", "degraded");
        assertThat(body.get("database")).isInstanceOfSatisfying(Map.class,
                database -> assertThat(database.get("reachable")).isEqualTo(false));
        assertThat(took[0]).isLessThan(Duration.ofSeconds(20));
    }

    /** docs/http-api.md: "whether a pooled connection answered a validity check within 2 s". */
    @Test
    void healthAnswersWithinAboutTwoSecondsWhenPostgresStops() throws Exception {
        Duration[] took = new Duration[1];

        // As a monitor polls: later than Hikari's 0.5 s window in which a just-used connection is handed out
        // again unchecked. Then getConnection() checks it, drops it, and waits for a new one.
        HttpResponse<String> response = healthAfterPostgresStops(Duration.ofSeconds(1), took);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(took[0]).isLessThan(Duration.ofSeconds(3));
    }
}
