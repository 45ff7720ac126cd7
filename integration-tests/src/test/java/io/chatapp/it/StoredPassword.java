package io.chatapp.it;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.OpenfireTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How Openfire keeps an account's password, read from its tables: 4.2 keeps the SCRAM-SHA-1 keys in {@code ofUser},
 * 5.x in {@code ofUserScram} (one row per mechanism); the reversible forms stay in {@code ofUser} in both.
 */
record StoredPassword(String plainPassword, String encryptedPassword, String storedKey, String serverKey,
                      String salt, int iterations) {

    private static final String OPENFIRE_4 = "SELECT plainPassword, encryptedPassword, storedKey, serverKey, salt,"
            + " iterations FROM ofUser WHERE username = ?";
    private static final String OPENFIRE_5 = "SELECT u.plainPassword, u.encryptedPassword, s.storedKey, s.serverKey,"
            + " s.salt, s.iterations FROM ofUser u LEFT JOIN ofUserScram s ON s.username = u.username"
            + " AND s.mechanism = 'SCRAM-SHA-1' WHERE u.username = ?";

    static StoredPassword of(DevServer server, String username) throws SQLException {
        String sql = server.target() == OpenfireTarget.OPENFIRE_4_2 ? OPENFIRE_4 : OPENFIRE_5;
        try (Connection db = server.connectToDatabase(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("No account " + username + " in ofUser");
                }
                return new StoredPassword(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getInt(6));
            }
        }
    }
}
