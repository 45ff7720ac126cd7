package io.chatapp.devserver;

import java.nio.file.Path;

/**
 * How to run the dev server. Ports of 0 are replaced by free ones at start. {@code database} is {@code null} for
 * the embedded PostgreSQL kept under {@code dataDirectory/postgres}.
 *
 * @param dataDirectory      where Openfire's home, the database and the certificate live; kept across restarts
 * @param domain             the XMPP domain
 * @param hostname           the host name clients connect to (also in the TLS certificate)
 * @param xmppPort           client-to-server port (STARTTLS optional)
 * @param httpBindPort       BOSH ({@code /http-bind/}) and WebSocket ({@code /ws/}) port
 * @param pluginHttpPort     the chat-app plugin's HTTP API port
 * @param postgresPort       port of the embedded PostgreSQL
 * @param database           an external PostgreSQL, or {@code null} for the embedded one
 * @param inBandRegistration whether clients may register accounts (XEP-0077)
 * @param properties         further Openfire system properties (e.g. {@code chatapp.*} plugin settings), written
 *                           after the dev server's own and so able to override them
 * @param plugin             whether the chat-app plugin is installed; {@code false} gives plain Openfire 4.2.0 on
 *                           the same database and settings, for comparisons (the load benchmarks)
 */
public record DevServerConfig(
        Path dataDirectory,
        String domain,
        String hostname,
        int xmppPort,
        int httpBindPort,
        int pluginHttpPort,
        int postgresPort,
        DatabaseConfig database,
        boolean inBandRegistration,
        java.util.Map<String, String> properties,
        boolean plugin) {

    public DevServerConfig {
        properties = java.util.Map.copyOf(properties);
    }

    /** A configuration with the chat-app plugin installed. */
    public DevServerConfig(Path dataDirectory, String domain, String hostname, int xmppPort, int httpBindPort,
            int pluginHttpPort, int postgresPort, DatabaseConfig database, boolean inBandRegistration,
            java.util.Map<String, String> properties) {
        this(dataDirectory, domain, hostname, xmppPort, httpBindPort, pluginHttpPort, postgresPort, database,
                inBandRegistration, properties, true);
    }

    /** The defaults of {@code chatapp-dev-server}: standard ports, domain {@code localhost}. */
    public static DevServerConfig defaults(Path dataDirectory) {
        return new DevServerConfig(dataDirectory, "localhost", "localhost", 5222, 7070, 9097, 0, null, true, java.util.Map.of());
    }

    /** Free ports everywhere, so tests never collide with a running dev server or each other. */
    public static DevServerConfig forTests(Path dataDirectory) {
        return new DevServerConfig(dataDirectory, "localhost", "localhost", 0, 0, 0, 0, null, true, java.util.Map.of());
    }

    public DevServerConfig withDatabase(DatabaseConfig external) {
        return new DevServerConfig(dataDirectory, domain, hostname, xmppPort, httpBindPort, pluginHttpPort,
                postgresPort, external, inBandRegistration, properties, plugin);
    }

    public DevServerConfig withPorts(int xmpp, int httpBind, int pluginHttp) {
        return new DevServerConfig(dataDirectory, domain, hostname, xmpp, httpBind, pluginHttp, postgresPort,
                database, inBandRegistration, properties, plugin);
    }

    public DevServerConfig withInBandRegistration(boolean enabled) {
        return new DevServerConfig(dataDirectory, domain, hostname, xmppPort, httpBindPort, pluginHttpPort,
                postgresPort, database, enabled, properties, plugin);
    }

    /** This configuration with one more Openfire system property. */
    public DevServerConfig withProperty(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(properties);
        more.put(name, value);
        return new DevServerConfig(dataDirectory, domain, hostname, xmppPort, httpBindPort, pluginHttpPort,
                postgresPort, database, inBandRegistration, more, plugin);
    }

    /** This configuration with or without the chat-app plugin (plain Openfire). */
    public DevServerConfig withPlugin(boolean installed) {
        return new DevServerConfig(dataDirectory, domain, hostname, xmppPort, httpBindPort, pluginHttpPort,
                postgresPort, database, inBandRegistration, properties, installed);
    }

    /** This configuration with further Openfire system properties. */
    public DevServerConfig withProperties(java.util.Map<String, String> more) {
        DevServerConfig config = this;
        for (java.util.Map.Entry<String, String> property : more.entrySet()) {
            config = config.withProperty(property.getKey(), property.getValue());
        }
        return config;
    }

    /** This configuration with every port of 0 replaced by a currently free port. */
    DevServerConfig withResolvedPorts() {
        return new DevServerConfig(dataDirectory, domain, hostname, orFree(xmppPort), orFree(httpBindPort),
                orFree(pluginHttpPort), orFree(postgresPort), database, inBandRegistration, properties, plugin);
    }

    static int orFree(int port) {
        if (port != 0) {
            return port;
        }
        return FreePorts.pick();
    }
}
