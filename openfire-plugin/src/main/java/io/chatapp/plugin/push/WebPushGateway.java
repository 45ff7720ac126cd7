package io.chatapp.plugin.push;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Sends a push to a WebPush endpoint (RFC 8030; what UnifiedPush distributors such as ntfy and browsers' push
 * services accept): the summary as a small JSON payload encrypted for the device (RFC 8291), signed for by VAPID
 * (RFC 8292), with {@code Urgency} and {@code TTL} by kind: a call is {@code high} and lives
 * {@value #CALL_TTL_SECONDS} s (a late ring is useless), a message {@code normal} for {@value #MESSAGE_TTL_SECONDS} s.
 * 2xx is delivered; 404 and 410 mean the subscription is gone; 429, 5xx and I/O errors are retried; any other answer
 * means the push service refuses this registration (gone).
 */
public final class WebPushGateway implements PushGateway {

    static final int CALL_TTL_SECONDS = 60;
    static final int MESSAGE_TTL_SECONDS = 86_400;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<KeyPair> vapidKey;
    private final String subject;
    private final Executor executor;
    private final Clock clock;

    /**
     * @param subject the VAPID contact ({@code mailto:} or {@code https:} URI) push services may use to reach the
     *                operator
     */
    public WebPushGateway(Supplier<KeyPair> vapidKey, String subject, Executor executor, Clock clock) {
        this.vapidKey = vapidKey;
        this.subject = subject;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<PublishOutcome> publish(PushRegistration registration, PushSummary summary) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(registration, summary);
            } catch (IOException e) {
                return PublishOutcome.FAILED;
            } catch (java.security.GeneralSecurityException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    private PublishOutcome send(PushRegistration registration, PushSummary summary)
            throws IOException, java.security.GeneralSecurityException {
        WebPushKeys keys = WebPushKeys.of(registration);
        byte[] body = WebPushEncryption.encrypt(payload(summary).getBytes(StandardCharsets.UTF_8), keys.p256dh(),
                keys.auth());
        HttpURLConnection http = (HttpURLConnection) URI.create(registration.service()).toURL().openConnection();
        try {
            http.setRequestMethod("POST");
            http.setConnectTimeout((int) TIMEOUT.toMillis());
            http.setReadTimeout((int) TIMEOUT.toMillis());
            http.setDoOutput(true);
            http.setFixedLengthStreamingMode(body.length);
            http.setRequestProperty("Content-Type", "application/octet-stream");
            http.setRequestProperty("Content-Encoding", "aes128gcm");
            http.setRequestProperty("TTL", Integer.toString(summary.urgent() ? CALL_TTL_SECONDS
                    : MESSAGE_TTL_SECONDS));
            http.setRequestProperty("Urgency", summary.urgent() ? "high" : "normal");
            http.setRequestProperty("Authorization", Vapid.authorization(registration.service(), vapidKey.get(),
                    subject, clock.instant()));
            try (OutputStream out = http.getOutputStream()) {
                out.write(body);
            }
            int status = http.getResponseCode();
            if (status >= 200 && status < 300) {
                return PublishOutcome.DELIVERED;
            }
            return status == 429 || status >= 500 ? PublishOutcome.FAILED : PublishOutcome.GONE;
        } finally {
            http.disconnect();
        }
    }

    /** What the device decrypts: the summary's fields, the text only when previews allowed it. */
    static String payload(PushSummary summary) {
        StringBuilder json = new StringBuilder("{\"kind\":\"").append(summary.kind())
                .append("\",\"count\":").append(summary.messageCount());
        if (summary.missedCalls() > 0) {
            json.append(",\"missedCalls\":").append(summary.missedCalls());
        }
        if (summary.stories() > 0) {
            json.append(",\"stories\":").append(summary.stories());
        }
        if (summary.lastSender() != null) {
            json.append(",\"sender\":\"").append(escape(summary.lastSender())).append('"');
        }
        if (summary.lastBody() != null) {
            json.append(",\"body\":\"").append(escape(summary.lastBody())).append('"');
        }
        return json.append('}').toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A WebPush registration's subscription keys, kept base64url in its publish-options column. */
    record WebPushKeys(byte[] p256dh, byte[] auth) {

        static WebPushKeys of(PushRegistration registration) {
            String[] parts = registration.publishOptions().split("\\.");
            Base64.Decoder decoder = Base64.getUrlDecoder();
            return new WebPushKeys(decoder.decode(parts[0]), decoder.decode(parts[1]));
        }
    }
}
