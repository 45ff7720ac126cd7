package io.chatapp.plugin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Responses that are not JSON: bodies streamed by the route (media downloads) and no body at all. */
class HttpApiServerStreamingTest {

    private static final int SIZE = 3 * 1024 * 1024;
    private static HttpApiServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** SIZE bytes counting up, written in small pieces: never one array of the whole body. */
    private static final StreamedBody COUNTING = new StreamedBody() {
        @Override
        public long length() {
            return SIZE;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            byte[] chunk = new byte[4096];
            for (int written = 0; written < SIZE; written += chunk.length) {
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = (byte) (written + i);
                }
                out.write(chunk);
            }
        }
    };

    @BeforeAll
    static void startServer() throws IOException {
        server = new HttpApiServer("127.0.0.1", 0, 2)
                .route("GET", "/blob", exchange -> HttpResponse.stream(200, "application/octet-stream", COUNTING)
                        .withHeader("Cache-Control", "private, max-age=60"))
                .route("HEAD", "/blob", exchange -> HttpResponse.stream(200, "application/octet-stream", COUNTING))
                .route("GET", "/nothing", exchange -> HttpResponse.empty(304).withHeader("ETag", "\"x\""));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpRequest request(String method, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build();
    }

    @Test
    void aStreamedBodyArrivesWholeWithItsLengthTypeAndTheRoutesHeaders() throws Exception {
        var response = CLIENT.send(request("GET", "/blob"), BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(response.headers().firstValue("Content-Length")).contains(Integer.toString(SIZE));
        assertThat(response.headers().firstValue("Cache-Control")).contains("private, max-age=60");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        byte[] body = response.body();
        assertThat(body).hasSize(SIZE);
        for (int i = 0; i < SIZE; i += 99_991) {
            assertThat(body[i]).isEqualTo((byte) i);
        }
    }

    @Test
    void headSaysTheLengthWithoutABody() throws Exception {
        var response = CLIENT.send(request("HEAD", "/blob"), BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).contains(Integer.toString(SIZE));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void anEmptyResponseHasNoBody() throws Exception {
        var response = CLIENT.send(request("GET", "/nothing"), BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.headers().firstValue("ETag")).contains("\"x\"");
        assertThat(response.body()).isEmpty();
    }
}
