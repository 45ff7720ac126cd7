package io.chatapp.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jivesoftware.openfire.container.Plugin;

/**
 * Openfire 5.2 from its distribution, in a JVM of its own started with this JVM's Java ({@code java.home}), through
 * {@link OpenfireProcessLauncher}: the child exits when its standard input ends, so it dies with this JVM even when
 * that is killed; a shutdown hook stops it on an ordinary exit. Accounts are created through the dev server's
 * control plugin ({@code io.chatapp.devserver.control}), which calls Openfire's {@code UserManager} as the
 * in-process target does.
 */
final class Openfire5Process implements OpenfireRuntime {

    static final String OUTPUT_LOG = "logs/process.log";

    private final PipedChild process;
    private final Path home;
    private final URI control;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Openfire5Process(PipedChild process, Path home, int controlPort, String secret) {
        this.process = process;
        this.home = home;
        this.control = URI.create("http://127.0.0.1:" + controlPort + "/users/");
        this.secret = secret;
    }

    static Openfire5Process start(Path home, int controlPort, String secret) throws IOException {
        Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
        Path lib = home.resolve("lib");
        List<String> command = List.of(javaExecutable.toString(), "-Xmx768m",
                "-DopenfireHome=" + home, "-Dopenfire.lib.dir=" + lib,
                "-Dlog4j.configurationFile=" + lib.resolve("log4j2.xml"), "-Dlog4j2.formatMsgNoLookups=true",
                "-Djava.security.properties=" + home.resolve("resources/security/java.security"),
                "-Djdk.tls.ephemeralDHKeySize=matched", "-Djsse.SSLEngine.acceptLargeFragments=true",
                "-cp", OpenfireHome.LAUNCHER_DIRECTORY + java.io.File.pathSeparator + "lib/startup.jar",
                OpenfireProcessLauncher.class.getName());
        PipedChild process = PipedChild.start(new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve(OUTPUT_LOG).toFile()), "openfire5",
                Duration.ofSeconds(20));
        return new Openfire5Process(process, home, controlPort, secret);
    }

    /** Why the child is gone, or {@code null} while it runs. */
    String failure() {
        if (process.isAlive()) {
            return null;
        }
        return "Openfire 5.2 exited with " + process.exitValue() + ":\n" + tail(home.resolve(OUTPUT_LOG));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** True once the control plugin answers, i.e. Openfire has loaded its plugins. */
    boolean controlIsReady() {
        try {
            return send(HttpRequest.newBuilder(control.resolve("-")).GET()) > 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    @Override
    public void createUser(String username, String password) {
        int status = send(HttpRequest.newBuilder(control.resolve(username))
                .PUT(HttpRequest.BodyPublishers.ofString(password, StandardCharsets.UTF_8)));
        if (status == 409) {
            throw new IllegalArgumentException("User " + username + " already exists");
        }
        if (status != 201) {
            throw new IllegalStateException("Openfire 5.2 refused to create " + username + ": HTTP " + status);
        }
    }

    @Override
    public boolean userExists(String username) {
        int status = send(HttpRequest.newBuilder(control.resolve(username)).GET());
        if (status != 200 && status != 404) {
            throw new IllegalStateException("Openfire 5.2 could not look up " + username + ": HTTP " + status);
        }
        return status == 200;
    }

    private int send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("X-Secret", secret).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("Openfire 5.2's control plugin did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public Plugin chatAppPlugin() {
        throw new UnsupportedOperationException("Openfire 5.2 runs in a process of its own: no plugin object here");
    }

    @Override
    public int clientSessionCount() {
        throw new UnsupportedOperationException("Openfire 5.2 runs in a process of its own: count sessions there");
    }

    @Override
    public void restartPluginInPlace() {
        throw new UnsupportedOperationException("Openfire 5.2 runs in a process of its own: no in-place restart");
    }

    @Override
    public void close() {
        process.close();
    }
}
