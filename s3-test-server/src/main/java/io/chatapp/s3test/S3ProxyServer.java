package io.chatapp.s3test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3-compatible server (S3Proxy on its file-system blob store) in a JVM of its own, on a free loopback port,
 * with random credentials and no bucket. A child JVM because S3Proxy's Jetty 11 cannot share a class path with the
 * Jetty 9.2 inside Openfire 4.2, which is on the plugin's test class path and in the integration tests' JVM.
 */
public final class S3ProxyServer implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "s3proxy.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    /** The child's output, in its directory: warnings only (see LOGBACK), read for failure messages. */
    private static final String LOG = "s3proxy.log";
    private static final String LOGBACK = """
            <configuration>
              <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
              </appender>
              <root level="WARN"><appender-ref ref="out"/></root>
            </configuration>
            """;

    private final Process process;
    private final Path directory;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final Thread shutdownHook;

    private S3ProxyServer(Process process, Path directory, URI endpoint, String accessKey, String secretKey) {
        this.process = process;
        this.directory = directory;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        // A JVM that exits without closing us (System.exit in a test) still takes the child with it.
        this.shutdownHook = new Thread(this::destroy, "s3proxy-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a server and waits until it accepts connections; retried on another port if the chosen one was taken. */
    public static S3ProxyServer start() throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            try {
                return startOnce(freePort());
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static S3ProxyServer startOnce(int port) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("s3proxy-");
        try {
            String accessKey = "AK" + randomHex(9).toUpperCase(java.util.Locale.ROOT);
            String secretKey = randomHex(20);
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Path properties = directory.resolve("s3proxy.properties");
            Properties config = new Properties();
            config.setProperty("s3proxy.endpoint", endpoint.toString());
            config.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            config.setProperty("s3proxy.identity", accessKey);
            config.setProperty("s3proxy.credential", secretKey);
            // The in-memory store, because it behaves like S3 where S3Proxy's file-system stores do not: they write
            // an upload in place under a temporary name, list it as a key, and leave it behind when the upload is
            // cut off. Objects therefore live in the child's heap (sized for the tests' largest, 96 MB, twice).
            config.setProperty("jclouds.provider", "transient");
            config.setProperty("jclouds.identity", "local");
            config.setProperty("jclouds.credential", "local");
            try (var writer = Files.newBufferedWriter(properties)) {
                config.store(writer, "written by S3ProxyServer");
            }
            // Without a configuration logback logs everything at DEBUG: warnings are what a failing test needs.
            Path logback = directory.resolve("logback.xml");
            Files.writeString(logback, LOGBACK);
            Process process = new ProcessBuilder(List.of(javaExecutable(), "-Xmx768m",
                    "-Dlogback.configurationFile=" + logback, "-cp", classPath(),
                    S3ProxyLauncher.class.getName(), "--properties", properties.toString()))
                    .redirectErrorStream(true).redirectOutput(directory.resolve(LOG).toFile()).start();
            S3ProxyServer server = new S3ProxyServer(process, directory, endpoint, accessKey, secretKey);
            try {
                server.awaitListening(port);
                return server;
            } catch (IOException | InterruptedException | RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            deleteRecursively(directory);
            throw e;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The child JVM's process id. */
    public long pid() {
        return process.pid();
    }

    /** What the server printed so far, for failure messages. */
    public String output() {
        try {
            return Files.readString(directory.resolve(LOG), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Stops the child JVM (its objects, held in its memory, go with it), waits until it is gone, removes its files. */
    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs (or ran) destroy() itself
        }
        deleteRecursively(directory);
    }

    /** What the operating system does when this JVM dies: the child's standard input reaches its end. */
    void closeParentPipe() throws IOException {
        process.getOutputStream().close();
    }

    private void destroy() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy exited with " + process.exitValue() + ":\n" + output());
            }
            // The port is bound only once S3Proxy has configured its blob store, so a connection means ready.
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("S3Proxy did not listen on port " + port + " within " + START_TIMEOUT + ":\n" + output());
    }

    /** S3Proxy's jars (written by the build) and this module's classes, for the launcher. */
    private static String classPath() throws IOException {
        try (InputStream in = S3ProxyServer.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IOException(CLASSPATH_RESOURCE + " is missing: build the s3-test-server module with Maven");
            }
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return ownLocation() + java.io.File.pathSeparator + jars;
        }
    }

    private static String ownLocation() {
        try {
            return Path.of(S3ProxyLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + directory, e);
        }
    }
}
