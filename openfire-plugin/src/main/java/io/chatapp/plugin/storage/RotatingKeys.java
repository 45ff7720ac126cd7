package io.chatapp.plugin.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Secret keys kept in a database table so that every Openfire node on it signs and verifies with the same keys (the
 * token signing keys, the media URL keys). The newest unretired key signs. When it is older than the rotation
 * period, a new key is made (once, under a database lock, whichever node gets there first) and the old one is
 * retired but keeps verifying for {@code overlap}, so whatever it signed stays valid for that long.
 *
 * <p>The table has the columns {@code kid, algorithm, private_key, public_key, created_at, retired_at,
 * verify_until} (see migrations V2 and V7).
 *
 * @param <K> the key type; the {@link Codec} says how one is made, stored and read back
 */
public final class RotatingKeys<K> {

    /** How keys of one kind are made and stored. */
    public interface Codec<K> {

        /** The value of the {@code algorithm} column. */
        String algorithm();

        /** A fresh random key. */
        K generate(String kid, Instant createdAt);

        /** The secret part, stored in {@code private_key}. */
        byte[] secretPart(K key);

        /** The public part, stored in {@code public_key} (empty for symmetric keys). */
        byte[] publicPart(K key);

        K decode(String kid, byte[] secretPart, byte[] publicPart, Instant createdAt) throws SQLException;
    }

    private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final String table;
    private final Codec<K> codec;
    private final Duration rotation;
    private final Duration overlap;
    private final Clock clock;
    private final Map<String, Verifier<K>> verifiers = new ConcurrentHashMap<>();
    private volatile Signer<K> current;
    private volatile Instant loadedAt = Instant.EPOCH;

    /**
     * @param table a table name from the plugin's own migrations (never user input: it is put into SQL)
     */
    public RotatingKeys(DataSource dataSource, String table, Codec<K> codec, Duration rotation, Duration overlap,
                        Clock clock) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.dataSource = dataSource;
        this.table = table;
        this.codec = codec;
        this.rotation = rotation;
        this.overlap = overlap;
        this.clock = clock;
    }

    /** The key that signs now and its id. */
    public record Signer<K>(String kid, K key, Instant createdAt) {
    }

    /** The key to sign with now; rotates first when the current one is due. */
    public Signer<K> current() {
        Signer<K> signer = current;
        if (signer == null || !signer.createdAt().plus(rotation).isAfter(clock.instant())) {
            signer = rotateIfDue();
        }
        return signer;
    }

    /** The key with this id, if it may still verify. */
    public Optional<K> verifying(String kid) {
        // When this node's signing key is due, another node may have rotated already: current() then reloads, which
        // also brings the retirement deadline of the old key.
        current();
        Verifier<K> verifier = verifiers.get(kid);
        if (verifier == null && Duration.between(loadedAt, clock.instant()).compareTo(RELOAD_AT_MOST_EVERY) >= 0) {
            // Another node may have rotated: look once more, but not on every unknown kid (that would let
            // anyone with forged ids drive database load).
            reload();
            verifier = verifiers.get(kid);
        }
        // A retired key stops verifying at its deadline even if this node has not reloaded since.
        return verifier != null && verifier.validAt(clock.instant()) ? Optional.of(verifier.key()) : Optional.empty();
    }

    /** Every key that may verify now, by id. */
    public Map<String, K> verifyingNow() {
        current();
        Instant now = clock.instant();
        Map<String, K> keys = new HashMap<>();
        verifiers.forEach((kid, verifier) -> {
            if (verifier.validAt(now)) {
                keys.put(kid, verifier.key());
            }
        });
        return Map.copyOf(keys);
    }

    /** A key and when it stops verifying ({@code null}: while it is the signing key). */
    private record Verifier<K>(K key, Instant verifyUntil) {

        boolean validAt(Instant now) {
            return verifyUntil == null || now.isBefore(verifyUntil);
        }
    }

    private synchronized Signer<K> rotateIfDue() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "chatapp-" + table);
                lock.execute();
            }
            Optional<Instant> newest = newestCreatedAt(connection);
            if (newest.isEmpty() || !newest.get().plus(rotation).isAfter(now)) {
                retireAll(connection, now);
                insert(connection, now);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load or rotate the " + table + " keys: " + e.getMessage(), e);
        }
        reload();
        return current;
    }

    private synchronized void reload() {
        Instant now = clock.instant();
        Map<String, Verifier<K>> keys = new HashMap<>();
        Signer<K> newest = null;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT kid, private_key, public_key, created_at, retired_at, verify_until FROM " + table
                             + " WHERE algorithm = ? AND (verify_until IS NULL OR verify_until > ?)"
                             + " ORDER BY created_at")) {
            query.setString(1, codec.algorithm());
            query.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String kid = rows.getString("kid");
                    Instant createdAt = rows.getTimestamp("created_at").toInstant();
                    K key = codec.decode(kid, rows.getBytes("private_key"), rows.getBytes("public_key"), createdAt);
                    Timestamp until = rows.getTimestamp("verify_until");
                    keys.put(kid, new Verifier<>(key, until == null ? null : until.toInstant()));
                    if (rows.getTimestamp("retired_at") == null) {
                        newest = new Signer<>(kid, key, createdAt);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the " + table + " keys: " + e.getMessage(), e);
        }
        verifiers.keySet().retainAll(keys.keySet());
        verifiers.putAll(keys);
        if (newest != null) {
            current = newest;
        }
        loadedAt = now;
    }

    private Optional<Instant> newestCreatedAt(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT max(created_at) FROM " + table
                + " WHERE algorithm = ? AND retired_at IS NULL")) {
            query.setString(1, codec.algorithm());
            try (ResultSet row = query.executeQuery()) {
                Timestamp newest = row.next() ? row.getTimestamp(1) : null;
                return Optional.ofNullable(newest).map(Timestamp::toInstant);
            }
        }
    }

    private void retireAll(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement retire = connection.prepareStatement("UPDATE " + table
                + " SET retired_at = ?, verify_until = ? WHERE algorithm = ? AND retired_at IS NULL")) {
            retire.setTimestamp(1, Timestamp.from(now));
            retire.setTimestamp(2, Timestamp.from(now.plus(overlap)));
            retire.setString(3, codec.algorithm());
            retire.executeUpdate();
        }
    }

    private void insert(Connection connection, Instant now) throws SQLException {
        String kid = KeyIds.random();
        K key = codec.generate(kid, now);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (kid, algorithm, private_key, public_key, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, kid);
            insert.setString(2, codec.algorithm());
            insert.setBytes(3, codec.secretPart(key));
            insert.setBytes(4, codec.publicPart(key));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    /** Random key ids: 96 bits, base64url. */
    private static final class KeyIds {

        private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

        static String random() {
            byte[] id = new byte[12];
            RANDOM.nextBytes(id);
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        }
    }
}
