package io.chatapp.plugin.auth;

import io.chatapp.plugin.storage.RotatingKeys;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The token signing keys (Ed25519), kept in the database table {@code signing_key} so that every Openfire node on it
 * signs and verifies with the same keys. Rotation is {@link RotatingKeys}': the retired key keeps verifying for
 * {@code overlap} (the access token lifetime plus clock skew), so tokens it signed stay valid until they expire.
 */
public final class SigningKeys implements KeySource {

    static final String ALGORITHM = "Ed25519";

    private final RotatingKeys<SigningKey> keys;

    public SigningKeys(DataSource dataSource, Duration rotation, Duration overlap, Clock clock) {
        this.keys = new RotatingKeys<>(dataSource, "signing_key", new Ed25519Codec(), rotation, overlap, clock);
    }

    /** The key to sign with now; rotates first when the current one is due. */
    @Override
    public SigningKey current() {
        return keys.current().key();
    }

    /** The public key for a key id, if that key may still verify tokens. */
    @Override
    public Optional<PublicKey> verificationKey(String kid) {
        return keys.verifying(kid).map(SigningKey::publicKey);
    }

    /** Every key that may verify tokens now, for the JWKS document. */
    public Map<String, PublicKey> published() {
        Map<String, PublicKey> published = new java.util.HashMap<>();
        keys.verifyingNow().forEach((kid, key) -> published.put(kid, key.publicKey()));
        return Map.copyOf(published);
    }

    /** Ed25519 key pairs as PKCS#8 (private) and X.509 (public) encodings. */
    private static final class Ed25519Codec implements RotatingKeys.Codec<SigningKey> {

        @Override
        public String algorithm() {
            return ALGORITHM;
        }

        @Override
        public SigningKey generate(String kid, Instant createdAt) {
            try {
                KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                return new SigningKey(kid, pair.getPrivate(), pair.getPublic(), createdAt);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("This JVM cannot make Ed25519 keys", e);
            }
        }

        @Override
        public byte[] secretPart(SigningKey key) {
            return key.privateKey().getEncoded();
        }

        @Override
        public byte[] publicPart(SigningKey key) {
            return key.publicKey().getEncoded();
        }

        @Override
        public SigningKey decode(String kid, byte[] secretPart, byte[] publicPart, Instant createdAt)
                throws SQLException {
            try {
                KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
                return new SigningKey(kid, factory.generatePrivate(new PKCS8EncodedKeySpec(secretPart)),
                        factory.generatePublic(new X509EncodedKeySpec(publicPart)), createdAt);
            } catch (GeneralSecurityException e) {
                throw new SQLException("Stored signing key " + kid + " cannot be decoded", e);
            }
        }
    }

    /** For tests and the JWKS: the raw 32-byte Ed25519 public key (the last bytes of its X.509 encoding). */
    static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        byte[] raw = new byte[32];
        System.arraycopy(encoded, encoded.length - 32, raw, 0, 32);
        return raw;
    }

    /** The JWKS entries (RFC 8037 OKP keys) of every key that may verify now. */
    public List<Map<String, Object>> jwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        published().forEach((kid, key) -> keys.add(Map.of(
                "kty", "OKP",
                "crv", "Ed25519",
                "use", "sig",
                "alg", "EdDSA",
                "kid", kid,
                "x", Base64.getUrlEncoder().withoutPadding().encodeToString(rawPublicKey(key)))));
        keys.sort(java.util.Comparator.comparing(entry -> (String) entry.get("kid")));
        return keys;
    }
}
