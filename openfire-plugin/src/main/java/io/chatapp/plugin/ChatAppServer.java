package io.chatapp.plugin;

import io.chatapp.plugin.auth.Accounts;
import io.chatapp.plugin.concurrent.DaemonThreads;
import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.health.HealthRoute;
import io.chatapp.plugin.http.HttpApiServer;
import io.chatapp.plugin.http.JsonRequests;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.storage.PluginNodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the plugin runs, independent of Openfire: the parts every feature shares (database, scheduler, HTTP
 * server, health), then each {@link Feature} of the list, in its order. {@link #start} opens parts in order and
 * {@link #close} closes them in exactly the reverse order (one {@link Closer}), so a plugin reload leaks nothing; a
 * failure half-way through closes what was already open. The HTTP server starts last, once every route is there, and
 * stops first, before the services its requests use.
 */
public final class ChatAppServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatAppServer.class);

    private final Closer closer;
    private final Database database;
    private final HttpApiServer http;
    private final Services services;
    private final String version;

    private ChatAppServer(Closer closer, Database database, HttpApiServer http, Services services, String version) {
        this.closer = closer;
        this.database = database;
        this.http = http;
        this.services = services;
        this.version = version;
    }

    /** What is bound to the services once every feature has started, before the HTTP server serves (e.g. Openfire). */
    @FunctionalInterface
    public interface Binding {
        /** Binds; the result undoes it, and is closed before the features' parts. */
        AutoCloseable bind(Services services);
    }

    /** Starts with nothing bound: the features and their HTTP routes only (tests without Openfire). */
    public static ChatAppServer start(Settings settings, String nodeId, Accounts accounts, List<Feature> features) {
        return start(settings, nodeId, accounts, features, services -> () -> { });
    }

    /**
     * Starts every feature, then the binding, then the HTTP server, so that {@code /health} answers only once the
     * whole plugin is in place.
     */
    public static ChatAppServer start(Settings settings, String nodeId, Accounts accounts, List<Feature> features,
                                      Binding binding) {
        String version = pluginVersion();
        Closer closer = new Closer();
        HttpApiServer unstarted = null;
        try {
            Database database = closer.open(Database.open(settings));
            new PluginNodes(database.dataSource()).register(nodeId, version);
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                    DaemonThreads.named("chatapp-scheduler"));
            closer.onClose(() -> {
                scheduler.shutdownNow();
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            });
            Jobs jobs = new Jobs(scheduler);

            // Bound now, so that features know its port; started and put on the closer only after every feature.
            HttpApiServer http = new HttpApiServer(settings.httpBindAddress(), settings.httpPort(), settings.httpThreads(),
                    settings.httpLimits());
            unstarted = http;
            http.route("GET", "/health", new HealthRoute(version, nodeId, database));
            Services services = new Services();
            services.provide(Jobs.class, jobs);
            FeatureContext context = new FeatureContext(settings, nodeId, version, accounts, database,
                    Clock.systemUTC(), jobs, http, new JsonRequests(settings.httpMaxBodyBytes()), services, closer);
            for (Feature feature : features) {
                try {
                    feature.start(context);
                } catch (Exception e) {
                    throw new IllegalStateException("chat-app could not start " + feature.name() + ": "
                            + e.getMessage(), e);
                }
            }
            closer.open(binding.bind(services));
            closer.open(http);
            unstarted = null;
            http.start();

            LOG.info("chat-app {} started on node {} with {}", version, nodeId, settings);
            return new ChatAppServer(closer, database, http, services, version);
        } catch (IOException | SQLException | RuntimeException e) {
            if (unstarted != null) {
                unstarted.close();
            }
            closer.close();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("chat-app could not start: " + e.getMessage(), e);
        }
    }

    public Database database() {
        return database;
    }

    /** The services the features provide, for their Openfire bindings. */
    public Services services() {
        return services;
    }

    /** The HTTP API's routes, as {@link HttpApiServer#routeTable()}. */
    public List<String> httpRoutes() {
        return http.routeTable();
    }

    public int httpPort() {
        return http.port();
    }

    public String version() {
        return version;
    }

    @Override
    public void close() {
        closer.close();
        LOG.info("chat-app {} stopped", version);
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
