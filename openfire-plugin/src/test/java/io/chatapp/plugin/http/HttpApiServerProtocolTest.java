package io.chatapp.plugin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatapp.plugin.testing.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 as clients speak it, on raw sockets: keep-alive, HEAD, chunks, 100-continue, and malformed requests. */
class HttpApiServerProtocolTest {

    private static final JsonRequests JSON = new JsonRequests(1_024);
    private static final long LARGE = 64L * 1024 * 1024;
    private static HttpApiServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = new HttpApiServer("127.0.0.1", 0, 2)
                .route("GET", "/hello", exchange -> HttpResponse.json(200, Map.of("hi", true)))
                .route("HEAD", "/hello", exchange -> HttpResponse.json(200, Map.of("hi", true)))
                .route("POST", "/json", exchange -> {
                    JsonNode body = JSON.object(exchange);
                    return HttpResponse.json(200, Map.of("name", JsonRequests.requiredText(body, "name")));
                })
                .route("POST", "/refuse", exchange -> HttpResponse.error(403, "forbidden", "No."))
                .route("POST", "/count", exchange -> {
                    try (InputStream body = exchange.getRequestBody()) {
                        return HttpResponse.json(200, Map.of("bytes", body.readAllBytes().length));
                    }
                })
                .route("GET", "/large", exchange -> HttpResponse.stream(200, "application/octet-stream",
                        new StreamedBody() {
                            @Override
                            public long length() {
                                return LARGE;
                            }

                            @Override
                            public void writeTo(OutputStream out) throws IOException {
                                byte[] chunk = new byte[65_536];
                                for (long sent = 0; sent < LARGE; sent += chunk.length) {
                                    out.write(chunk);
                                }
                            }
                        }));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static RawHttpClient connect() throws IOException {
        return new RawHttpClient(server.port());
    }

    @Test
    void twoRequestsShareOneKeptAliveConnection() throws IOException {
        try (RawHttpClient client = connect()) {
            for (int i = 0; i < 2; i++) {
                RawHttpClient.Response response = client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("{\"hi\":true}");
                assertThat(response.headers()).doesNotContainKey("connection");
            }
        }
    }

    @Test
    void headAnswersWithoutABodyAndKeepsTheConnection() throws IOException {
        try (RawHttpClient client = connect()) {
            RawHttpClient.Response head = client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n").read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.headers().get("content-type")).startsWith("application/json");
            RawHttpClient.Response get = client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(get.body()).isEqualTo("{\"hi\":true}");
        }
    }

    @Test
    void aChunkedRequestBodyIsReadWhole() throws IOException {
        try (RawHttpClient client = connect()) {
            RawHttpClient.Response response = client.send("POST /count HTTP/1.1\r\nHost: x\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: y\r\n\r\n")
                    .read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"bytes\":11}");
            assertThat(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void aClientExpectingContinueGetsItBeforeSendingTheBody() throws IOException {
        try (RawHttpClient client = connect()) {
            client.send("POST /count HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(100);
            RawHttpClient.Response response = client.send("abcd").read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"bytes\":4}");
        }
    }

    @Test
    void http10IsAnsweredAndClosed() throws IOException {
        try (RawHttpClient client = connect()) {
            RawHttpClient.Response response = client.send("GET /hello HTTP/1.0\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"hi\":true}");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void aBackslashInThePathGetsTheJsonBadRequest() throws IOException {
        assertJsonBadRequest("GET /a\\b HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    @Test
    void anInvalidPercentEscapeGetsTheJsonBadRequest() throws IOException {
        assertJsonBadRequest("GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    private static void assertJsonBadRequest(String request) throws IOException {
        try (RawHttpClient client = connect()) {
            RawHttpClient.Response response = client.send(request).read();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.headers().get("content-type")).startsWith("application/json");
            assertThat(JsonReader.readObject(response.body())).containsEntry("error", "bad_request");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("<");
        }
    }

    @Test
    void aHeadLargerThanTheLimitGets431() throws IOException {
        try (RawHttpClient client = connect()) {
            RawHttpClient.Response response = client.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: "
                    + "a".repeat(20_000) + "\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(431);
            assertThat(JsonReader.readObject(response.body())).containsEntry("error", "request_header_too_large");
        }
    }

    @Test
    void onlyExactlyApplicationJsonIsAcceptedAsJson() throws IOException {
        assertThat(postJson("application/jsonx").status()).isEqualTo(415);
        assertThat(postJson("application/json-patch+json").status()).isEqualTo(415);
        assertThat(postJson("text/plain").status()).isEqualTo(415);
        assertThat(postJson("application/json").status()).isEqualTo(200);
        assertThat(postJson("Application/JSON; charset=utf-8").status()).isEqualTo(200);
    }

    private static RawHttpClient.Response postJson(String type) throws IOException {
        String body = "{\"name\":\"x\"}";
        try (RawHttpClient client = connect()) {
            return client.send("POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: " + type + "\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body).read();
        }
    }

    /** The report's case: 100 MB declared, 2 bytes sent. The answer must not wait for the rest. */
    @Test
    void aDeclaredLengthOverTheJsonLimitIsRefusedBeforeReading() throws IOException {
        try (RawHttpClient client = connect()) {
            long started = System.nanoTime();
            RawHttpClient.Response response = client.timeout(3_000).send("POST /json HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{}").read();
            assertThat(response.status()).isEqualTo(413);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(response.headers()).containsEntry("connection", "close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    /**
     * A route that answers without reading the body (a 401 or 403 before the JSON is looked at): the client, still
     * sending its body, must read the whole answer, not a reset connection.
     */
    @Test
    void anAnswerBeforeTheBodyIsReadArrivesWhole() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (RawHttpClient client = connect()) {
                client.send("POST /refuse HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 20\r\n\r\n");
                Thread.sleep(i % 3 * 10);
                client.send("{\"a\":\"0123456789ab\"}");
                RawHttpClient.Response response = client.read();
                assertThat(response.status()).isEqualTo(403);
                assertThat(JsonReader.readObject(response.body())).containsEntry("error", "forbidden");
            }
        }
    }

    /** A download the client abandons is the client's business: nothing at WARN, no stack trace. */
    @Test
    void aClientLeavingMidResponseIsNoWarning() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            try (RawHttpClient client = connect()) {
                client.send("GET /large HTTP/1.1\r\nHost: x\r\n\r\n");
            }
            // The server notices on a later write; then the exchange ends and a new request is served.
            Thread.sleep(1_000);
            try (RawHttpClient client = connect()) {
                assertThat(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("WARN").doesNotContain("\tat ");
    }
}
