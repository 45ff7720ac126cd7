package io.chatapp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.internal.media.LocalFile;
import io.chatapp.client.internal.media.UploadResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Media} through {@link ChatClient#media()}, with a local HTTP server serving the files. */
class MediaTest {

    private static final byte[] BYTES = "the quick brown fox".repeat(1000).getBytes(StandardCharsets.UTF_8);
    private static final String SHA256 = HexFormat.of().formatHex(LocalFile.newSha256().digest(BYTES));

    @TempDir
    Path directory;

    private HttpServer server;
    private String base;
    private ChatClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/media/v1/files/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, BYTES.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(BYTES);
                }
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        client = ChatClient.create(ChatClientConfig.builder("example.org").build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private MediaAttachment attachment(String sha256) {
        return new MediaAttachment(base + "/media/v1/files/AbCdEfGhIjKlMnOpQrStUv/fox.txt", "fox.txt",
                "text/plain", (long) BYTES.length, null, null, null, sha256, null);
    }

    @Test
    void aDownloadReportsProgressAndSavesTheVerifiedFile() throws Exception {
        AtomicLong last = new AtomicLong();
        Path saved = client.media().download(attachment(SHA256), directory.resolve("fox.txt"),
                (done, total) -> last.set(done)).join();
        assertThat(Files.readAllBytes(saved)).isEqualTo(BYTES);
        assertThat(last.get()).isEqualTo(BYTES.length);
    }

    @Test
    void aDownloadWhoseHashDoesNotMatchFailsAndLeavesNothing() throws IOException {
        assertThatThrownBy(() -> client.media().download(attachment("ab".repeat(32)), directory.resolve("fox.txt"),
                MediaProgressListener.NONE).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(ChatClientException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INTEGRITY));
        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void cancellingADownloadStopsItAndLeavesNothing() throws Exception {
        java.util.concurrent.CountDownLatch firstChunk = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        server.createContext("/media/v1/files/slow/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 2L * BYTES.length);
                OutputStream out = exchange.getResponseBody();
                out.write(BYTES);
                out.flush();
                cancelled.await();
                out.write(BYTES);
            } catch (InterruptedException | IOException e) {
                // the client went away
            }
        });
        Path directoryForIt = Files.createDirectory(directory.resolve("cancel"));
        MediaAttachment slow = new MediaAttachment(base + "/media/v1/files/slow/fox.txt", "fox.txt", "text/plain",
                2L * BYTES.length, null, null, null, null, null);
        var download = client.media().download(slow, directoryForIt.resolve("fox.txt"), (done, total) -> {
            if (done > 0) {
                firstChunk.countDown();
            }
        });
        firstChunk.await();
        assertThat(download.cancel(true)).isTrue();
        cancelled.countDown();

        assertThat(download).isCancelled();
        for (int i = 0; i < 200 && !isEmpty(directoryForIt); i++) {
            Thread.sleep(25); // the transfer stops at its next chunk, on the client's thread
        }
        assertThat(isEmpty(directoryForIt)).as("no file and no temporary file left").isTrue();
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.findAny().isEmpty();
        }
    }

    @Test
    void aDownloadIntoAMissingDirectoryIsRefused() {
        assertThatThrownBy(() -> client.media().download(attachment(SHA256), directory.resolve("no/such/fox.txt"),
                MediaProgressListener.NONE).join())
                .cause().isInstanceOfSatisfying(ChatClientException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT));
    }

    @Test
    void freshUrlsNeedATokenLoginAndSendingNeedsALogin() throws IOException {
        assertThatThrownBy(() -> client.media().freshUrl(attachment(SHA256)).join())
                .cause().isInstanceOfSatisfying(ChatClientException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CONNECTED));
        Path file = Files.write(directory.resolve("a.txt"), BYTES);
        assertThatThrownBy(() -> client.media().send("bob", file, MediaProgressListener.NONE).join())
                .cause().isInstanceOfSatisfying(ChatClientException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CONNECTED));
    }

    @Test
    void theAttachmentSentTakesTheServersFindingsOverTheLibrarys() throws IOException {
        Path file = Files.write(directory.resolve("pic.png"), BYTES); // named .png, but it is text
        LocalFile local = LocalFile.inspect(file);
        MediaAttachment.Thumbnail thumbnail = new MediaAttachment.Thumbnail("https://h/t", "image/jpeg", 20, 10);
        MediaAttachment sent = Media.attachment(local, "https://h/slot-get", new UploadResult("https://h/files/x",
                (long) BYTES.length, "text/plain", SHA256, null, null, thumbnail));
        assertThat(sent).isEqualTo(new MediaAttachment("https://h/files/x", "pic.png", "text/plain",
                (long) BYTES.length, null, null, null, SHA256, thumbnail));

        MediaAttachment plain = Media.attachment(local, "https://h/slot-get", null);
        assertThat(plain.url()).isEqualTo("https://h/slot-get");
        assertThat(plain.mediaType()).isEqualTo("image/png");
        assertThat(plain.sha256()).isEqualTo(SHA256);

        assertThatThrownBy(() -> Media.attachment(local, "https://h/g", new UploadResult("https://h/files/x",
                (long) BYTES.length, "text/plain", "00".repeat(32), null, null, null)))
                .isInstanceOfSatisfying(ChatClientException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INTEGRITY));
    }

    @Test
    void kindsComeFromMediaTypes() {
        assertThat(MediaAttachment.Kind.of("image/webp")).isEqualTo(MediaAttachment.Kind.IMAGE);
        assertThat(MediaAttachment.Kind.of("VIDEO/MP4")).isEqualTo(MediaAttachment.Kind.VIDEO);
        assertThat(MediaAttachment.Kind.of("audio/ogg")).isEqualTo(MediaAttachment.Kind.AUDIO);
        assertThat(MediaAttachment.Kind.of("application/pdf")).isEqualTo(MediaAttachment.Kind.FILE);
        assertThat(new MediaAttachment("https://h/x", "x", null, null, null, null, Duration.ZERO, "AB".repeat(32),
                null).mediaType()).isEqualTo(MediaAttachment.UNKNOWN_TYPE);
    }
}
