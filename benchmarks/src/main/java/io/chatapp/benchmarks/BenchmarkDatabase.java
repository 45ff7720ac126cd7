package io.chatapp.benchmarks;

import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.config.SettingsSource;
import io.chatapp.plugin.storage.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL of a load generator's own, tuned as one would run it for the plugin, with the plugin's
 * {@link Database} (migrated schema, relocated driver) on it. Its data folder is deleted on close unless kept.
 */
public final class BenchmarkDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Database database;
    private final Path data;
    private final boolean keep;

    private BenchmarkDatabase(EmbeddedPostgres postgres, Database database, Path data, boolean keep) {
        this.postgres = postgres;
        this.database = database;
        this.data = data;
        this.keep = keep;
    }

    /**
     * Starts it with the options {@code --data} (a folder; default a new one under /tmp), {@code --keep},
     * {@code --synchronous-commit} (on) and {@code --shared-buffers} (2GB).
     */
    public static BenchmarkDatabase start(Map<String, String> options, String prefix) throws IOException {
        Path data = options.containsKey("data") ? Path.of(options.get("data")) : Files.createTempDirectory(prefix);
        // A server tuned as one would run it for this: a quarter of the memory as shared buffers would be 6 GB here;
        // 2 GB is enough for the hot part. Commits are durable as in production: zonky's default turns
        // synchronous_commit off, so it is set back on (fsync is on).
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", options.getOrDefault("synchronous-commit", "on"))
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("shared_buffers", options.getOrDefault("shared-buffers", "2GB"))
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("maintenance_work_mem", "1GB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("effective_cache_size", "16GB")
                .setServerConfig("random_page_cost", "1.1")
                .start();
        // The plugin's pool connects through DriverManager, which picks the first registered driver for the URL:
        // here the embedded server's own (unrelocated) pgjdbc. Deregister it while the plugin's pool opens so that
        // the plugin gets its relocated driver, as it should in Openfire (see docs/benchmarks.md); then register it
        // again, for the next embedded server started in this JVM (the harness tests run in one).
        List<java.sql.Driver> embedded = new ArrayList<>();
        for (java.sql.Driver driver : java.util.Collections.list(java.sql.DriverManager.getDrivers())) {
            if (driver.getClass().getName().startsWith("org.postgresql.")) {
                embedded.add(driver);
            }
        }
        Map<String, String> values = new HashMap<>();
        values.put(Settings.DB_URL.name(), "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        values.put(Settings.DB_USERNAME.name(), "postgres");
        values.put(Settings.DB_SCHEMA.name(), "chatapp");
        values.put(Settings.DB_POOL_SIZE.name(), "8");
        Database database;
        try {
            for (java.sql.Driver driver : embedded) {
                java.sql.DriverManager.deregisterDriver(driver);
            }
            database = Database.open(Settings.read(SettingsSource.of(values)));
            for (java.sql.Driver driver : embedded) {
                java.sql.DriverManager.registerDriver(driver);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new BenchmarkDatabase(postgres, database, data, options.containsKey("keep"));
    }

    public Database database() {
        return database;
    }

    public Path data() {
        return data;
    }

    /** The first column of the first row of a query, as text. */
    public String text(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public void close() throws IOException {
        database.close();
        postgres.close();
        if (!keep && Files.exists(data)) {
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
