package io.chatapp.plugin;

import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.health.HealthRoute;
import io.chatapp.plugin.http.HttpApiServer;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.storage.PluginNodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the plugin runs, independent of Openfire: storage, the HTTP API, and (in later features) the
 * services behind them. {@link #start} opens parts in order and {@link #close} closes them in exactly the
 * reverse order, so a plugin reload leaks nothing; a failure half-way through closes what was already open.
 */
public final class ChatAppServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatAppServer.class);

    private final Deque<AutoCloseable> opened;
    private final Database database;
    private final HttpApiServer http;
    private final String version;

    private ChatAppServer(Deque<AutoCloseable> opened, Database database, HttpApiServer http, String version) {
        this.opened = opened;
        this.database = database;
        this.http = http;
        this.version = version;
    }

    public static ChatAppServer start(Settings settings, String nodeId) {
        String version = pluginVersion();
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            Database database = push(opened, Database.open(settings));
            new PluginNodes(database.dataSource()).register(nodeId, version);

            HttpApiServer http = push(opened, new HttpApiServer(settings.httpBindAddress(), settings.httpPort(),
                    settings.httpThreads()));
            http.route("GET", "/health", new HealthRoute(version, nodeId, database));
            http.start();

            LOG.info("chat-app {} started on node {} with {}", version, nodeId, settings);
            return new ChatAppServer(opened, database, http, version);
        } catch (IOException | SQLException | RuntimeException e) {
            closeAll(opened);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("chat-app could not start: " + e.getMessage(), e);
        }
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> opened, T part) {
        opened.push(part);
        return part;
    }

    public Database database() {
        return database;
    }

    public int httpPort() {
        return http.port();
    }

    public String version() {
        return version;
    }

    @Override
    public void close() {
        closeAll(opened);
        LOG.info("chat-app {} stopped", version);
    }

    private static void closeAll(Deque<AutoCloseable> opened) {
        while (!opened.isEmpty()) {
            AutoCloseable part = opened.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", part.getClass().getSimpleName(), e);
            }
        }
    }

    static String pluginVersion() {
        try (InputStream in = ChatAppServer.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
