package io.chatapp.plugin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.config.HttpLimits;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow, silent and greedy clients (issue 12): what each may hold and for how long. Deadlines are short here (one or
 * two seconds) so that each test is quick; docs/security.md states the rules with their default values.
 */
class HttpApiServerSlowClientTest {

    private static final String REQUEST = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";

    private HttpApiServer server;

    private HttpApiServer start(int threads, HttpLimits limits) throws IOException {
        server = new HttpApiServer("127.0.0.1", 0, threads, limits)
                .route("GET", "/hello", exchange -> HttpResponse.json(200, Map.of("hi", true)))
                .route("POST", "/count", exchange -> {
                    try (InputStream body = exchange.getRequestBody()) {
                        return HttpResponse.json(200, Map.of("bytes", body.readAllBytes().length));
                    }
                });
        server.start();
        return server;
    }

    private static HttpLimits limits(Duration header, Duration bodyIdle, int perAddress) {
        return new HttpLimits(header, bodyIdle, Duration.ofSeconds(30), 4_096, perAddress, 1_000);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The report's attack: 50 sockets trickling header bytes, while /hello must keep answering at once. */
    @Test
    void tricklingSocketsDoNotDelayOtherClientsAndAreClosedAtTheHeaderDeadline() throws Exception {
        start(2, limits(Duration.ofSeconds(3), Duration.ofSeconds(3), 64));
        List<RawHttpClient> tricklers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                tricklers.add(new RawHttpClient(server.port(), "127.0.0.2"));
            }
            long started = System.nanoTime();
            int sent = 0;
            while (Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(2_500)) < 0) {
                for (RawHttpClient trickler : tricklers) {
                    trickler.send(REQUEST.substring(sent, sent + 1));
                }
                sent++;
                long asked = System.nanoTime();
                try (RawHttpClient client = new RawHttpClient(server.port())) {
                    assertThat(client.timeout(1_000).send(REQUEST).read().status()).isEqualTo(200);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));
                Thread.sleep(200);
            }
            for (RawHttpClient trickler : tricklers) {
                assertThat(trickler.timeout(3_000).closedByServer()).as("trickler closed at the deadline").isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        } finally {
            for (RawHttpClient trickler : tricklers) {
                trickler.close();
            }
        }
    }

    @Test
    void aSilentConnectionIsClosedAtTheHeaderDeadline() throws Exception {
        start(1, limits(Duration.ofSeconds(1), Duration.ofSeconds(5), 8));
        try (RawHttpClient silent = new RawHttpClient(server.port())) {
            long started = System.nanoTime();
            assertThat(silent.timeout(4_000).send("GET /hel").closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(800),
                    Duration.ofMillis(2_500));
        }
    }

    @Test
    void connectionsOverThePerAddressCapAreRefusedOthersAreNot() throws Exception {
        start(2, limits(Duration.ofSeconds(10), Duration.ofSeconds(10), 3));
        List<RawHttpClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(new RawHttpClient(server.port()));
            }
            try (RawHttpClient fourth = new RawHttpClient(server.port())) {
                fourth.timeout(2_000);
                RawHttpClient.Response refused = readOrNull(fourth);
                if (refused != null) {
                    assertThat(refused.status()).isEqualTo(503);
                    assertThat(refused.body()).contains("too_many_connections");
                }
                assertThat(fourth.closedByServer()).isTrue();
            }
            try (RawHttpClient other = new RawHttpClient(server.port(), "127.0.0.3")) {
                assertThat(other.send(REQUEST).read().status()).isEqualTo(200);
            }
            held.remove(0).close();
            Thread.sleep(300);
            try (RawHttpClient again = new RawHttpClient(server.port())) {
                assertThat(again.send(REQUEST).read().status()).isEqualTo(200);
            }
        } finally {
            for (RawHttpClient client : held) {
                client.close();
            }
        }
    }

    private static RawHttpClient.Response readOrNull(RawHttpClient client) {
        try {
            return client.read();
        } catch (IOException e) {
            return null; // closed (or reset) before the 503 arrived: refused all the same
        }
    }

    /** With one worker, 40 idle kept-alive connections must leave it free for the next request. */
    @Test
    void idleKeptAliveConnectionsHoldNoWorker() throws Exception {
        start(1, limits(Duration.ofSeconds(5), Duration.ofSeconds(5), 64));
        List<RawHttpClient> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                RawHttpClient client = new RawHttpClient(server.port());
                assertThat(client.send(REQUEST).read().status()).isEqualTo(200);
                idle.add(client);
            }
            long asked = System.nanoTime();
            try (RawHttpClient client = new RawHttpClient(server.port(), "127.0.0.2")) {
                assertThat(client.send(REQUEST).read().status()).isEqualTo(200);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));
            assertThat(idle.get(0).send(REQUEST).read().status()).as("kept alive").isEqualTo(200);
        } finally {
            for (RawHttpClient client : idle) {
                client.close();
            }
        }
    }

    @Test
    void aChunkedBodyThatNeverEndsIsCutOffAtTheIdleDeadline() throws Exception {
        start(1, limits(Duration.ofSeconds(5), Duration.ofSeconds(1), 8));
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            long started = System.nanoTime();
            client.send("POST /count HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
            assertThat(client.timeout(4_000).closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        }
        try (RawHttpClient next = new RawHttpClient(server.port())) {
            assertThat(next.send(REQUEST).read().status()).as("the one worker is free again").isEqualTo(200);
        }
    }

    /** A byte every 400 ms, 3.2 s in all against a 1 s idle deadline: slow but steady goes through. */
    @Test
    void aSlowButSteadyBodyCompletes() throws Exception {
        start(1, limits(Duration.ofSeconds(5), Duration.ofSeconds(1), 8));
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            client.send("POST /count HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\n\r\n");
            for (int i = 0; i < 8; i++) {
                Thread.sleep(400);
                client.send("x");
            }
            RawHttpClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"bytes\":8}");
        }
    }

    /** Many connections at once from many clients: the selector hands each complete head to a worker. */
    @Test
    void manyParallelClientsAreAllServed() throws Exception {
        start(4, limits(Duration.ofSeconds(5), Duration.ofSeconds(5), 64));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                statuses.add(pool.submit(() -> {
                    try (RawHttpClient client = new RawHttpClient(server.port())) {
                        return client.send(REQUEST).read().status();
                    }
                }));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
