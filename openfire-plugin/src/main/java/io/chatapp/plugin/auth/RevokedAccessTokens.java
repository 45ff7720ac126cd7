package io.chatapp.plugin.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Access tokens revoked before they expire (logout), by {@code jti}. Verification must stay fast (no database trip
 * per token), so the revoked ids that have not expired yet are held in memory, and a revocation is written to the
 * database for the other nodes, which pick it up with {@link #reload()}.
 */
public final class RevokedAccessTokens {

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    public RevokedAccessTokens(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public boolean isRevoked(String jti) {
        return revoked.containsKey(jti);
    }

    public void revoke(String jti, Instant expiresAt) throws SQLException {
        revoked.put(jti, expiresAt);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO revoked_access_token (jti, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, jti);
            insert.setTimestamp(2, Timestamp.from(expiresAt));
            insert.executeUpdate();
        }
    }

    /** Loads revocations made by any node that have not expired, and forgets expired ones. */
    public void reload() throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT jti, expires_at FROM revoked_access_token WHERE expires_at > ?")) {
            query.setTimestamp(1, Timestamp.from(now.minus(AccessTokens.CLOCK_SKEW)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    revoked.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        revoked.values().removeIf(expiry -> expiry.plus(AccessTokens.CLOCK_SKEW).isBefore(now));
    }
}
