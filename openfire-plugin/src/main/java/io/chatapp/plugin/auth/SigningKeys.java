package io.chatapp.plugin.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The token signing keys, kept in the database so that every Openfire node on it signs and verifies with the same
 * keys. The newest unretired key signs. When it is older than the rotation period, a new key is made (once, under
 * a database lock, whichever node gets there first) and the old one is retired but keeps verifying for
 * {@code overlap} (the access token lifetime plus clock skew), so tokens it signed stay valid until they expire.
 */
public final class SigningKeys implements KeySource {

    static final String ALGORITHM = "Ed25519";
    private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final Duration rotation;
    private final Duration overlap;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Verifier> verificationKeys = new ConcurrentHashMap<>();
    private volatile SigningKey current;
    private volatile Instant loadedAt = Instant.EPOCH;

    public SigningKeys(DataSource dataSource, Duration rotation, Duration overlap, Clock clock) {
        this.dataSource = dataSource;
        this.rotation = rotation;
        this.overlap = overlap;
        this.clock = clock;
    }

    /** The key to sign with now; rotates first when the current one is due. */
    @Override
    public SigningKey current() {
        SigningKey key = current;
        if (key == null || !key.createdAt().plus(rotation).isAfter(clock.instant())) {
            key = rotateIfDue();
        }
        return key;
    }

    /** The public key for a key id, if that key may still verify tokens. */
    @Override
    public Optional<PublicKey> verificationKey(String kid) {
        // When this node's signing key is due, another node may have rotated already: current() then reloads, which
        // also brings the retirement deadline of the old key.
        current();
        Verifier verifier = verificationKeys.get(kid);
        if (verifier == null && Duration.between(loadedAt, clock.instant()).compareTo(RELOAD_AT_MOST_EVERY) >= 0) {
            // Another node may have rotated: look once more, but not on every unknown kid (that would let
            // anyone with garbage tokens drive database load).
            reload();
            verifier = verificationKeys.get(kid);
        }
        // A retired key stops verifying at its deadline even if this node has not reloaded since.
        return verifier != null && verifier.validAt(clock.instant()) ? Optional.of(verifier.key()) : Optional.empty();
    }

    /** Every key that may verify tokens now, for the JWKS document. */
    public Map<String, PublicKey> published() {
        current();
        Instant now = clock.instant();
        Map<String, PublicKey> keys = new java.util.HashMap<>();
        verificationKeys.forEach((kid, verifier) -> {
            if (verifier.validAt(now)) {
                keys.put(kid, verifier.key());
            }
        });
        return Map.copyOf(keys);
    }

    /** A public key and when it stops verifying ({@code null}: while it is the signing key). */
    private record Verifier(PublicKey key, Instant verifyUntil) {

        boolean validAt(Instant now) {
            return verifyUntil == null || now.isBefore(verifyUntil);
        }
    }

    private synchronized SigningKey rotateIfDue() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "chatapp-signing-key");
                lock.execute();
            }
            Optional<SigningKey> newest = newest(connection);
            if (newest.isEmpty() || !newest.get().createdAt().plus(rotation).isAfter(now)) {
                retireAll(connection, now);
                insert(connection, generate(now));
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load or rotate the token signing key: " + e.getMessage(), e);
        }
        reload();
        return current;
    }

    private synchronized void reload() {
        Instant now = clock.instant();
        Map<String, Verifier> keys = new ConcurrentHashMap<>();
        SigningKey newest = null;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT kid, private_key, public_key, created_at, retired_at, verify_until FROM signing_key"
                             + " WHERE verify_until IS NULL OR verify_until > ? ORDER BY created_at")) {
            query.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    SigningKey key = decode(rows);
                    Timestamp until = rows.getTimestamp("verify_until");
                    keys.put(key.kid(), new Verifier(key.publicKey(), until == null ? null : until.toInstant()));
                    if (rows.getTimestamp("retired_at") == null) {
                        newest = key;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the token signing keys: " + e.getMessage(), e);
        }
        verificationKeys.keySet().retainAll(keys.keySet());
        verificationKeys.putAll(keys);
        if (newest != null) {
            current = newest;
        }
        loadedAt = now;
    }

    private Optional<SigningKey> newest(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT kid, private_key, public_key, created_at FROM signing_key WHERE retired_at IS NULL"
                        + " ORDER BY created_at DESC LIMIT 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(decode(row)) : Optional.empty();
        }
    }

    private void retireAll(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement retire = connection.prepareStatement(
                "UPDATE signing_key SET retired_at = ?, verify_until = ? WHERE retired_at IS NULL")) {
            retire.setTimestamp(1, Timestamp.from(now));
            retire.setTimestamp(2, Timestamp.from(now.plus(overlap)));
            retire.executeUpdate();
        }
    }

    private static void insert(Connection connection, SigningKey key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO signing_key (kid, algorithm, private_key, public_key, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, key.kid());
            insert.setString(2, ALGORITHM);
            insert.setBytes(3, key.privateKey().getEncoded());
            insert.setBytes(4, key.publicKey().getEncoded());
            insert.setTimestamp(5, Timestamp.from(key.createdAt()));
            insert.executeUpdate();
        }
    }

    private SigningKey generate(Instant now) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            byte[] id = new byte[12];
            random.nextBytes(id);
            return new SigningKey(Base64.getUrlEncoder().withoutPadding().encodeToString(id), pair.getPrivate(),
                    pair.getPublic(), now);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make Ed25519 keys", e);
        }
    }

    private static SigningKey decode(ResultSet row) throws SQLException {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            return new SigningKey(row.getString("kid"),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(row.getBytes("private_key"))),
                    factory.generatePublic(new X509EncodedKeySpec(row.getBytes("public_key"))),
                    row.getTimestamp("created_at").toInstant());
        } catch (GeneralSecurityException e) {
            throw new SQLException("Stored signing key " + row.getString("kid") + " cannot be decoded", e);
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
