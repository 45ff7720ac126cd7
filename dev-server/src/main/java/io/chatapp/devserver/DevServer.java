package io.chatapp.devserver;

import io.chatapp.devserver.control.DevControlPlugin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.log4j.xml.DOMConfigurator;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.container.Plugin;

/**
 * A real Openfire with the chat-app plugin installed from its assembled jar (or without it:
 * {@link DevServerConfig#plugin()}), on PostgreSQL: Openfire 4.2.0 started in this JVM from the Maven Central jars,
 * or Openfire 5.2 from its distribution in a process of its own ({@link OpenfireTarget}). Openfire 4.2's
 * {@link XMPPServer} is a JVM-wide singleton that leaves threads behind after {@code stop()}: run one dev server per
 * JVM.
 */
public final class DevServer implements AutoCloseable {

    /** How long start-up may take before it is reported as failed (boot is ~2 s, the plugin monitor adds some). */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DevServer.class);

    /** SCRAM-SHA-1 iteration count for stored passwords (Openfire's default is 4096). */
    public static final int SCRAM_ITERATIONS = 10_000;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final DevServerConfig config;
    private final OpenfireTarget target;
    private final PostgresDatabase database;
    private final OpenfireHome home;
    private final OpenfireRuntime openfire;

    private DevServer(DevServerConfig config, OpenfireTarget target, PostgresDatabase database, OpenfireHome home,
            OpenfireRuntime openfire) {
        this.config = config;
        this.target = target;
        this.database = database;
        this.home = home;
        this.openfire = openfire;
    }

    /** Openfire 4.2.0 in this JVM. */
    public static DevServer start(DevServerConfig requested) throws IOException, InterruptedException {
        return start(requested, OpenfireTarget.OPENFIRE_4_2);
    }

    /** The given Openfire: 4.2.0 in this JVM, or 5.2 in a process of its own (see {@link OpenfireTarget}). */
    public static DevServer start(DevServerConfig requested, OpenfireTarget target)
            throws IOException, InterruptedException {
        DevServerConfig config = requested.withResolvedPorts();
        for (int port : new int[] {config.xmppPort(), config.httpBindPort(), config.pluginHttpPort()}) {
            if (isListening(port)) {
                throw new IOException("Port " + port + " is already in use (is another server running?)");
            }
        }
        Path data = config.dataDirectory().toAbsolutePath();
        OpenfireHome home = new OpenfireHome(data.resolve("openfire"));
        Files.createDirectories(home.path().resolve("logs"));
        // Configured explicitly and first: the embedded database (and Openfire 4.2 in this JVM) log through log4j
        // 1.2, and the configuration names the log file under openfireHome.
        System.setProperty("openfireHome", home.path().toString());
        DOMConfigurator.configure(DevServer.class.getResource("log4j.xml"));
        Openfire5Distribution distribution = target == OpenfireTarget.OPENFIRE_5_2 ? Openfire5Distribution.locate()
                : null;
        PostgresDatabase database = config.database() == null
                ? PostgresDatabase.embedded(data.resolve("postgres"), config.postgresPort())
                : PostgresDatabase.external(config.database());
        OpenfireRuntime openfire = null;
        try {
            Map<String, String> properties = serverProperties(config, database.config());
            if (distribution == null) {
                home.prepare(database.config(), config.domain(), config.hostname(), config.plugin());
                installSchema(database, OpenfireSchema.bundledScript(), properties);
                openfire = new InProcessOpenfire(new XMPPServer());
            } else {
                distribution.unpackInto(home.path());
                home.prepareDistribution(database.config(), config.domain(), config.hostname(), config.plugin());
                int controlPort = DevServerConfig.orFree(0);
                String secret = java.util.UUID.randomUUID().toString();
                properties.put(DevControlPlugin.PORT_PROPERTY, Integer.toString(controlPort));
                properties.put(DevControlPlugin.SECRET_PROPERTY, secret);
                installSchema(database, home.distributionSchemaScript(), properties);
                openfire = Openfire5Process.start(home.path(), controlPort, secret);
            }
            DevServer server = new DevServer(config, target, database, home, openfire);
            server.awaitReady();
            return server;
        } catch (SQLException e) {
            database.close();
            throw new IOException("Could not prepare Openfire's database: " + e.getMessage(), e);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (openfire instanceof Openfire5Process) {
                openfire.close();
            }
            database.close();
            throw e;
        }
    }

    private static void installSchema(PostgresDatabase database, String script, Map<String, String> properties)
            throws SQLException {
        try (Connection connection = database.connect()) {
            OpenfireSchema.install(connection, script);
            OpenfireSchema.writeProperties(connection, properties);
        }
    }

    /** Openfire's settings, written to {@code ofProperty} before every start. */
    private static Map<String, String> serverProperties(DevServerConfig config, DatabaseConfig db) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("xmpp.domain", config.domain());
        p.put("xmpp.fqdn", config.hostname());
        p.put("xmpp.socket.plain.active", "true");
        p.put("xmpp.socket.plain.port", Integer.toString(config.xmppPort()));
        p.put("xmpp.client.tls.policy", "optional");
        // Openfire 4.2's MINA SSL filter predates TLS 1.3: when a TLS 1.3 client's Finished message and its first
        // encrypted bytes (the new stream header) arrive in one read, the filter leaves the latter unprocessed and
        // the client waits forever for the stream to restart. Seen reliably with a client in its own JVM; TLS 1.2
        // never stalled. Later Openfire versions (newer MINA) handle TLS 1.3.
        p.put("xmpp.socket.ssl.client.protocols", "TLSv1.2");
        // Only what the dev server needs listens: no legacy direct TLS, no s2s, components or multiplexers.
        p.put("xmpp.socket.ssl.active", "false");
        p.put("xmpp.server.socket.active", "false");
        p.put("xmpp.component.socket.active", "false");
        p.put("xmpp.component.ssl.active", "false");
        p.put("xmpp.multiplex.socket.active", "false");
        p.put("xmpp.multiplex.ssl.active", "false");
        p.put("xmpp.proxy.enabled", "false");
        p.put("mediaproxy.enabled", "false");
        p.put("flash.crossdomain.enabled", "false");
        p.put("httpbind.enabled", "true");
        p.put("httpbind.port.plain", Integer.toString(config.httpBindPort()));
        p.put("httpbind.port.secure", Integer.toString(DevServerConfig.orFree(0)));
        p.put("register.inband", Boolean.toString(config.inBandRegistration()));
        p.put("xmpp.auth.anonymous", "false");
        // Passwords are kept only as salted SCRAM-SHA-1 keys, never in a reversible form; more iterations than
        // Openfire's default 4096 make stolen keys costlier to attack. Clients keep logging in with SCRAM-SHA-1.
        p.put("user.scramHashedPasswordOnly", "true");
        p.put("sasl.scram-sha-1.iteration-count", Integer.toString(SCRAM_ITERATIONS));
        p.put("update.service-enabled", "false");
        p.put("update.notify-admins", "false");
        p.put("stream.management.active", "true");
        // Groups are rooms of a MUC service of their own (groups.<domain>, chatapp.groups.service), which the plugin
        // creates at start; conference.<domain> stays for standard rooms. MUC is on by default in Openfire 4.2, said
        // here because the plugin depends on it.
        p.put("xmpp.muc.enabled", "true");
        p.put("chatapp.db.url", db.jdbcUrl());
        p.put("chatapp.db.username", db.username());
        p.put("chatapp.db.password", db.password());
        p.put("chatapp.http.port", Integer.toString(config.pluginHttpPort()));
        p.putAll(config.properties());
        return p;
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        await("XMPP port " + config.xmppPort(), deadline, () -> isListening(config.xmppPort()));
        StartTlsProbe tls = new StartTlsProbe(config.domain(), config.xmppPort(), home.certificatePem());
        await("a STARTTLS handshake on port " + config.xmppPort(), deadline, tls::succeeds);
        if (tls.attempts() > 1) {
            LOG.warn("STARTTLS needed {} attempts before it worked", tls.attempts());
        }
        await("BOSH/WebSocket port " + config.httpBindPort(), deadline, () -> isListening(config.httpBindPort()));
        if (openfire instanceof Openfire5Process process) {
            await("the dev server's control plugin", deadline, process::controlIsReady);
        }
        if (config.plugin()) {
            await("chat-app plugin health at " + pluginHttpUri() + "health", deadline, this::pluginIsHealthy);
        }
    }

    private void await(String what, Instant deadline, BooleanSupplier condition)
            throws IOException, InterruptedException {
        while (!condition.getAsBoolean()) {
            if (openfire instanceof Openfire5Process process && process.failure() != null) {
                throw new IOException(process.failure());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("Timed out waiting for " + what + " (see the Openfire log under logs/)");
            }
            Thread.sleep(50);
        }
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the plugin's {@code /health} answers 200. */
    public boolean pluginIsHealthy() {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(pluginHttpUri().resolve("health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public DevServerConfig config() {
        return config;
    }

    public String domain() {
        return config.domain();
    }

    public String hostname() {
        return config.hostname();
    }

    public int xmppPort() {
        return config.xmppPort();
    }

    public URI pluginHttpUri() {
        return URI.create("http://" + config.hostname() + ":" + config.pluginHttpPort() + "/");
    }

    public URI boshUri() {
        return URI.create("http://" + config.hostname() + ":" + config.httpBindPort() + "/http-bind/");
    }

    public URI webSocketUri() {
        return URI.create("ws://" + config.hostname() + ":" + config.httpBindPort() + "/ws/");
    }

    /** The server's self-signed certificate (PEM), for clients that pin it. */
    public Path certificate() {
        return home.certificatePem();
    }

    public Path openfireHome() {
        return home.path();
    }

    public DatabaseConfig database() {
        return database.config();
    }

    public Connection connectToDatabase() throws SQLException {
        return database.connect();
    }

    /** Which Openfire this is. */
    public OpenfireTarget target() {
        return target;
    }

    /**
     * Creates an account in Openfire with its {@code UserManager}, as an operator would in the admin console: called
     * directly on 4.2, through the dev server's control plugin on 5.2.
     */
    public void createUser(String username, String password) {
        openfire.createUser(username, password);
    }

    public boolean userExists(String username) {
        return openfire.userExists(username);
    }

    /** The running chat-app plugin instance, as Openfire loaded it from the jar (Openfire 4.2 target only). */
    public Plugin chatAppPlugin() {
        return openfire.chatAppPlugin();
    }

    /**
     * How many client sessions Openfire holds, as its admin console's session summary counts them: connected ones
     * and detached XEP-0198 ones waiting to be resumed (Openfire 4.2 target only).
     */
    public int clientSessionCount() {
        return openfire.clientSessionCount();
    }

    /** Calls the plugin's destroy and then initialize, as Openfire does around a reload (Openfire 4.2 target only). */
    public void restartPluginInPlace() {
        openfire.restartPluginInPlace();
    }

    /** Stops Openfire and the embedded database. The JVM should exit afterwards (see class comment). */
    @Override
    public void close() {
        try {
            openfire.close();
        } finally {
            database.close();
        }
    }
}
