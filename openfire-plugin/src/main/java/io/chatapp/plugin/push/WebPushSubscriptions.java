package io.chatapp.plugin.push;

import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Devices' WebPush subscriptions (RFC 8030): an endpoint URL with its {@code p256dh} and {@code auth} keys, kept as a
 * push registration of the device (node {@value PushRegistration#WEBPUSH}), and the VAPID key devices subscribe with.
 */
public final class WebPushSubscriptions {

    private final PushRegistrations registrations;
    private final VapidKeys vapid;
    private final Executor executor;
    private final boolean allowHttp;

    public WebPushSubscriptions(PushRegistrations registrations, VapidKeys vapid, Executor executor,
                                boolean allowHttp) {
        this.registrations = registrations;
        this.vapid = vapid;
        this.executor = executor;
        this.allowHttp = allowHttp;
    }

    /** The application server key (base64url uncompressed P-256 point) to subscribe with. */
    public CompletableFuture<String> vapidKey() {
        return CompletableFuture.supplyAsync(() -> Vapid.publicKey(vapid.current()), executor);
    }

    /**
     * Registers the device's subscription. Bad keys or an endpoint that is not an https URL (or http when allowed)
     * are {@link IllegalArgumentException}.
     */
    public CompletableFuture<Void> subscribe(String username, String resource, String endpoint, String p256dh,
                                             String auth) {
        if (endpoint == null || endpoint.length() > 2048 || !(endpoint.startsWith("https://")
                || (allowHttp && endpoint.startsWith("http://")))) {
            throw new IllegalArgumentException("endpoint must be an https URL");
        }
        byte[] point = decode(p256dh, "p256dh");
        byte[] secret = decode(auth, "auth");
        if (point.length != 65 || point[0] != 4 || secret.length != 16) {
            throw new IllegalArgumentException("p256dh must be an uncompressed P-256 point and auth 16 bytes");
        }
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return registrations.enable(new PushRegistration(username, resource, endpoint, PushRegistration.WEBPUSH,
                encoder.encodeToString(point) + "." + encoder.encodeToString(secret)));
    }

    public CompletableFuture<Integer> unsubscribe(String username, String endpoint) {
        return registrations.disable(username, endpoint, PushRegistration.WEBPUSH);
    }

    private static byte[] decode(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        try {
            return Base64.getUrlDecoder().decode(value.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be base64url");
        }
    }
}
