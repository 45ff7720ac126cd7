package io.chatapp.devserver;

import java.nio.file.Path;

/**
 * {@code bin/chatapp-dev-server [--data DIR] [--domain D] [--jdbc-url URL
 * --jdbc-user U --jdbc-password P] [--no-registration] [--no-plugin] [--property NAME=VALUE]...}: starts the local server and prints where to connect.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        DevServerConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chatapp-dev-server: " + e.getMessage());
            System.err.println("usage: chatapp-dev-server [--data DIR] [--domain DOMAIN] [--xmpp-port N]"
                    + " [--http-bind-port N] [--plugin-port N] [--jdbc-url URL --jdbc-user USER --jdbc-password PW]"
                    + " [--no-registration] [--no-plugin] [--property NAME=VALUE]...");
            System.exit(2);
            return;
        }
        DevServer server;
        try {
            server = DevServer.start(config);
        } catch (Exception e) {
            System.err.println("chatapp-dev-server: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        // Openfire and the embedded PostgreSQL each register a shutdown hook, and hooks run concurrently: the
        // database could stop while the plugin is still writing its last archive batch. So Ctrl+C and SIGTERM stop
        // the server first and the database after it, in order; the hooks then find nothing left to do.
        for (String name : new String[] {"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                try {
                    server.close();
                } finally {
                    System.exit(0);
                }
            });
        }
        System.out.println(banner(server));
        Thread.currentThread().join();
    }

    static String banner(DevServer server) {
        return """

                chat-app dev server is running (Openfire 4.2.0 + chat-app plugin on PostgreSQL)
                  XMPP domain      %s
                  XMPP (STARTTLS)  %s:%d   self-signed certificate: %s
                  WebSocket        %s
                  BOSH             %s
                  Plugin HTTP API  %s   (try %shealth)
                  Database         %s
                  Openfire home    %s
                Register and chat:  bin/chatapp register --server %s --port %d --trust %s alice
                Press Ctrl+C to stop.
                """.formatted(server.domain(), server.hostname(), server.xmppPort(), server.certificate(),
                server.webSocketUri(), server.boshUri(), server.pluginHttpUri(), server.pluginHttpUri(),
                server.database().jdbcUrl(), server.openfireHome(), server.hostname(), server.xmppPort(),
                server.certificate());
    }

    static DevServerConfig parse(String[] args) {
        DevServerConfig config = DevServerConfig.defaults(Path.of("data"));
        String jdbcUrl = null;
        String jdbcUser = "postgres";
        String jdbcPassword = "";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--data" -> config = withData(config, Path.of(value(args, ++i, arg)));
                case "--domain" -> config = new DevServerConfig(config.dataDirectory(), value(args, ++i, arg),
                        config.hostname(), config.xmppPort(), config.httpBindPort(), config.pluginHttpPort(),
                        config.postgresPort(), config.database(), config.inBandRegistration(), config.properties(),
                        config.plugin());
                case "--xmpp-port" -> config = config.withPorts(port(args, ++i, arg), config.httpBindPort(),
                        config.pluginHttpPort());
                case "--http-bind-port" -> config = config.withPorts(config.xmppPort(), port(args, ++i, arg),
                        config.pluginHttpPort());
                case "--plugin-port" -> config = config.withPorts(config.xmppPort(), config.httpBindPort(),
                        port(args, ++i, arg));
                case "--jdbc-url" -> jdbcUrl = value(args, ++i, arg);
                case "--jdbc-user" -> jdbcUser = value(args, ++i, arg);
                case "--jdbc-password" -> jdbcPassword = value(args, ++i, arg);
                case "--no-registration" -> config = config.withInBandRegistration(false);
                case "--no-plugin" -> config = config.withPlugin(false);
                case "--property" -> config = withProperty(config, value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (jdbcUrl != null) {
            config = config.withDatabase(new DatabaseConfig(jdbcUrl, jdbcUser, jdbcPassword));
        }
        return config;
    }

    /** {@code name=value}, e.g. {@code chatapp.lockout.maxSeconds=60} or {@code admin.authorizedJIDs=alice@localhost}. */
    private static DevServerConfig withProperty(DevServerConfig config, String assignment) {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("--property needs name=value, not " + assignment);
        }
        return config.withProperty(assignment.substring(0, equals), assignment.substring(equals + 1));
    }

    private static DevServerConfig withData(DevServerConfig c, Path data) {
        return new DevServerConfig(data, c.domain(), c.hostname(), c.xmppPort(), c.httpBindPort(),
                c.pluginHttpPort(), c.postgresPort(), c.database(), c.inBandRegistration(), c.properties(), c.plugin());
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int port(String[] args, int index, String option) {
        try {
            int port = Integer.parseInt(value(args, index, option));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a port number from 1 to 65535");
        }
    }
}
