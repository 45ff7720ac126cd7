package io.chatapp.client.internal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.MediaProgressListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads, downloads and fresh URLs against a real local HTTP server (the JDK's) playing the media server. */
class MediaHttpTest {

    private static final String FILE_ID = "AbCdEfGhIjKlMnOpQrStUv";

    @TempDir
    Path directory;

    private HttpServer server;
    private String base;
    private final MediaHttp http = new MediaHttp(Duration.ofSeconds(10), null);
    private final Map<String, Object> seen = new ConcurrentHashMap<>();
    private final byte[] content = new byte[300_000];

    @BeforeEach
    void startServer() throws IOException {
        new Random(7).nextBytes(content);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void route(String path, int status, String contentType, byte[] body) {
        server.createContext(path, exchange -> answer(exchange, status, contentType, body));
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private LocalFile localFile() throws IOException {
        Path file = Files.write(directory.resolve("upload.bin"), content);
        return LocalFile.inspect(file);
    }

    private String sha256() {
        return HexFormat.of().formatHex(LocalFile.newSha256().digest(content));
    }

    @Test
    void anUploadPutsTheExactBytesWithTheDeclaredTypeAndLengthAndReadsTheAnswer() throws IOException {
        LocalFile file = localFile();
        server.createContext("/media/v1/upload/", exchange -> {
            seen.put("method", exchange.getRequestMethod());
            seen.put("type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            seen.put("length", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Length")));
            seen.put("auth", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            seen.put("other", String.valueOf(exchange.getRequestHeaders().getFirst("X-Evil")));
            byte[] received = exchange.getRequestBody().readAllBytes();
            seen.put("body", received);
            String json = "{\"url\":\"" + base + "/media/v1/files/" + FILE_ID + "/upload.bin?k=1&s=x\",\"size\":"
                    + received.length + ",\"mediaType\":\"image/png\",\"sha256\":\"" + sha256().toUpperCase()
                    + "\",\"width\":800,\"height\":600,\"thumbnail\":{\"url\":\"" + base + "/t\",\"mediaType\":"
                    + "\"image/jpeg\",\"width\":200,\"height\":150}}";
            answer(exchange, 201, "application/json", json.getBytes(StandardCharsets.UTF_8));
        });
        List<long[]> progress = new ArrayList<>();
        UploadResult result = http.upload(base + "/media/v1/upload/slot1?sig=abc",
                Map.of("Authorization", "Basic x", "X-Evil", "1"), file,
                (done, total) -> progress.add(new long[] {done, total}));

        assertThat(seen.get("method")).isEqualTo("PUT");
        assertThat(seen.get("type")).isEqualTo(MediaTypes.UNKNOWN);
        assertThat(seen.get("length")).isEqualTo(String.valueOf(content.length));
        assertThat((byte[]) seen.get("body")).isEqualTo(content);
        assertThat(seen.get("auth")).as("XEP-0363 lets the slot give Authorization").isEqualTo("Basic x");
        assertThat(seen.get("other")).as("and no other header").isEqualTo("null");
        assertThat(progress.get(0)).containsExactly(0, content.length);
        assertThat(progress.get(progress.size() - 1)).containsExactly(content.length, content.length);
        assertThat(progress).hasSizeGreaterThan(2);

        assertThat(result.url()).startsWith(base + "/media/v1/files/" + FILE_ID);
        assertThat(result.size()).isEqualTo((long) content.length);
        assertThat(result.mediaType()).isEqualTo("image/png");
        assertThat(result.sha256()).isEqualTo(sha256());
        assertThat(result.width()).isEqualTo(800);
        assertThat(result.thumbnail().url()).isEqualTo(base + "/t");
        assertThat(result.thumbnail().height()).isEqualTo(150);
    }

    @Test
    void aServerWithoutTheJsonAnswerGivesNoResult() throws IOException {
        route("/put", 201, null, new byte[0]);
        assertThat(http.upload(base + "/put", Map.of(), localFile(), MediaProgressListener.NONE)).isNull();
    }

    @Test
    void refusedUploadsHaveTheirReasons() throws IOException {
        LocalFile file = localFile();
        route("/413", 413, "application/json", json("too_large", "Images may have 16 MB at most"));
        route("/415", 415, "application/json", json("type_mismatch", "The content is text/html"));
        route("/quota", 409, "application/json", json("quota_exceeded", "Quota of 1 GB used up"));
        route("/403", 403, "application/json", json("forbidden", "Signature expired"));
        route("/full", 507, "application/json", json("insufficient_storage", "The server has no room for this file"));
        route("/failing", 503, "application/json", json("storage_unavailable", "The server could not store it"));
        route("/webdav-quota", 507, "text/plain", new byte[0]);
        assertThatThrownBy(() -> http.upload(base + "/413", Map.of(), file, MediaProgressListener.NONE))
                .isInstanceOfSatisfying(ChatClientException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FILE_TOO_LARGE);
                    assertThat(e.getMessage()).contains("16 MB");
                });
        assertThat(reason(() -> http.upload(base + "/415", Map.of(), file, MediaProgressListener.NONE)))
                .isEqualTo(Reason.MEDIA_TYPE_REFUSED);
        assertThat(reason(() -> http.upload(base + "/quota", Map.of(), file, MediaProgressListener.NONE)))
                .isEqualTo(Reason.QUOTA_EXCEEDED);
        assertThat(reason(() -> http.upload(base + "/403", Map.of(), file, MediaProgressListener.NONE)))
                .isEqualTo(Reason.NOT_ALLOWED);
        // The server's disk, not the user's quota: a full store once read as QUOTA_EXCEEDED.
        assertThatThrownBy(() -> http.upload(base + "/full", Map.of(), file, MediaProgressListener.NONE))
                .isInstanceOfSatisfying(ChatClientException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SERVER_BUSY);
                    assertThat(e.getMessage()).contains("no room").doesNotContain("quota");
                });
        assertThat(reason(() -> http.upload(base + "/failing", Map.of(), file, MediaProgressListener.NONE)))
                .isEqualTo(Reason.SERVER_BUSY);
        assertThat(reason(() -> http.upload(base + "/webdav-quota", Map.of(), file, MediaProgressListener.NONE)))
                .as("another server's bare 507").isEqualTo(Reason.QUOTA_EXCEEDED);
        assertThat(reason(() -> http.upload("http://127.0.0.1:1/x", Map.of(), file, MediaProgressListener.NONE)))
                .isEqualTo(Reason.NETWORK);
        assertThat(reason(() -> http.upload("file:///etc/passwd", Map.of(), file, MediaProgressListener.NONE)))
                .isEqualTo(Reason.INVALID_INPUT);
    }

    @Test
    void aDownloadIsVerifiedThenMovedIntoPlace() throws IOException {
        route("/files/a", 200, "application/octet-stream", content);
        Path target = directory.resolve("saved.bin");
        List<long[]> progress = new ArrayList<>();
        Path saved = http.download(base + "/files/a", target, (long) content.length, sha256(),
                (done, total) -> progress.add(new long[] {done, total}));
        assertThat(saved).isEqualTo(target);
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(progress.get(progress.size() - 1)).containsExactly(content.length, content.length);
        assertThat(files()).containsExactly(target);
    }

    @Test
    void aDownloadWithoutKnownHashOrSizeTakesWhatComes() throws IOException {
        route("/files/a", 200, "application/octet-stream", content);
        Path target = directory.resolve("any.bin");
        List<Long> totals = new ArrayList<>();
        http.download(base + "/files/a", target, null, null, (done, total) -> totals.add(total));
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(totals).contains((long) content.length); // from Content-Length
    }

    @Test
    void aWrongHashOrSizeLeavesNothingBehind() {
        route("/files/a", 200, "application/octet-stream", content);
        Path target = directory.resolve("bad.bin");
        String wrong = "00".repeat(32);
        assertThatThrownBy(() -> http.download(base + "/files/a", target, (long) content.length, wrong,
                MediaProgressListener.NONE))
                .isInstanceOfSatisfying(ChatClientException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INTEGRITY);
                    assertThat(e.getMessage()).contains("SHA-256");
                });
        assertThat(reason(() -> http.download(base + "/files/a", target, 1000L, null, MediaProgressListener.NONE)))
                .as("more than announced").isEqualTo(Reason.INTEGRITY);
        assertThat(reason(() -> http.download(base + "/files/a", target, content.length + 1L, null,
                MediaProgressListener.NONE))).as("less than announced").isEqualTo(Reason.INTEGRITY);
        assertThat(files()).isEmpty();
    }

    @Test
    void refusedDownloadsHaveTheirReasonsAndAnExistingFileIsNeverReplaced() throws IOException {
        route("/gone", 404, "application/json", json("not_found", "No such file"));
        route("/forbidden", 403, "application/json", json("forbidden", "Bad signature"));
        route("/files/a", 200, "application/octet-stream", content);
        Path target = directory.resolve("x.bin");
        assertThat(reason(() -> http.download(base + "/gone", target, null, null, MediaProgressListener.NONE)))
                .isEqualTo(Reason.NOT_FOUND);
        assertThat(reason(() -> http.download(base + "/forbidden", target, null, null, MediaProgressListener.NONE)))
                .isEqualTo(Reason.NOT_ALLOWED);
        assertThat(files()).isEmpty();
        Files.writeString(target, "mine");
        assertThat(reason(() -> http.download(base + "/files/a", target, null, null, MediaProgressListener.NONE)))
                .isEqualTo(Reason.INVALID_INPUT);
        assertThat(Files.readString(target)).isEqualTo("mine");
    }

    @Test
    void aFileThatCannotBeWrittenLocallyIsNotANetworkError() throws IOException {
        route("/files/a", 200, "application/octet-stream", content);
        Path notADirectory = Files.writeString(directory.resolve("plain-file"), "x");
        assertThatThrownBy(() -> http.download(base + "/files/a", notADirectory.resolve("x.bin"), null, null,
                MediaProgressListener.NONE))
                .isInstanceOfSatisfying(ChatClientException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT);
                    assertThat(e.getMessage()).startsWith("Cannot save ");
                });
    }

    @Test
    void freshUrlsComeFromTheTokenApiWithTheBearerToken() {
        server.createContext("/api/v1/media/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!"POST".equals(exchange.getRequestMethod()) || !"Bearer tok".equals(auth)) {
                answer(exchange, 401, "application/json", json("unauthorized", "Bad token"));
            } else if (path.equals("/api/v1/media/" + FILE_ID + "/url")) {
                answer(exchange, 200, "application/json",
                        "{\"url\":\"https://x/fresh\",\"expiresAt\":null}".getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/api/v1/media/forbidden")) {
                answer(exchange, 403, "application/json", json("forbidden", "Not a participant"));
            } else {
                answer(exchange, 404, "application/json", json("not_found", "No such file"));
            }
        });
        URI api = URI.create(base + "/");
        assertThat(http.freshUrl(api, FILE_ID, "tok")).isEqualTo("https://x/fresh");
        assertThat(reason(() -> http.freshUrl(api, "forbiddenFile00000", "tok"))).isEqualTo(Reason.NOT_ALLOWED);
        assertThat(reason(() -> http.freshUrl(api, "unknownFile0000000", "tok"))).isEqualTo(Reason.NOT_FOUND);
        assertThat(reason(() -> http.freshUrl(api, FILE_ID, "other"))).isEqualTo(Reason.NOT_AUTHORIZED);
    }

    @Test
    void theBearerTokenNeverFollowsARedirect() {
        server.createContext("/api/v1/media/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Location", base + "/elsewhere/url");
                exchange.sendResponseHeaders(307, -1);
            }
        });
        server.createContext("/elsewhere/", exchange -> {
            seen.put("elsewhere", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            answer(exchange, 200, "application/json",
                    "{\"url\":\"https://x/stolen\"}".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(reason(() -> http.freshUrl(URI.create(base + "/"), FILE_ID, "tok")))
                .isEqualTo(Reason.SERVER_ERROR);
        assertThat(seen).as("nothing was sent to the redirect's target").doesNotContainKey("elsewhere");
    }

    @Test
    void theFileIdIsReadFromOurDownloadUrlsOnly() {
        assertThat(MediaHttp.fileId("https://h:9090/media/v1/files/" + FILE_ID + "/a%20b.png?k=1&s=2"))
                .isEqualTo(FILE_ID);
        assertThat(MediaHttp.fileId("https://upload.example.com/abc/photo.jpg")).isNull();
        assertThat(MediaHttp.fileId("https://h/media/v1/files/short/a.png")).isNull();
        assertThat(MediaHttp.fileId("https://h/media/v1/files/../../etc/passwd")).isNull();
        assertThat(MediaHttp.fileId("not a url")).isNull();
    }

    private List<Path> files() {
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> !p.getFileName().toString().equals("upload.bin")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] json(String error, String message) {
        return ("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static Reason reason(Runnable request) {
        try {
            request.run();
        } catch (ChatClientException e) {
            return e.reason();
        }
        throw new AssertionError("no failure");
    }
}
