package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jivesoftware.smackx.httpfileupload.HttpFileUploadManager;
import org.jivesoftware.smackx.httpfileupload.UploadService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media sharing end to end (issue 6) on a real server: XEP-0363 slots over raw XMPP and through Smack's
 * {@link HttpFileUploadManager} (a standard client's path), uploads and downloads over plain HTTP, every refusal,
 * revocation by retraction and the token API. The store comes from {@link #serverProperties()}, so each store
 * (local, S3) runs the same tests in a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MediaServerTest {

    static final long MAX_IMAGE = 1_000_000;
    static final long MAX_FILE = 2_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern PUT = Pattern.compile("<put url='([^']+)'");
    private static final Pattern GET = Pattern.compile("<get url='([^']+)'");

    @RegisterExtension
    final ChatServerExtension server = ChatServerExtension.withProperties(properties());

    private Map<String, String> properties() {
        Map<String, String> properties = new java.util.HashMap<>(serverProperties());
        properties.put("chatapp.media.maxImageBytes", Long.toString(MAX_IMAGE));
        properties.put("chatapp.media.maxAudioBytes", Long.toString(MAX_IMAGE));
        properties.put("chatapp.media.maxVideoBytes", Long.toString(MAX_IMAGE));
        properties.put("chatapp.media.maxFileBytes", Long.toString(MAX_FILE));
        // The shortest slot lifetime, so one test can see a slot expire.
        properties.put("chatapp.media.slotMinutes", "1");
        return properties;
    }

    /** The plugin settings that choose and configure the store under test. */
    protected abstract Map<String, String> serverProperties();

    /** A slot's URLs, as the XEP-0363 answer gives them. */
    record Slot(String put, String get) {
    }

    static String requestXml(String name, long size, String type) {
        return "<request xmlns='urn:xmpp:http:upload:0' filename='" + name + "' size='" + size + "'"
                + (type == null ? "" : " content-type='" + type + "'") + "/>";
    }

    static Slot slot(RawXmpp xmpp, DevServer server, String name, long size, String type) throws Exception {
        String answer = xmpp.iq("get", "upload." + server.domain(), requestXml(name, size, type));
        Matcher put = PUT.matcher(answer);
        Matcher get = GET.matcher(answer);
        assertThat(put.find() && get.find()).as(answer).isTrue();
        return new Slot(unescape(put.group(1)), unescape(get.group(1)));
    }

    private static String unescape(String xml) {
        return xml.replace("&amp;", "&");
    }

    static HttpResponse<byte[]> put(String url, String type, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(width / 2, height / 2, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A WAV file of silence. */
    static byte[] wav(int samples) {
        byte[] wav = new byte[44 + samples * 2];
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        return wav;
    }

    /** The start of an MP4 file: an ftyp box, then filler in an mdat box. */
    static byte[] mp4(int size) {
        byte[] mp4 = new byte[size];
        java.nio.ByteBuffer box = java.nio.ByteBuffer.wrap(mp4);
        box.putInt(24).put("ftypisom".getBytes(StandardCharsets.US_ASCII)).putInt(512)
                .put("isomiso2".getBytes(StandardCharsets.US_ASCII));
        box.putInt(size - 24).put("mdat".getBytes(StandardCharsets.US_ASCII));
        return mp4;
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theUploadServiceIsDiscoveredWithItsLimit(DevServer server, TestUsers users) throws Exception {
        try (RawXmpp alice = RawXmpp.login(server, users.create("alice"))) {
            assertThat(alice.iq("get", server.domain(), "<query xmlns='http://jabber.org/protocol/disco#items'/>"))
                    .contains("jid='upload." + server.domain() + "'");
            String info = alice.iq("get", "upload." + server.domain(),
                    "<query xmlns='http://jabber.org/protocol/disco#info'/>");
            assertThat(info).contains("category='store'").contains("type='file'")
                    .contains("<feature var='urn:xmpp:http:upload:0'/>")
                    .contains("<value>urn:xmpp:http:upload:0</value>")
                    .contains("var='max-file-size'").contains("<value>" + MAX_FILE + "</value>");
        }
    }

    @Test
    void imageAudioVideoAndFilesGoUpAndComeBackWithSafeHeaders(DevServer server, TestUsers users) throws Exception {
        try (RawXmpp alice = RawXmpp.login(server, users.create("alice"))) {
            byte[] image = png(640, 480);
            Slot imageSlot = slot(alice, server, "holiday photo.png", image.length, "image/png");
            HttpResponse<byte[]> uploaded = put(imageSlot.put(), "image/png", image);
            assertThat(uploaded.statusCode()).as(new String(uploaded.body(), StandardCharsets.UTF_8)).isEqualTo(201);
            JsonNode file = json(uploaded);
            assertThat(file.get("url").asText()).startsWith(imageSlot.get().substring(0,
                    imageSlot.get().indexOf('?')));
            assertThat(file.get("mediaType").asText()).isEqualTo("image/png");
            assertThat(file.get("sha256").asText()).isEqualTo(sha256(image));
            assertThat(file.get("size").asLong()).isEqualTo(image.length);
            assertThat(file.get("width").asInt()).isEqualTo(640);
            assertThat(file.get("height").asInt()).isEqualTo(480);
            JsonNode thumbnail = file.get("thumbnail");
            assertThat(thumbnail.get("mediaType").asText()).isEqualTo("image/jpeg");
            assertThat(thumbnail.get("width").asInt()).isEqualTo(256);
            assertThat(thumbnail.get("height").asInt()).isEqualTo(192);

            HttpResponse<byte[]> downloaded = get(imageSlot.get());
            assertThat(downloaded.statusCode()).isEqualTo(200);
            assertThat(downloaded.body()).isEqualTo(image);
            assertThat(downloaded.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(downloaded.headers().firstValue("Content-Length")).contains(Integer.toString(image.length));
            assertThat(downloaded.headers().firstValue("Content-Disposition")).get().asString()
                    .startsWith("inline").contains("filename*=UTF-8''holiday%20photo.png");
            assertThat(downloaded.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(downloaded.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'none'").contains("sandbox");
            assertThat(downloaded.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
            assertThat(downloaded.headers().firstValue("Accept-Ranges")).contains("bytes");
            String etag = downloaded.headers().firstValue("ETag").orElseThrow();
            assertThat(get(imageSlot.get(), "If-None-Match", etag).statusCode()).isEqualTo(304);

            HttpResponse<byte[]> thumb = get(thumbnail.get("url").asText());
            assertThat(thumb.statusCode()).isEqualTo(200);
            assertThat(thumb.headers().firstValue("Content-Type")).contains("image/jpeg");
            assertThat(ImageIO.read(new ByteArrayInputStream(thumb.body())).getWidth()).isEqualTo(256);

            roundTrip(alice, server, "voice.wav", "audio/wav", wav(8000), "inline");
            roundTrip(alice, server, "clip.mp4", "video/mp4", mp4(50_000), "inline");
            byte[] pdf = ("%PDF-1.4\n" + "x".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
            roundTrip(alice, server, "report.pdf", "application/pdf", pdf, "attachment");
            roundTrip(alice, server, "data.bin", null, random(300_000), "attachment");
        }
    }

    private static void roundTrip(RawXmpp xmpp, DevServer server, String name, String type, byte[] bytes,
                                  String disposition) throws Exception {
        Slot slot = slot(xmpp, server, name, bytes.length, type);
        HttpResponse<byte[]> uploaded = put(slot.put(), type == null ? "application/octet-stream" : type, bytes);
        assertThat(uploaded.statusCode()).as(name + ": " + new String(uploaded.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        assertThat(json(uploaded).get("sha256").asText()).isEqualTo(sha256(bytes));
        HttpResponse<byte[]> downloaded = get(slot.get());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).as(name).isEqualTo(bytes);
        assertThat(downloaded.headers().firstValue("Content-Disposition")).get().asString().startsWith(disposition);
    }

    @Test
    void rangeRequestsReturnTheRightBytes(DevServer server, TestUsers users) throws Exception {
        try (RawXmpp alice = RawXmpp.login(server, users.create("alice"))) {
            byte[] bytes = mp4(200_000);
            new Random(7).nextBytes(bytes);
            System.arraycopy(mp4(32), 0, bytes, 0, 32);
            Slot slot = slot(alice, server, "seek.mp4", bytes.length, "video/mp4");
            assertThat(put(slot.put(), "video/mp4", bytes).statusCode()).isEqualTo(201);

            HttpResponse<byte[]> middle = get(slot.get(), "Range", "bytes=1000-1999");
            assertThat(middle.statusCode()).isEqualTo(206);
            assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));
            assertThat(middle.headers().firstValue("Content-Range")).contains("bytes 1000-1999/200000");
            HttpResponse<byte[]> tail = get(slot.get(), "Range", "bytes=-100");
            assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(bytes, 199_900, 200_000));
            HttpResponse<byte[]> open = get(slot.get(), "Range", "bytes=150000-");
            assertThat(open.body()).isEqualTo(Arrays.copyOfRange(bytes, 150_000, 200_000));
            HttpResponse<byte[]> beyond = get(slot.get(), "Range", "bytes=200000-");
            assertThat(beyond.statusCode()).isEqualTo(416);
            assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */200000");
        }
    }

    @Test
    void aStandardClientUploadsWithSmacksHttpFileUploadManager(DevServer server, TestUsers users,
                                                              @TempDir Path dir) throws Exception {
        TestUser alice = users.create("alice");
        try (RawXmpp xmpp = RawXmpp.login(server, alice)) {
            HttpFileUploadManager uploads = HttpFileUploadManager.getInstanceFor(xmpp.connection());
            assertThat(uploads.discoverUploadService()).isTrue();
            UploadService service = uploads.getDefaultUploadService();
            assertThat(service.getAddress().toString()).isEqualTo("upload." + server.domain());
            assertThat(service.getMaxFileSize()).isEqualTo(MAX_FILE);
            assertThat(service.getVersion()).isEqualTo(UploadService.Version.v0_3);

            byte[] image = png(300, 200);
            Path file = dir.resolve("from-smack.png");
            Files.write(file, image);
            URL url = uploads.uploadFile(file.toFile());

            HttpResponse<byte[]> downloaded = get(url.toString());
            assertThat(downloaded.statusCode()).isEqualTo(200);
            assertThat(downloaded.body()).isEqualTo(image);
            // Declared application/octet-stream by Smack, recognised from its bytes.
            assertThat(downloaded.headers().firstValue("Content-Type")).contains("image/png");
        }
    }

    @Test
    void tooLargeFilesAreRefusedAtSlotTimeAndWhenThePutLies(DevServer server, TestUsers users) throws Exception {
        try (RawXmpp alice = RawXmpp.login(server, users.create("alice"))) {
            String refused = alice.iq("get", "upload." + server.domain(),
                    requestXml("big.png", MAX_IMAGE + 1, "image/png"));
            assertThat(refused).contains("type='error'").contains("<not-acceptable")
                    .contains("<file-too-large xmlns='urn:xmpp:http:upload:0'>")
                    .contains("<max-file-size>" + MAX_IMAGE + "</max-file-size>");
            assertThat(alice.iq("get", "upload." + server.domain(), requestXml("page.html", 10, "text/html")))
                    .contains("<not-acceptable");
            assertThat(alice.iq("get", "upload." + server.domain(),
                    "<request xmlns='urn:xmpp:http:upload:0' filename='x' size='lots'/>")).contains("<bad-request");

            // Declared 1,000 bytes, then a Content-Length of 5,000; then a chunked body of 5,000.
            Slot slot = slot(alice, server, "small.bin", 1_000, null);
            assertThat(rawPut(server, slot.put(), "application/octet-stream", random(5_000)))
                    .startsWith("HTTP/1.1 413");
            HttpResponse<byte[]> chunked = HTTP.send(HttpRequest.newBuilder(URI.create(slot.put()))
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(random(5_000))))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(chunked.statusCode()).isEqualTo(413);
            assertThat(get(slot.get()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void htmlNamedPngIsRefused(DevServer server, TestUsers users) throws Exception {
        try (RawXmpp alice = RawXmpp.login(server, users.create("alice"))) {
            byte[] html = "<!DOCTYPE html><html><body><script>fetch('/steal?'+document.cookie)</script></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            Slot slot = slot(alice, server, "cute-cat.png", html.length, "image/png");
            HttpResponse<byte[]> refused = put(slot.put(), "image/png", html);
            assertThat(refused.statusCode()).isEqualTo(415);
            assertThat(json(refused).get("error").asText()).isEqualTo("unsupported_media_type");
            assertThat(get(slot.get()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void forgedReusedAndCrossUserPutsAndForgedGetsAreForbidden(DevServer server, TestUsers users) throws Exception {
        try (RawXmpp alice = RawXmpp.login(server, users.create("alice"));
             RawXmpp bob = RawXmpp.login(server, users.create("bob"))) {
            byte[] bytes = random(1_000);
            Slot alices = slot(alice, server, "a.bin", bytes.length, null);
            Slot bobs = slot(bob, server, "b.bin", bytes.length, null);
            String type = "application/octet-stream";

            // Bob's signature on Alice's slot; a changed signature; no signature.
            String crossUser = alices.put().substring(0, alices.put().indexOf('?'))
                    + bobs.put().substring(bobs.put().indexOf('?'));
            assertThat(put(crossUser, type, bytes).statusCode()).isEqualTo(403);
            assertThat(put(alices.put().replace("&s=", "&s=x"), type, bytes).statusCode()).isEqualTo(403);
            assertThat(put(alices.put().substring(0, alices.put().indexOf('?')), type, bytes).statusCode())
                    .isEqualTo(403);

            assertThat(put(alices.put(), type, bytes).statusCode()).isEqualTo(201);
            HttpResponse<byte[]> reused = put(alices.put(), type, random(1_000));
            assertThat(reused.statusCode()).isEqualTo(403);
            assertThat(json(reused).get("error").asText()).isEqualTo("already_used");
            assertThat(get(alices.get()).body()).isEqualTo(bytes);

            // A forged download signature, a missing one, another file's.
            HttpResponse<byte[]> forgedGet = get(alices.get().replace("&s=", "&s=A"));
            assertThat(forgedGet.statusCode()).isEqualTo(403);
            assertThat(forgedGet.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
            assertThat(get(alices.get().substring(0, alices.get().indexOf('?'))).statusCode()).isEqualTo(403);
            String otherFile = bobs.get().substring(0, bobs.get().indexOf('?'))
                    + alices.get().substring(alices.get().indexOf('?'));
            assertThat(get(otherFile).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void anExpiredPutUrlIsForbidden(DevServer server, TestUsers users) throws Exception {
        try (RawXmpp alice = RawXmpp.login(server, users.create("alice"))) {
            Slot slot = slot(alice, server, "late.txt", 5, "text/plain");
            Thread.sleep(Duration.ofSeconds(61).toMillis());
            HttpResponse<byte[]> late = put(slot.put(), "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(late.statusCode()).isEqualTo(403);
            assertThat(json(late).get("error").asText()).isEqualTo("expired");
            assertThat(get(slot.get()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void pathTraversalFindsNothing(DevServer server, TestUsers users) throws Exception {
        try (RawXmpp alice = RawXmpp.login(server, users.create("alice"))) {
            Slot slot = slot(alice, server, "a.txt", 5, "text/plain");
            assertThat(put(slot.put(), "text/plain", "hello".getBytes(StandardCharsets.UTF_8)).statusCode())
                    .isEqualTo(201);
            String query = slot.get().substring(slot.get().indexOf('?'));
            for (String path : new String[] {"/media/v1/files/../../../../etc/passwd",
                    "/media/v1/files/..%2F..%2F..%2Fetc/passwd" + query, "/media/v1/files/%2e%2e/passwd" + query,
                    "/media/v1/files/....//....//etc/passwd", "/media/v1/thumbs/..%2f/x" + query,
                    "/media/v1/upload/..%2f..%2fx"}) {
                String answer = rawRequest(server, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n", new byte[0]);
                assertThat(answer).as(path).matches("(?s)HTTP/1.1 (400|404|405).*");
                assertThat(answer).as(path).doesNotContain("root:");
            }
            // Other spellings of ../ (issue 15): double encoding, backslashes raw and encoded, overlong UTF-8.
            for (String path : new String[] {"/media/v1/files/%252e%252e%252f%252e%252e%252fetc/passwd" + query,
                    "/media/v1/files/..\\..\\..\\etc\\passwd" + query,
                    "/media/v1/files/..%5c..%5c..%5cetc%5cpasswd" + query,
                    "/media/v1/files/%c0%ae%c0%ae%c0%afetc/passwd" + query, "/media/v1/files/.%2e/.%2e/etc/passwd"
                    + query}) {
                String answer = rawRequest(server, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n", new byte[0]);
                assertThat(answer).as(path).matches("(?s)HTTP/1.1 4\\d\\d.*");
                assertThat(answer).as(path).doesNotContain("root:").doesNotContain("hello");
            }
            // NUL after the name: the name in a download URL is only for display (the signed file id chooses the
            // file), so at most the signed file itself comes back, under its stored name; never anything else.
            String file = slot.get().substring(slot.get().indexOf("/media/v1/files/"), slot.get().indexOf('?'));
            for (String path : new String[] {file + "%00" + query, file + "%00/../../../etc/passwd" + query,
                    file + "%00.html" + query}) {
                String answer = rawRequest(server, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n", new byte[0]);
                assertThat(answer).as(path).doesNotContain("root:").doesNotContain("\u0000");
                if (answer.startsWith("HTTP/1.1 200")) {
                    assertThat(answer).as(path).endsWith("\r\n\r\nhello").contains("filename=\"a.txt\"")
                            .containsIgnoringCase("Content-type: text/plain");
                } else {
                    assertThat(answer).as(path).matches("(?s)HTTP/1.1 4\\d\\d.*");
                }
            }
        }
    }

    @Test
    void retractingTheMessageRevokesTheFile(DevServer server, TestUsers users) throws Exception {
        TestUser bobUser = users.create("bob");
        try (RawXmpp alice = RawXmpp.login(server, users.create("alice"));
             RawXmpp bob = RawXmpp.login(server, bobUser)) {
            byte[] image = png(64, 64);
            Slot slot = slot(alice, server, "oops.png", image.length, "image/png");
            assertThat(put(slot.put(), "image/png", image).statusCode()).isEqualTo(201);
            alice.message(bobUser.jid(), "chat", slot.get(), oob(slot.get())
                    + "<origin-id xmlns='urn:xmpp:sid:0' id='media-1'/>");
            bob.nextMessage(xml -> xml.contains("media-1"));
            assertThat(get(slot.get()).statusCode()).isEqualTo(200);

            alice.message(bobUser.jid(), "chat", "This person attempted to retract a previous message",
                    "<retract xmlns='urn:xmpp:message-retract:1' id='media-1'/>"
                            + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:message-retract:1'/>");
            bob.nextMessage(xml -> xml.contains("<retract"));
            awaitStatus(slot.get(), 404);
        }
    }

    @Test
    void theTokenApiGivesFreshUrlsToTheUploaderAndParticipantsOnly(DevServer server, TestUsers users)
            throws Exception {
        TestUser aliceUser = users.create("alice");
        TestUser bobUser = users.create("bob");
        TestUser carolUser = users.create("carol");
        PluginApi api = new PluginApi(server);
        String aliceToken = api.token(aliceUser.username(), aliceUser.password()).text("access_token");
        String bobToken = api.token(bobUser.username(), bobUser.password()).text("access_token");
        String carolToken = api.token(carolUser.username(), carolUser.password()).text("access_token");
        try (RawXmpp alice = RawXmpp.login(server, aliceUser); RawXmpp bob = RawXmpp.login(server, bobUser)) {
            byte[] bytes = random(2_000);
            Slot slot = slot(alice, server, "shared.bin", bytes.length, null);
            assertThat(put(slot.put(), "application/octet-stream", bytes).statusCode()).isEqualTo(201);
            String fileId = URI.create(slot.get()).getPath().split("/")[4];
            String path = "/api/v1/media/" + fileId + "/url";

            PluginApi.Answer mine = api.post(path, aliceToken, null);
            assertThat(mine.status()).isEqualTo(200);
            assertThat(get(mine.text("url")).body()).isEqualTo(bytes);
            assertThat(mine.body().get("expiresAt").isNull()).isTrue();
            assertThat(api.post(path, bobToken, null).status()).isEqualTo(403);
            assertThat(api.post(path, null, null).status()).isEqualTo(401);
            assertThat(api.post("/api/v1/media/abcdefghijklmnopqrstuvwxyz234567/url", aliceToken, null).status())
                    .isEqualTo(404);

            alice.message(bobUser.jid(), "chat", slot.get(), oob(slot.get()));
            bob.nextMessage(xml -> xml.contains(fileId));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (api.post(path, bobToken, null).status() != 200) {
                assertThat(System.nanoTime()).as("Bob may fetch what Alice shared with him").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(get(api.post(path, bobToken, null).text("url")).body()).isEqualTo(bytes);
            assertThat(api.post(path, carolToken, null).status()).isEqualTo(403);

            assertThat(api.delete("/api/v1/media/" + fileId, bobToken, null).status()).isEqualTo(403);
            assertThat(api.delete("/api/v1/media/" + fileId, aliceToken, null).status()).isEqualTo(204);
            assertThat(get(slot.get()).statusCode()).isEqualTo(404);
            assertThat(api.post(path, aliceToken, null).status()).isEqualTo(404);
        }
    }

    @Test
    void mentioningAFileInAMessageGrantsNoAccessToIt(DevServer server, TestUsers users) throws Exception {
        // Security report (issue 12, item 2): a message that merely contained a file's URL path, with a made-up
        // signature, was noted as a share, and its sender and recipient could then fetch the file.
        TestUser aliceUser = users.create("alice");
        TestUser bobUser = users.create("bob");
        TestUser carolUser = users.create("carol");
        PluginApi api = new PluginApi(server);
        String bobToken = api.token(bobUser.username(), bobUser.password()).text("access_token");
        String carolToken = api.token(carolUser.username(), carolUser.password()).text("access_token");
        try (RawXmpp alice = RawXmpp.login(server, aliceUser); RawXmpp bob = RawXmpp.login(server, bobUser);
             RawXmpp carol = RawXmpp.login(server, carolUser)) {
            byte[] secret = random(1_000);
            Slot slot = slot(alice, server, "private.bin", secret.length, null);
            assertThat(put(slot.put(), "application/octet-stream", secret).statusCode()).isEqualTo(201);
            String fileId = URI.create(slot.get()).getPath().split("/")[4];
            String mention = slot.get().substring(0, slot.get().indexOf(fileId)) + fileId + "/x.png?k=bogus&s=bogus";

            bob.message(carolUser.jid(), "chat", mention, oob(mention));
            carol.nextMessage(xml -> xml.contains("bogus"));
            // A real share from Alice to Carol after the mention: once it is noted, the mention has been handled.
            byte[] shared = random(1_000);
            Slot other = slot(alice, server, "shared.bin", shared.length, null);
            assertThat(put(other.put(), "application/octet-stream", shared).statusCode()).isEqualTo(201);
            alice.message(carolUser.jid(), "chat", other.get(), oob(other.get()));
            String otherId = URI.create(other.get()).getPath().split("/")[4];
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (api.post("/api/v1/media/" + otherId + "/url", carolToken, null).status() != 200) {
                assertThat(System.nanoTime()).as("the real share is noted").isLessThan(deadline);
                Thread.sleep(100);
            }
            Thread.sleep(500);

            String path = "/api/v1/media/" + fileId + "/url";
            assertThat(api.post(path, carolToken, null).status()).as("the recipient of the mention").isEqualTo(403);
            assertThat(api.post(path, bobToken, null).status()).as("the sender of the mention").isEqualTo(403);
        }
    }

    @Test
    void webClientsGetTheirCorsPreflight(DevServer server, TestUsers users) throws Exception {
        try (RawXmpp alice = RawXmpp.login(server, users.create("alice"))) {
            Slot slot = slot(alice, server, "a.txt", 5, "text/plain");
            HttpResponse<byte[]> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(slot.put()))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://web.example")
                    .header("Access-Control-Request-Method", "PUT").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).get().asString()
                    .contains("PUT");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).get().asString()
                    .contains("Content-Type");
        }
    }

    static String oob(String url) {
        return "<x xmlns='jabber:x:oob'><url>" + url.replace("&", "&amp;") + "</url></x>";
    }

    private static void awaitStatus(String url, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (get(url).statusCode() != status) {
            assertThat(System.nanoTime()).as(url + " answers " + status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** A PUT written by hand, to send a Content-Length that HttpClient would not allow. */
    private static String rawPut(DevServer server, String url, String type, byte[] body)
            throws IOException {
        URI uri = URI.create(url);
        return rawRequest(server, "PUT " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\nContent-Type: " + type + "\r\nContent-Length: "
                + body.length + "\r\n\r\n", body);
    }

    private static String rawRequest(DevServer server, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress("127.0.0.1", server.pluginHttpUri().getPort()), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading a body it refuses.
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
