package io.chatapp.benchmarks.messaging;

import io.chatapp.benchmarks.LoadGenerators;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.DevServerConfig;

/**
 * The server side of {@link OneToOneBenchmark}, in a JVM of its own: boots the dev server (embedded PostgreSQL,
 * Openfire 4.2.0) with or without the chat-app plugin in a fresh temporary folder, creates the benchmark's users,
 * prints one {@code READY} line and runs until its standard input closes; then stops and deletes the folder.
 *
 * <p>Arguments: {@code with|without}, the number of pairs, the users' password, {@code true|false} for TCP_NODELAY
 * on client connections ({@code xmpp.socket.tcp-nodelay}).
 */
public final class BenchmarkServer {

    static final String READY = "@@READY ";

    private BenchmarkServer() {
    }

    public static void main(String[] args) throws Exception {
        boolean plugin = switch (args[0]) {
            case "with" -> true;
            case "without" -> false;
            default -> throw new IllegalArgumentException("with or without, not " + args[0]);
        };
        int pairs = Integer.parseInt(args[1]);
        String password = args[2];
        String noDelay = Boolean.toString(Boolean.parseBoolean(args[3]));
        LoadGenerators.runInTemporaryFolderAndExit("one-to-one-benchmark-", data -> {
            try (DevServer server = DevServer.start(DevServerConfig.forTests(data).withPlugin(plugin)
                    .withProperty("xmpp.socket.tcp-nodelay", noDelay))) {
                for (int i = 0; i < pairs; i++) {
                    server.createUser(sender(i), password);
                    server.createUser(receiver(i), password);
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

    static String sender(int pair) {
        return "bench-sender-" + pair;
    }

    static String receiver(int pair) {
        return "bench-receiver-" + pair;
    }
}
