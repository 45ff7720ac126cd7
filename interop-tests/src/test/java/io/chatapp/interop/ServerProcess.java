package io.chatapp.interop;

import io.chatapp.devserver.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/chatapp-dev-server}'s jar run as a process of its own, on free ports and a fresh data directory, with or
 * without the plugin. A process rather than in this JVM: Openfire 4.2's libraries and Smack 4.5 cannot share a class
 * path. Its output goes to {@code server.log} in the data directory, which is also where it is read to know it is up.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final String READY = "chat-app dev server is running";
    private static final Pattern CERTIFICATE = Pattern.compile("self-signed certificate: (\\S+)");
    private static final Pattern DOMAIN = Pattern.compile("XMPP domain\\s+(\\S+)");

    private final Process process;
    private final Path log;
    private final int xmppPort;
    private final String domain;
    private final Path certificate;

    private ServerProcess(Process process, Path log, int xmppPort) throws IOException, InterruptedException {
        this.process = process;
        this.log = log;
        this.xmppPort = xmppPort;
        String banner = awaitBanner();
        this.domain = find(DOMAIN, banner);
        this.certificate = Path.of(find(CERTIFICATE, banner));
    }

    /**
     * Starts the dev server in {@code dataDirectory} (emptied first) with these Openfire and {@code chatapp.*}
     * properties, and returns once it accepts clients.
     */
    static ServerProcess start(Path dataDirectory, boolean plugin, Map<String, String> properties)
            throws IOException, InterruptedException {
        deleteRecursively(dataDirectory);
        Files.createDirectories(dataDirectory);
        int xmppPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of(System.getProperty("chatapp.devserver.jar")).toAbsolutePath().toString(),
                "--data", dataDirectory.toAbsolutePath().toString(),
                "--xmpp-port", Integer.toString(xmppPort),
                "--http-bind-port", Integer.toString(freePort()),
                "--plugin-port", Integer.toString(freePort())));
        if (!plugin) {
            command.add("--no-plugin");
        }
        properties.forEach((name, value) -> command.addAll(List.of("--property", name + "=" + value)));
        Path log = dataDirectory.resolve("server.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            return new ServerProcess(process, log, xmppPort);
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    String domain() {
        return domain;
    }

    int xmppPort() {
        return xmppPort;
    }

    /** The server's self-signed certificate (PEM), for clients to pin. */
    Path certificate() {
        return certificate;
    }

    private String awaitBanner() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (output.contains(READY) && output.contains("Press Ctrl+C")) {
                return output;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The dev server did not start within " + START_TIMEOUT
                        + "; its output:\n" + output);
            }
            Thread.sleep(200);
        }
    }

    private static String find(Pattern pattern, String banner) {
        Matcher matcher = pattern.matcher(banner);
        if (!matcher.find()) {
            throw new IllegalStateException("The dev server's banner has no " + pattern + ":\n" + banner);
        }
        return matcher.group(1);
    }

    /** SIGTERM, as Ctrl+C would: the dev server stops Openfire, then its database. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Below the ephemeral range (see {@link FreePorts}): the child binds these seconds later. */
    private static int freePort() {
        return FreePorts.pick();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
