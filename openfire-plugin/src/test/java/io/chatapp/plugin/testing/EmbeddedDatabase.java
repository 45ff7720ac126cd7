package io.chatapp.plugin.testing;

import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.config.SettingsSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded PostgreSQL for a test class, set up the way a real deployment is: the plugin connects over TCP as
 * an ordinary role that must give its password (scram-sha-256) and owns its own database; the superuser
 * {@code postgres} is trusted so tests can look behind the plugin's back.
 *
 * <p>Register it as {@code @RegisterExtension static final EmbeddedDatabase postgres = new EmbeddedDatabase();}: it
 * starts before the class's first test and stops after its last (starting takes a couple of seconds). Or call
 * {@link #start()} and close it yourself.
 */
public final class EmbeddedDatabase implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    public static final String DATABASE = "chatapp_test";
    public static final String USER = "chatapp_app";
    public static final String PASSWORD = "s3cret-Pa55word";

    private EmbeddedPostgres postgres;
    private Path configDirectory;

    /** Not started: for {@code @RegisterExtension}. */
    public EmbeddedDatabase() {
    }

    public static EmbeddedDatabase start() {
        EmbeddedDatabase database = new EmbeddedDatabase();
        database.startNow();
        return database;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startNow();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void startNow() {
        try {
            configDirectory = Files.createTempDirectory("chatapp-test-pg-");
            Path hba = configDirectory.resolve("pg_hba.conf");
            Files.writeString(hba, String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256",
                    ""), StandardCharsets.US_ASCII);
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("hba_file", hba.toString())
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            } catch (SQLException e) {
                close();
                throw new IllegalStateException("Could not prepare the embedded PostgreSQL", e);
            }
        } catch (IOException e) {
            deleteRecursively(configDirectory);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the plugin's database, without credentials (as an operator would configure it). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The plugin's database, connected as the superuser, for checks behind the plugin's back. */
    public DataSource admin() {
        return postgres.getDatabase("postgres", DATABASE);
    }

    /** Raw settings for the plugin pointing at this database, with the given schema and an HTTP port of 0. */
    public Map<String, String> properties(String schema) {
        Map<String, String> values = new HashMap<>();
        values.put(Settings.DB_URL.name(), jdbcUrl());
        values.put(Settings.DB_USERNAME.name(), USER);
        values.put(Settings.DB_PASSWORD.name(), PASSWORD);
        values.put(Settings.DB_SCHEMA.name(), schema);
        values.put(Settings.DB_POOL_SIZE.name(), "3");
        values.put(Settings.HTTP_BIND.name(), "127.0.0.1");
        values.put(Settings.HTTP_PORT.name(), "0");
        values.put(Settings.HTTP_THREADS.name(), "2");
        return values;
    }

    public Settings settings(String schema) {
        return Settings.read(SettingsSource.of(properties(schema)));
    }

    /** Rows of a query run as the superuser in the plugin's database, each row a list of column values. */
    public List<List<Object>> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = admin().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Runs one SQL statement as the superuser in the plugin's database. */
    public void execute(String sql) {
        try (Connection connection = admin().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
            deleteRecursively(configDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Only a temporary directory: nothing to do.
        }
    }
}
