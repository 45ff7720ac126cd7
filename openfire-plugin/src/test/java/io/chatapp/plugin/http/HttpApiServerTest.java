package io.chatapp.plugin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.testing.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpApiServerTest {

    private static final String THREAD_PREFIX = "chatapp-http-";

    private static HttpApiServer server;
    private static HttpClient client;
    private static final AtomicInteger postCount = new AtomicInteger();

    @BeforeAll
    static void startServer() throws IOException {
        server = new HttpApiServer("127.0.0.1", 0, 4)
                .route("GET", "/hello", exchange -> HttpResponse.json(200, Map.of("greeting", "hi \"there\"")))
                .route("GET", "/things", exchange -> HttpResponse.json(200, List.of(1, 2, 3)))
                .route("POST", "/things", exchange -> {
                    postCount.incrementAndGet();
                    return HttpResponse.json(201, Map.of("created", true));
                })
                .route("GET", "/boom", exchange -> {
                    throw new IllegalStateException("secret internal detail");
                })
                .route("GET", "/custom", exchange -> HttpResponse.json(202, Map.of())
                        .withHeader("Cache-Control", "max-age=5")
                        .withHeader("X-Custom", "yes"))
                .route("HEAD", "/ping", exchange -> HttpResponse.json(200, Map.of("pong", true)))
                .route("GET", "/path", exchange -> HttpResponse.json(200,
                        Map.of("path", exchange.getRequestURI().getPath())));
        server.start();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static java.net.http.HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void listensOnTheChosenFreePort() {
        assertThat(server.port()).isBetween(1, 65535);
    }

    @Test
    void registeredGetRouteAnswersWithJson() throws Exception {
        java.net.http.HttpResponse<String> response = send("GET", "/hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"greeting\":\"hi \\\"there\\\"\"}");
        assertThat(JsonReader.readObject(response.body())).containsEntry("greeting", "hi \"there\"");
    }

    @Test
    void everyResponseForbidsCachingAndSniffing() throws Exception {
        java.net.http.HttpResponse<String> response = send("GET", "/things");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[1,2,3]");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void routesAreChosenByMethod() throws Exception {
        int before = postCount.get();

        java.net.http.HttpResponse<String> response = send("POST", "/things");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"created\":true}");
        assertThat(postCount.get()).isEqualTo(before + 1);
    }

    @Test
    void routeStatusAndHeadersAreSent() throws Exception {
        java.net.http.HttpResponse<String> response = send("GET", "/custom");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("X-Custom")).hasValue("yes");
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("max-age=5");
        assertThat(response.body()).isEqualTo("{}");
    }

    @Test
    void queryStringDoesNotChangeTheRoute() throws Exception {
        java.net.http.HttpResponse<String> response = send("GET", "/hello?x=1&y=2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonReader.readObject(response.body())).containsEntry("greeting", "hi \"there\"");
    }

    @Test
    void unknownPathIsNotFoundAsJson() throws Exception {
        java.net.http.HttpResponse<String> response = send("GET", "/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> body = JsonReader.readObject(response.body());
        assertThat(body).containsEntry("error", "not_found");
        assertThat(body.get("message")).asString().contains("/nope");
    }

    @Test
    void pathsMatchExactly() throws Exception {
        assertThat(send("GET", "/hello/").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/hello/more").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/HELLO").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/").statusCode()).isEqualTo(404);
    }

    @Test
    void wrongMethodIsNotAllowedAndListsTheAllowedOnes() throws Exception {
        java.net.http.HttpResponse<String> response = send("DELETE", "/things");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
        Map<String, Object> body = JsonReader.readObject(response.body());
        assertThat(body).containsEntry("error", "method_not_allowed");
        assertThat(body.get("message")).asString().contains("DELETE");
    }

    @Test
    void postToAGetOnlyRouteIsNotAllowed() throws Exception {
        java.net.http.HttpResponse<String> response = send("POST", "/hello");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void failingRouteAnswers500WithoutLeakingDetails() throws Exception {
        java.net.http.HttpResponse<String> response = send("GET", "/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> body = JsonReader.readObject(response.body());
        assertThat(body).containsEntry("error", "internal_error");
        assertThat(response.body())
                .doesNotContain("secret internal detail")
                .doesNotContain("IllegalStateException")
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("io.chatapp");
    }

    @Test
    void serverKeepsServingAfterARouteFailed() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(send("GET", "/boom").statusCode()).isEqualTo(500);
        }
        assertThat(send("GET", "/hello").statusCode()).isEqualTo(200);
    }

    @Test
    void headAnswersWithHeadersButNoBody() throws Exception {
        java.net.http.HttpResponse<String> response = send("HEAD", "/ping");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void headSendsNoBodyBytesOnTheWire() throws IOException {
        String raw = rawRequest("HEAD /ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 200");
        int endOfHeaders = raw.indexOf("\r\n\r\n");
        assertThat(endOfHeaders).isPositive();
        assertThat(raw.substring(endOfHeaders + 4)).isEmpty();
    }

    @Test
    void headOnAnUnknownPathSendsNoBodyEither() throws IOException {
        String raw = rawRequest("HEAD /nope HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 404");
        assertThat(raw.substring(raw.indexOf("\r\n\r\n") + 4)).isEmpty();
    }

    @Test
    void pathsInMessagesAreEscapedJson() throws Exception {
        java.net.http.HttpResponse<String> response = send("GET", "/a%22b%5Cc");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JsonReader.readObject(response.body()).get("message")).asString().contains("/a\"b\\c");
    }

    @Test
    void servesConcurrentRequests() throws Exception {
        List<CompletableFuture<java.net.http.HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri("/hello")).timeout(Duration.ofSeconds(10)).build();
            responses.add(client.sendAsync(request, BodyHandlers.ofString()));
        }
        for (CompletableFuture<java.net.http.HttpResponse<String>> response : responses) {
            assertThat(response.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void workerThreadsAreNamedForTheServer() throws Exception {
        String[] handledOn = new String[1];
        try (HttpApiServer named = new HttpApiServer("127.0.0.1", 0, 1)) {
            named.route("GET", "/who", exchange -> {
                handledOn[0] = Thread.currentThread().getName();
                return HttpResponse.json(200, Map.of());
            });
            named.start();
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + named.port() + "/who")).timeout(Duration.ofSeconds(10)).build();
            assertThat(client.send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        assertThat(handledOn[0]).startsWith(THREAD_PREFIX);
    }

    @Test
    void bindingAPortInUseFails() throws Exception {
        assertThatThrownBy(() -> new HttpApiServer("127.0.0.1", server.port(), 1))
                .isInstanceOf(IOException.class);
        assertThat(send("GET", "/hello").statusCode()).isEqualTo(200);
    }

    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
