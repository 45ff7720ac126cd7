package io.chatapp.plugin.media;

import io.chatapp.plugin.storage.RotatingKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * HMAC-SHA256 signatures of media URLs with keys shared by all nodes (table {@code media_url_key}). The key id
 * travels in the URL, so a rotation never breaks URLs signed before it: the retired key keeps verifying for the
 * retention period.
 */
public final class UrlSigner {

    static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final RotatingKeys<SecretKey> keys;

    public UrlSigner(DataSource dataSource, Duration rotation, Duration retention, Clock clock) {
        this.keys = new RotatingKeys<>(dataSource, "media_url_key", new HmacCodec(), rotation, retention, clock);
    }

    /** A signature and the id of the key that made it. */
    public record Signature(String keyId, String value) {
    }

    /** Signs with the current key. */
    public Signature sign(String payload) {
        RotatingKeys.Signer<SecretKey> signer = keys.current();
        return new Signature(signer.kid(), mac(signer.key(), payload));
    }

    /** Whether the signature is the named key's signature of the payload (compared in constant time). */
    public boolean verify(String keyId, String payload, String signature) {
        if (keyId == null || signature == null || keyId.length() > 64 || signature.length() > 64) {
            return false;
        }
        Optional<SecretKey> key = keys.verifying(keyId);
        return key.isPresent() && MessageDigest.isEqual(mac(key.get(), payload).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String mac(SecretKey key, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** 256-bit random HMAC keys, stored raw. */
    private static final class HmacCodec implements RotatingKeys.Codec<SecretKey> {

        private final SecureRandom random = new SecureRandom();

        @Override
        public String algorithm() {
            return ALGORITHM;
        }

        @Override
        public SecretKey generate(String kid, Instant createdAt) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            return new SecretKeySpec(secret, ALGORITHM);
        }

        @Override
        public byte[] secretPart(SecretKey key) {
            return key.getEncoded();
        }

        @Override
        public byte[] publicPart(SecretKey key) {
            return new byte[0];
        }

        @Override
        public SecretKey decode(String kid, byte[] secretPart, byte[] publicPart, Instant createdAt) {
            return new SecretKeySpec(secretPart, ALGORITHM);
        }
    }
}
