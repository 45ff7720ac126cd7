package io.chatapp.plugin.calls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ephemeral TURN credentials of the TURN REST API scheme (draft-uberti-behave-turn-rest, coturn's
 * {@code use-auth-secret}): username = {@code <expiry unix time>:<user>}, password =
 * base64(HMAC-SHA1(shared secret, username)). The TURN server checks the HMAC with the same secret and refuses an
 * expired username, so nothing is stored and nothing needs revoking.
 */
public final class TurnCredentials {

    /** One credential and the moment it stops working. */
    public record Credential(String username, String password, Instant expires) {

        /** Never print the password. */
        @Override
        public String toString() {
            return "Credential[username=" + username + ", expires=" + expires + "]";
        }
    }

    private final byte[] secret;

    public TurnCredentials(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("a TURN secret is needed");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The credential for {@code user} (a bare JID) that expires at {@code expires} (whole seconds). */
    public Credential issue(String user, Instant expires) {
        long expirySeconds = expires.getEpochSecond();
        String username = expirySeconds + ":" + user;
        return new Credential(username, password(username), Instant.ofEpochSecond(expirySeconds));
    }

    String password(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
    }
}
