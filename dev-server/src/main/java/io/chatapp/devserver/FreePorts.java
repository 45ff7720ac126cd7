package io.chatapp.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks ports for servers that bind them a while later (Openfire, its HTTP servers, the plugin, PostgreSQL).
 *
 * <p>A port the kernel hands out for {@code new ServerSocket(0)} comes from the ephemeral range, the same range
 * every outgoing connection takes its local port from. Between the pick and the bind (seconds, for an Openfire in a
 * process of its own that first opens its database pool) such a connection can take the port, and the server then
 * fails to bind it; CI saw exactly that once ("Timed out waiting for BOSH/WebSocket port 32827"). So ports are picked
 * below the ephemeral range, where no outgoing connection lands, at random, checked free, and never twice in one JVM.
 */
public final class FreePorts {
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** A port that is free now, outside the ephemeral range where the system says what that range is. */
    public static synchronized int pick() {
        int ceiling = firstEphemeralPort();
        if (ceiling - LOWEST >= 1_000) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, ceiling);
                if (!HANDED_OUT.contains(port) && isFree(port)) {
                    HANDED_OUT.add(port);
                    return port;
                }
            }
        }
        return kernelChosen();
    }

    static int firstEphemeralPort() {
        try {
            // readAllLines, not readString: the latter returned "3" for this /proc file (it reports a size of 0)
            String[] range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux, or unreadable: let the kernel choose
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int kernelChosen() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
