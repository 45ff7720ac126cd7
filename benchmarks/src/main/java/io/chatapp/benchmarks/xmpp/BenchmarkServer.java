package io.chatapp.benchmarks.xmpp;

import io.chatapp.benchmarks.LoadGenerators;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.DevServerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The server side of the messaging load generators ({@link ServerUnderTest}), in a JVM of its own: boots the dev
 * server (embedded PostgreSQL, Openfire 4.2.0) with or without the chat-app plugin in a fresh temporary folder,
 * creates the benchmark's users, prints one {@code READY} line and runs until its standard input closes; then stops
 * and deletes the folder.
 *
 * <p>Arguments: {@code with|without}, the users' password, {@code true|false} for TCP_NODELAY on client connections
 * ({@code xmpp.socket.tcp-nodelay}), then one {@code prefix:count} per kind of user: users {@code prefix0} to
 * {@code prefix<count-1>} (see {@link #user}).
 */
public final class BenchmarkServer {

    static final String READY = "@@READY ";
    /** The argument that makes users mutual contacts: {@code mutual:owner:prefix:count}. */
    public static final String MUTUAL = "mutual:";

    private BenchmarkServer() {
    }

    /**
     * The plugin's settings given to this JVM as system properties ({@code chatapp.*}), e.g.
     * {@code -Dchatapp.benchmark.serverJvmOptions=-Dchatapp.archive.journal.mode=off} on the load generator to compare
     * the archive journal's modes.
     */
    private static java.util.Map<String, String> pluginSettings() {
        java.util.Map<String, String> settings = new java.util.TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("chatapp.") && !name.startsWith("chatapp.benchmark."))
                .forEach(name -> settings.put(name, System.getProperty(name)));
        return settings;
    }

    public static void main(String[] args) throws Exception {
        boolean plugin = switch (args[0]) {
            case "with" -> true;
            case "without" -> false;
            default -> throw new IllegalArgumentException("with or without, not " + args[0]);
        };
        String password = args[1];
        String noDelay = Boolean.toString(Boolean.parseBoolean(args[2]));
        LoadGenerators.runInTemporaryFolderAndExit("messaging-benchmark-", data -> {
            try (DevServer server = DevServer.start(DevServerConfig.forTests(data).withPlugin(plugin)
                    .withProperty("xmpp.socket.tcp-nodelay", noDelay).withProperties(pluginSettings()))) {
                List<String[]> mutual = new ArrayList<>();
                for (int a = 3; a < args.length; a++) {
                    if (args[a].startsWith(MUTUAL)) {
                        mutual.add(args[a].substring(MUTUAL.length()).split(":"));
                        continue;
                    }
                    String prefix = args[a].substring(0, args[a].lastIndexOf(':'));
                    int count = Integer.parseInt(args[a].substring(args[a].lastIndexOf(':') + 1));
                    for (int i = 0; i < count; i++) {
                        server.createUser(user(prefix, i), password);
                    }
                }
                for (String[] contacts : mutual) {
                    MutualRosters.befriend(server.domain(), contacts[0], contacts[1], Integer.parseInt(contacts[2]));
                }
                System.out.println(READY + server.domain() + " " + server.xmppPort() + " " + server.certificate()
                        + " " + data.resolve("postgres/postmaster.pid"));
                System.out.flush();
                while (System.in.read() >= 0) {
                    // Runs until the benchmark closes our standard input (or ends).
                }
            }
        });
    }

    /** The username of user {@code index} of a kind, e.g. {@code bench-sender-3}. */
    public static String user(String prefix, int index) {
        return prefix + index;
    }
}
