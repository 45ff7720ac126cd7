package io.chatapp.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The dev server's PostgreSQL: an embedded one (binaries from Maven Central, data kept under the data directory
 * across restarts) or an external one given by JDBC URL. Either way it ends up with a database for chat-app.
 */
public final class PostgresDatabase implements AutoCloseable {

    static final String DATABASE_NAME = "chatapp";

    private final EmbeddedPostgres embedded;
    private final DatabaseConfig config;

    private PostgresDatabase(EmbeddedPostgres embedded, DatabaseConfig config) {
        this.embedded = embedded;
        this.config = config;
    }

    public static PostgresDatabase embedded(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            String adminUrl = postgres.getJdbcUrl("postgres", "postgres");
            createDatabaseIfMissing(adminUrl, "postgres", "");
            String url = postgres.getJdbcUrl("postgres", DATABASE_NAME);
            return new PostgresDatabase(postgres, new DatabaseConfig(url, "postgres", ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public static PostgresDatabase external(DatabaseConfig config) {
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.username(),
                config.password())) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + config.jdbcUrl() + ": " + e.getMessage(), e);
        }
        return new PostgresDatabase(null, config);
    }

    private static void createDatabaseIfMissing(String adminUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password)) {
            try (PreparedStatement exists = connection.prepareStatement(
                    "SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, DATABASE_NAME);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE_NAME);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + DATABASE_NAME + ": " + e.getMessage(), e);
        }
    }

    public DatabaseConfig config() {
        return config;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.username(), config.password());
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
