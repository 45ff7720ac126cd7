package io.chatapp.plugin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Refresh tokens: 256 random bits, handed out once and stored only as a SHA-256 hash. Each is single use: refreshing
 * marks it used and issues the next one in the same family. A used token presented again means it was stolen (or
 * replayed), so the whole family is revoked and both the thief and the user must log in again.
 */
public final class RefreshTokens {

    private final DataSource dataSource;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(DataSource dataSource, Duration lifetime, Clock clock) {
        this.dataSource = dataSource;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A new token in a new family, e.g. at login. */
    public String issue(String username) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return insert(connection, username, UUID.randomUUID());
        }
    }

    /**
     * Uses a token: returns the user name and the next token of its family. Fails when the token is unknown,
     * expired or revoked; when it was already used, also revokes its family.
     */
    public Rotation rotate(String token) throws SQLException, TokenRejectedException {
        byte[] hash = hash(token);
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String username;
                UUID family;
                try (PreparedStatement find = connection.prepareStatement(
                        "SELECT username, family_id, expires_at, used_at, revoked_at FROM refresh_token"
                                + " WHERE token_hash = ? FOR UPDATE")) {
                    find.setBytes(1, hash);
                    try (ResultSet row = find.executeQuery()) {
                        if (!row.next()) {
                            throw new TokenRejectedException("unknown refresh token");
                        }
                        username = row.getString("username");
                        family = row.getObject("family_id", UUID.class);
                        if (row.getTimestamp("revoked_at") != null) {
                            throw new TokenRejectedException("revoked refresh token");
                        }
                        if (row.getTimestamp("used_at") != null) {
                            revokeFamily(connection, family, now);
                            connection.commit();
                            throw new TokenRejectedException("refresh token of " + username
                                    + " reused (stolen or replayed?): its family is revoked");
                        }
                        if (!row.getTimestamp("expires_at").toInstant().isAfter(now)) {
                            throw new TokenRejectedException("expired refresh token");
                        }
                    }
                }
                try (PreparedStatement use = connection.prepareStatement(
                        "UPDATE refresh_token SET used_at = ? WHERE token_hash = ?")) {
                    use.setTimestamp(1, Timestamp.from(now));
                    use.setBytes(2, hash);
                    use.executeUpdate();
                }
                String next = insert(connection, username, family);
                connection.commit();
                return new Rotation(username, next);
            } catch (SQLException | TokenRejectedException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Revokes the token's family (logout). Unknown tokens are ignored: logging out twice is not an error. */
    public void revoke(String token) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement revoke = connection.prepareStatement(
                     "UPDATE refresh_token SET revoked_at = ? WHERE revoked_at IS NULL AND family_id ="
                             + " (SELECT family_id FROM refresh_token WHERE token_hash = ?)")) {
            revoke.setTimestamp(1, Timestamp.from(clock.instant()));
            revoke.setBytes(2, hash(token));
            revoke.executeUpdate();
        }
    }

    /** Revokes every refresh token of the user (password change, force logout, disabled account). */
    public int revokeAll(String username) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement revoke = connection.prepareStatement(
                     "UPDATE refresh_token SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL")) {
            revoke.setTimestamp(1, Timestamp.from(clock.instant()));
            revoke.setString(2, username);
            return revoke.executeUpdate();
        }
    }

    /** Removes every refresh token of the user, used or not (the account is being deleted). */
    public void deleteAll(String username) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM refresh_token WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        }
    }

    private void revokeFamily(Connection connection, UUID family, Instant now) throws SQLException {
        try (PreparedStatement revoke = connection.prepareStatement(
                "UPDATE refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")) {
            revoke.setTimestamp(1, Timestamp.from(now));
            revoke.setObject(2, family);
            revoke.executeUpdate();
        }
    }

    private String insert(Connection connection, String username, UUID family) throws SQLException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO refresh_token (token_hash, family_id, username, issued_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            insert.setBytes(1, hash(token));
            insert.setObject(2, family);
            insert.setString(3, username);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now.plus(lifetime)));
            insert.executeUpdate();
        }
        return token;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome of a refresh: whose token it was and the next one. */
    public record Rotation(String username, String nextToken) {
    }
}
