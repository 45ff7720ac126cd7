package io.chatapp.plugin.http;

import static io.chatapp.plugin.testing.Http.assertRefusesConnections;
import static io.chatapp.plugin.testing.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.testing.Threads;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Start and stop of {@link HttpApiServer}: each test runs its own server and leaves nothing behind. */
class HttpApiServerLifecycleTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String THREAD_PREFIX = "chatapp-http-";

    @Test
    void closeStopsListeningAndEndsWorkerThreads() throws Exception {
        HttpApiServer server = new HttpApiServer("127.0.0.1", 0, 3)
                .route("GET", "/x", exchange -> HttpResponse.json(200, Map.of("ok", true)));
        server.start();
        int port = server.port();
        for (int i = 0; i < 5; i++) {
            assertThat(get(port, "/x").statusCode()).isEqualTo(200);
        }
        assertThat(Threads.alive(THREAD_PREFIX)).isNotEmpty();

        server.close();

        assertRefusesConnections(port);
        assertThat(Threads.awaitGone(THREAD_PREFIX, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void theSamePortCanBeBoundAgainAfterClose() throws Exception {
        HttpApiServer first = new HttpApiServer("127.0.0.1", 0, 1)
                .route("GET", "/n", exchange -> HttpResponse.json(200, Map.of("n", 1)));
        first.start();
        int port = first.port();
        assertThat(get(port, "/n").body()).isEqualTo("{\"n\":1}");
        first.close();

        try (HttpApiServer second = new HttpApiServer("127.0.0.1", port, 1)) {
            second.route("GET", "/n", exchange -> HttpResponse.json(200, Map.of("n", 2)));
            second.start();
            assertThat(get(port, "/n").body()).isEqualTo("{\"n\":2}");
        }
        assertThat(Threads.awaitGone(THREAD_PREFIX, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void closeLetsARequestInFlightFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        HttpApiServer server = new HttpApiServer("127.0.0.1", 0, 1)
                .route("GET", "/slow", exchange -> {
                    entered.countDown();
                    Thread.sleep(300);
                    return HttpResponse.json(200, Map.of("done", true));
                });
        server.start();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slow"))
                .timeout(Duration.ofSeconds(10)).build();
        CompletableFuture<java.net.http.HttpResponse<String>> response =
                client.sendAsync(request, BodyHandlers.ofString());
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        server.close();

        assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(response.get().body()).isEqualTo("{\"done\":true}");
        assertThat(Threads.awaitGone(THREAD_PREFIX, Duration.ofSeconds(5))).isEmpty();
    }

    /**
     * With its one worker busy and its queue (64 per worker) full, the server must turn away one more request at
     * once instead of letting it wait, finish the queued ones when the worker frees up, and then serve as usual.
     */
    @Test
    void fullQueueAnswers503AndRecovers() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpApiServer server = new HttpApiServer("127.0.0.1", 0, 1)
                .route("GET", "/block", exchange -> {
                    entered.countDown();
                    release.await(20, TimeUnit.SECONDS);
                    return HttpResponse.json(200, Map.of());
                })
                .route("GET", "/fast", exchange -> HttpResponse.json(200, Map.of("fast", true)));
        server.start();
        List<Socket> accepted = new ArrayList<>();
        try {
            accepted.add(rawGet(server.port(), "/block"));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 64; i++) {
                accepted.add(rawGet(server.port(), "/block"));
            }

            String overflow = answerTo(rawGet(server.port(), "/block"), 3_000);
            assertThat(overflow).as("answer to the request that did not fit the queue").startsWith("HTTP/1.1 503");

            release.countDown();
            for (Socket socket : accepted) {
                assertThat(answerTo(socket, 10_000)).startsWith("HTTP/1.1 200");
            }
            assertThat(get(server.port(), "/fast").statusCode()).isEqualTo(200);
        } finally {
            release.countDown();
            for (Socket socket : accepted) {
                socket.close();
            }
            server.close();
        }
    }

    /** What the class's Javadoc promises: "a full queue answers 503 instead of piling up work". */
    @Test
    void aClientThatNeverFinishesItsRequestDoesNotHoldUpOthers() throws Exception {
        HttpApiServer server = new HttpApiServer("127.0.0.1", 0, 2)
                .route("GET", "/fast", exchange -> HttpResponse.json(200, Map.of("fast", true)));
        server.start();
        try (Socket slow = new Socket("127.0.0.1", server.port())) {
            slow.getOutputStream().write("GET /fast HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            long started = System.nanoTime();
            assertThat(get(server.port(), "/fast").statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            server.close();
        }
    }

    /** Reads the whole answer on the socket and closes it; "(closed)", "(reset)" or "(no answer)" otherwise. */
    private static String answerTo(Socket socket, int timeoutMillis) throws IOException {
        try (socket) {
            socket.setSoTimeout(timeoutMillis);
            byte[] bytes = socket.getInputStream().readAllBytes();
            return bytes.length == 0 ? "(closed)" : new String(bytes, StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            return "(no answer)";
        } catch (SocketException e) {
            return "(reset)";
        }
    }

    private static Socket rawGet(int port, String path) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

}
