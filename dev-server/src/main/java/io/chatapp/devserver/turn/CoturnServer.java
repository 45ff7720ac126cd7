package io.chatapp.devserver.turn;

import io.chatapp.devserver.FreePorts;
import io.chatapp.devserver.PipedChild;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real coturn ({@code turnserver}) for a test: on 127.0.0.1 (or another local address) and a free port, STUN and
 * TURN over UDP and TCP, no TLS, with the TURN REST API's shared secret ({@code use-auth-secret}): a credential is
 * username = {@code expiry-unix-time:user}, password = base64(HMAC-SHA1(secret, username)), as the plugin's XEP-0215
 * service hands them out. {@link #chatAppProperties()} are the plugin's settings that point at it.
 *
 * <p>The child is started through {@code sh}, which ends {@code turnserver} once its standard input (this JVM's pipe)
 * closes, so no coturn outlives a killed test JVM; {@link #close()} closes the pipe and waits.
 */
public final class CoturnServer implements AutoCloseable {

    /** coturn's server program (Debian package {@code coturn}), run from the PATH. */
    public static final String EXECUTABLE = "turnserver";
    /**
     * The relay ports are 100 from a random base in this range, so parallel test JVMs rarely share one (coturn tries
     * another port of its range when one is taken).
     */
    private static final int RELAY_BASE_LOW = 40_000;
    private static final int RELAY_BASE_HIGH = 59_000;
    private static final long START_TIMEOUT_MILLIS = 15_000;

    private final PipedChild process;
    private final Path directory;
    private final InetSocketAddress address;
    private final String realm;
    private final String secret;

    private CoturnServer(PipedChild process, Path directory, InetSocketAddress address, String realm, String secret) {
        this.process = process;
        this.directory = directory;
        this.address = address;
        this.realm = realm;
        this.secret = secret;
    }

    /** True when {@code turnserver} can be run here (tests that need it skip or fail with a clear message). */
    public static boolean installed() {
        try {
            Process probe = new ProcessBuilder("sh", "-c", "command -v " + EXECUTABLE).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts coturn on loopback, its config, log and database in {@code directory}; waits until it answers STUN. */
    public static CoturnServer start(Path directory) throws IOException, InterruptedException {
        return start(directory, InetAddress.getLoopbackAddress());
    }

    /**
     * Starts coturn listening on {@code address}, one of this host's addresses, which is also the address of the
     * relayed candidates it allocates (so clients that reach the listening address reach their peers' relays too).
     */
    public static CoturnServer start(Path directory, InetAddress address) throws IOException, InterruptedException {
        if (!installed()) {
            throw new IllegalStateException(EXECUTABLE + " (Debian package coturn) is not installed: run"
                    + " scripts/install-test-tools.sh");
        }
        Files.createDirectories(directory);
        int port = freePort(address);
        String ip = address.getHostAddress();
        String realm = "turn.chatapp.test";
        byte[] randomSecret = new byte[24];
        new SecureRandom().nextBytes(randomSecret);
        String secret = HexFormat.of().formatHex(randomSecret);
        int relayBase = ThreadLocalRandom.current().nextInt(RELAY_BASE_LOW, RELAY_BASE_HIGH);
        Path config = directory.resolve("turnserver.conf");
        Files.writeString(config, String.join("\n", List.of(
                "listening-ip=" + ip,
                "relay-ip=" + ip,
                "listening-port=" + port,
                "min-port=" + relayBase,
                "max-port=" + (relayBase + 99),
                "use-auth-secret",
                "static-auth-secret=" + secret,
                "realm=" + realm,
                "fingerprint",
                "no-tls",
                "no-dtls",
                "no-cli",
                "no-multicast-peers",
                // The tests' peers are on loopback too.
                "allow-loopback-peers",
                "userdb=" + directory.resolve("turndb"),
                "pidfile=" + directory.resolve("turnserver.pid"),
                "log-file=" + directory.resolve("turnserver.log"),
                "simple-log",
                // Sessions, allocations and their usage (bytes relayed) are logged only when verbose.
                "verbose",
                "no-stdout-log",
                "")), StandardCharsets.UTF_8);
        // sh keeps reading its standard input; when it ends (close(), or this JVM gone) it stops turnserver.
        String wrapper = "\"$0\" -c \"$1\" </dev/null & child=$!; cat >/dev/null; kill $child 2>/dev/null;"
                + " wait $child";
        PipedChild process = PipedChild.start(new ProcessBuilder("sh", "-c", wrapper, EXECUTABLE, config.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("process.log").toFile()), "coturn",
                Duration.ofSeconds(10));
        CoturnServer server = new CoturnServer(process, directory, new InetSocketAddress(address, port), realm,
                secret);
        try {
            server.awaitReady();
            return server;
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        try (TurnClient client = new TurnClient(address)) {
            while (System.currentTimeMillis() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("coturn exited with " + process.exitValue() + "; see "
                            + directory.resolve("turnserver.log"));
                }
                if (client.binding().isPresent()) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("coturn did not answer STUN on " + address + " within "
                + START_TIMEOUT_MILLIS + " ms; see " + directory.resolve("turnserver.log"));
    }

    /**
     * A port free for both TCP and UDP just now, below the ephemeral range as {@link FreePorts} picks them (a port
     * from that range may be taken by an outgoing connection before coturn binds it).
     */
    private static int freePort(InetAddress address) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = FreePorts.pick();
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port))) {
                return udp.getLocalPort();
            } catch (IOException e) {
                // taken for UDP: try another
            }
        }
        throw new IOException("no port free for both UDP and TCP on " + address);
    }

    public InetSocketAddress address() {
        return address;
    }

    public String host() {
        return address.getAddress().getHostAddress();
    }

    public int port() {
        return address.getPort();
    }

    public String realm() {
        return realm;
    }

    /** The shared secret of the TURN REST API scheme. */
    public String secret() {
        return secret;
    }

    /** The plugin's settings (docs/configuration.md) that offer this server through XEP-0215. */
    public Map<String, String> chatAppProperties() {
        return Map.of(
                "chatapp.calls.turn.host", host(),
                "chatapp.calls.turn.port", Integer.toString(port()),
                "chatapp.calls.turn.secret", secret);
    }

    @Override
    public void close() {
        process.close();
    }

    /** For messages: where its log is. */
    public Path log() {
        return directory.resolve("turnserver.log");
    }
}
