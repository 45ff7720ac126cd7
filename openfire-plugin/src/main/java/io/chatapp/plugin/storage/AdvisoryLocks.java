package io.chatapp.plugin.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Work that one node at a time does when several share the database (clean-ups): it runs while this node holds a
 * PostgreSQL session advisory lock named for it, and a node that finds the lock taken skips its turn.
 */
public final class AdvisoryLocks {

    /** Work that may fail. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    private AdvisoryLocks() {
    }

    /** Runs the work under the lock {@code name}; empty, without running it, when another holder has the lock. */
    public static <T> Optional<T> runAlone(DataSource dataSource, String name, Work<T> work) throws Exception {
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!lock(lockHolder, "SELECT pg_try_advisory_lock(hashtext(?))", name)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.run());
            } finally {
                lock(lockHolder, "SELECT pg_advisory_unlock(hashtext(?))", name);
            }
        }
    }

    private static boolean lock(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
