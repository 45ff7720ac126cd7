package io.chatapp.plugin.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.chatapp.plugin.config.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The plugin's own connection pool on its own PostgreSQL schema. Opening it creates the schema if needed
 * and applies pending migrations, so that every feature finds its tables ready.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final String schema;

    private Database(HikariDataSource pool, String schema) {
        this.pool = pool;
        this.schema = schema;
    }

    public static Database open(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("chatapp-db");
        // The plugin's own (relocated) driver, named by its class: a lookup by URL through DriverManager -- which is
        // also what PGSimpleDataSource does -- can pick Openfire's copy of the driver instead, whose connections are
        // not the plugin's PGConnection (the archive's COPY needs that).
        config.setDriverClassName(org.postgresql.Driver.class.getName());
        config.setJdbcUrl(settings.databaseUrl());
        config.setUsername(settings.databaseUsername());
        config.setPassword(settings.databasePassword());
        config.setMaximumPoolSize(settings.databasePoolSize());
        config.setMinimumIdle(Math.min(2, settings.databasePoolSize()));
        config.setSchema(settings.databaseSchema());
        // How long a caller waits for a connection before failing (and /health reports the database down).
        config.setConnectionTimeout(settings.databaseConnectionTimeoutMillis());
        // Fail start-up at once when the database cannot be reached, with the driver's own message.
        config.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            // Hikari connects in its constructor; a wrong password or host surfaces here.
            throw new StorageException("Cannot connect to the database at " + settings.databaseUrl() + " (schema "
                    + settings.databaseSchema() + "): " + rootMessage(e), e);
        }
        try {
            createSchema(pool, settings.databaseSchema());
            new SchemaMigrator(pool, settings.databaseSchema()).migrate();
            return new Database(pool, settings.databaseSchema());
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new StorageException("Could not prepare database schema " + settings.databaseSchema()
                    + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void createSchema(DataSource pool, String schema) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            // The name was validated as a plain identifier by Settings.
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public String schema() {
        return schema;
    }

    /** True when a connection can be had and answers a trivial query within the given time. */
    public boolean isReachable(int timeoutSeconds) {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
