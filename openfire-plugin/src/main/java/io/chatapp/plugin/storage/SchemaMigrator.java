package io.chatapp.plugin.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Applies the plugin's versioned SQL migrations, in order, each in its own transaction.
 *
 * <p>Migrations are the files listed in {@code db/migrations.list} next to this class; each is named
 * {@code V<n>__<description>.sql}. A table {@code schema_version} records what was applied with a checksum, and an
 * applied migration whose file has since changed stops start-up rather than leaving the schema in an unknown state.
 * A PostgreSQL advisory lock makes concurrent start-ups of several Openfire nodes on one database safe.
 *
 * <p>Written in-house rather than with Flyway: Flyway's classpath scanning and service loading do not survive the
 * relocation and the plugin class loader reliably, and this needs only a few dozen lines.
 */
public final class SchemaMigrator {

    private static final String INDEX = "db/migrations.list";

    private final DataSource dataSource;
    private final String schema;

    public SchemaMigrator(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** Applies pending migrations and returns the versions applied by this call. */
    public List<Integer> migrate() throws SQLException {
        List<Migration> migrations = loadMigrations();
        List<Integer> applied = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                lock(connection);
                createVersionTable(connection);
                Map<Integer, String> done = appliedChecksums(connection);
                for (Migration migration : migrations) {
                    String checksum = done.get(migration.version());
                    if (checksum == null) {
                        apply(connection, migration);
                        applied.add(migration.version());
                    } else if (!checksum.equals(migration.checksum())) {
                        throw new IllegalStateException("Migration V" + migration.version()
                                + " was changed after it was applied to schema " + schema);
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        return applied;
    }

    private void lock(Connection connection) throws SQLException {
        // Transaction-scoped: released by the commit or rollback that ends migrate().
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            statement.setString(1, "chatapp-migrations:" + schema);
            statement.execute();
        }
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + " version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL,"
                    + " checksum TEXT NOT NULL,"
                    + " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
    }

    private static Map<Integer, String> appliedChecksums(Connection connection) throws SQLException {
        Map<Integer, String> applied = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, checksum FROM schema_version")) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        return applied;
    }

    private static void apply(Connection connection, Migration migration) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(migration.sql());
        }
        try (PreparedStatement record = connection.prepareStatement(
                "INSERT INTO schema_version (version, description, checksum) VALUES (?, ?, ?)")) {
            record.setInt(1, migration.version());
            record.setString(2, migration.description());
            record.setString(3, migration.checksum());
            record.executeUpdate();
        }
    }

    static List<Migration> loadMigrations() {
        List<Migration> migrations = new ArrayList<>();
        int previous = 0;
        for (String line : resource(INDEX).split("\n")) {
            String name = line.trim();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Migration migration = Migration.parse(name, resource("db/" + name));
            // Increasing, not necessarily consecutive: features built in parallel reserve their numbers, and one
            // may land before another. What was applied is tracked per version, so a lower number listed later is
            // still applied where it is missing (features' migrations touch tables of their own).
            if (migration.version() <= previous) {
                throw new IllegalStateException("Migrations must be listed in increasing order; found " + name
                        + " after V" + previous);
            }
            previous = migration.version();
            migrations.add(migration);
        }
        return migrations;
    }

    private static String resource(String name) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read migration resource " + name, e);
        }
    }

    record Migration(int version, String description, String sql, String checksum) {

        static Migration parse(String fileName, String sql) {
            if (!fileName.matches("V\\d+__\\w+\\.sql")) {
                throw new IllegalStateException("Migration file name must look like V1__description.sql: " + fileName);
            }
            int separator = fileName.indexOf("__");
            int version = Integer.parseInt(fileName.substring(1, separator));
            String description = fileName.substring(separator + 2, fileName.length() - 4).replace('_', ' ');
            return new Migration(version, description, sql, sha256(sql));
        }

        private static String sha256(String text) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
