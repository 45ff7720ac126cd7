package io.chatapp.plugin.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WebPush to a push service in the test (an HTTP server) that does what a browser and a push service do together:
 * checks the VAPID token's signature with the key in the header and its audience, and decrypts the body with the
 * subscription's private key (RFC 8291), then answers with the status it is told to.
 */
class WebPushGatewayTest {

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private record Received(Map<String, String> headers, byte[] body) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger status = new AtomicInteger(201);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private HttpServer pushService;
    private KeyPair device;
    private byte[] auth;
    private KeyPair vapid;

    @BeforeEach
    void start() throws Exception {
        pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushService.createContext("/push/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(headers, body));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        pushService.start();
        device = p256();
        vapid = p256();
        auth = new byte[16];
        new SecureRandom().nextBytes(auth);
    }

    @AfterEach
    void stop() {
        pushService.stop(0);
        executor.shutdownNow();
    }

    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private PushRegistration registration() {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return new PushRegistration("bob", "phone", "http://127.0.0.1:" + pushService.getAddress().getPort()
                + "/push/abc", PushRegistration.WEBPUSH, encoder.encodeToString(
                WebPushEncryption.uncompressed((ECPublicKey) device.getPublic())) + "." + encoder.encodeToString(auth));
    }

    private WebPushGateway gateway() {
        return new WebPushGateway(() -> vapid, "mailto:ops@example.org", executor, Clock.systemUTC());
    }

    @Test
    void aCallIsEncryptedForTheDeviceUrgentShortLivedAndSignedWithVapid() throws Exception {
        assertThat(gateway().publish(registration(), new PushSummary(1, "alice@example.org", null, true))
                .get(10, TimeUnit.SECONDS)).isEqualTo(PublishOutcome.DELIVERED);
        Received push = received.poll(5, TimeUnit.SECONDS);
        assertThat(push.headers()).containsEntry("urgency", "high").containsEntry("ttl", "60")
                .containsEntry("content-encoding", "aes128gcm");
        assertThat(decrypt(push.body())).isEqualTo("{\"kind\":\"call\",\"count\":1,\"sender\":\"alice@example.org\"}");
        checkVapid(push.headers().get("authorization"));
    }

    @Test
    void aMessageIsNormalAndLongLivedAndGoneOrPassingAnswersAreTold() throws Exception {
        assertThat(gateway().publish(registration(), new PushSummary(2, "alice@example.org", "hi \"there\"", false))
                .get(10, TimeUnit.SECONDS)).isEqualTo(PublishOutcome.DELIVERED);
        Received push = received.poll(5, TimeUnit.SECONDS);
        assertThat(push.headers()).containsEntry("urgency", "normal").containsEntry("ttl", "86400");
        assertThat(decrypt(push.body())).isEqualTo(
                "{\"kind\":\"message\",\"count\":2,\"sender\":\"alice@example.org\",\"body\":\"hi \\\"there\\\"\"}");

        status.set(410);
        assertThat(gateway().publish(registration(), new PushSummary(1, "a@example.org", null, false))
                .get(10, TimeUnit.SECONDS)).isEqualTo(PublishOutcome.GONE);
        status.set(503);
        assertThat(gateway().publish(registration(), new PushSummary(1, "a@example.org", null, false))
                .get(10, TimeUnit.SECONDS)).isEqualTo(PublishOutcome.FAILED);
    }

    @Test
    void aMissedCallIsToldAsSuchAndMixedWithMessagesAsMessages() throws Exception {
        gateway().publish(registration(), new PushSummary(1, "alice@example.org", null, false, 1))
                .get(10, TimeUnit.SECONDS);
        Received push = received.poll(5, TimeUnit.SECONDS);
        assertThat(push.headers()).containsEntry("urgency", "normal");
        assertThat(decrypt(push.body())).isEqualTo(
                "{\"kind\":\"missed-call\",\"count\":1,\"missedCalls\":1,\"sender\":\"alice@example.org\"}");

        gateway().publish(registration(), new PushSummary(3, "bob@example.org", null, false, 1))
                .get(10, TimeUnit.SECONDS);
        assertThat(decrypt(received.poll(5, TimeUnit.SECONDS).body())).isEqualTo(
                "{\"kind\":\"message\",\"count\":3,\"missedCalls\":1,\"sender\":\"bob@example.org\"}");

        gateway().publish(registration(), new PushSummary(2, "carol@example.org", null, false, 0, 2))
                .get(10, TimeUnit.SECONDS);
        assertThat(decrypt(received.poll(5, TimeUnit.SECONDS).body())).isEqualTo(
                "{\"kind\":\"story\",\"count\":2,\"stories\":2,\"sender\":\"carol@example.org\"}");
    }

    /** RFC 8291 §3.4 and RFC 8188, written out here independently of the sender's code path. */
    private String decrypt(byte[] body) throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        buffer.get(salt);
        assertThat(buffer.getInt()).isEqualTo(4096);
        byte[] asPublic = new byte[buffer.get()];
        buffer.get(asPublic);
        byte[] ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);
        ECPublicKey devicePublic = (ECPublicKey) device.getPublic();
        byte[] uaPublic = WebPushEncryption.uncompressed(devicePublic);
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(device.getPrivate());
        agreement.doPhase(WebPushEncryption.publicKey(asPublic, devicePublic.getParams()), true);
        byte[] ikm = hmac(hmac(auth, agreement.generateSecret()), concat(
                "WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic, new byte[] {1}));
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, "Content-Encoding: aes128gcm\0\1".getBytes(StandardCharsets.US_ASCII)),
                16);
        byte[] nonce = Arrays.copyOf(hmac(prk, "Content-Encoding: nonce\0\1".getBytes(StandardCharsets.US_ASCII)), 12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] plain = cipher.doFinal(ciphertext);
        assertThat(plain[plain.length - 1]).as("last record delimiter").isEqualTo((byte) 2);
        return new String(plain, 0, plain.length - 1, StandardCharsets.UTF_8);
    }

    private void checkVapid(String authorization) throws Exception {
        assertThat(authorization).startsWith("vapid t=");
        String token = authorization.substring("vapid t=".length(), authorization.indexOf(", k="));
        String key = authorization.substring(authorization.indexOf(", k=") + 4);
        assertThat(key).isEqualTo(Vapid.publicKey(vapid));
        String[] parts = token.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        ECPublicKey vapidPublic = (ECPublicKey) vapid.getPublic();
        verifier.initVerify(WebPushEncryption.publicKey(BASE64URL.decode(key), vapidPublic.getParams()));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(BASE64URL.decode(parts[2]))).as("ES256 signature").isTrue();
        String claims = new String(BASE64URL.decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"aud\":\"http://127.0.0.1:" + pushService.getAddress().getPort() + "\"",
                "\"sub\":\"mailto:ops@example.org\"");
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(exp).isBetween(Instant.now().getEpochSecond(), Instant.now().plusSeconds(86_400).getEpochSecond());
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        return WebPushEncryption.concat(parts);
    }
}
