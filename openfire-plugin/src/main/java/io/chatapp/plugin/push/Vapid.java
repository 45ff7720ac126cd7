package io.chatapp.plugin.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * RFC 8292 VAPID: the {@code Authorization: vapid t=JWT, k=KEY} header that identifies this server to a push service.
 * The JWT is ES256 over {@code aud} (the endpoint's origin), {@code exp} and {@code sub} (a contact URI); {@code k} is
 * the public key the device subscribed with.
 */
public final class Vapid {

    /** How long one token is valid (RFC 8292 allows at most 24 h). */
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Vapid() {
    }

    public static String authorization(String endpoint, KeyPair key, String subject, Instant now)
            throws GeneralSecurityException {
        URI uri = URI.create(endpoint);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        String header = encode("{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
        String claims = encode("{\"aud\":\"" + origin + "\",\"exp\":" + now.plus(LIFETIME).getEpochSecond()
                + ",\"sub\":\"" + subject.replace("\"", "") + "\"}");
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(key.getPrivate());
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        String token = header + "." + claims + "." + BASE64URL.encodeToString(signer.sign());
        return "vapid t=" + token + ", k=" + publicKey(key);
    }

    /** The application server key devices subscribe with: the uncompressed point, base64url. */
    public static String publicKey(KeyPair key) {
        return BASE64URL.encodeToString(WebPushEncryption.uncompressed((ECPublicKey) key.getPublic()));
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
