package io.chatapp.benchmarks.xmpp;

import io.chatapp.benchmarks.LoadGenerators;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.X509TrustManager;

/**
 * A server a messaging load generator runs against: Openfire 4.2.0 with or without the chat-app plugin, booted
 * afresh in a JVM of its own ({@link BenchmarkServer}) so that neither server of a comparison inherits the other's
 * JIT, heap or database. Knows where to connect and how much CPU the server has used; {@link #close()} stops it.
 */
public final class ServerUnderTest implements AutoCloseable {

    private final Process process;
    private final Thread stopOnExit;
    private final String name;
    private final String domain;
    private final int port;
    private final X509TrustManager trust;
    private final Path postmasterPid;

    private ServerUnderTest(Process process, Thread stopOnExit, String name, String ready) throws Exception {
        this.process = process;
        this.stopOnExit = stopOnExit;
        this.name = name;
        String[] fields = ready.split(" ");
        this.domain = fields[0];
        this.port = Integer.parseInt(fields[1]);
        this.trust = LoadGenerators.trusting(Path.of(fields[2]));
        this.postmasterPid = Path.of(fields[3]);
    }

    /** A system property of the load generator: more options for the servers' JVMs, separated by spaces. */
    public static final String SERVER_JVM_OPTIONS = "chatapp.benchmark.serverJvmOptions";

    /**
     * Boots a server with the plugin or without it, with the same JVM heap ({@code -Xms}/{@code -Xmx}) either way, and
     * creates its users: one {@code prefix:count} per kind ({@link BenchmarkServer#user}). Waits until it is ready.
     */
    public static ServerUnderTest start(boolean plugin, String heap, String password, boolean tcpNoDelay,
            List<String> users) throws Exception {
        String name = plugin ? "with" : "without";
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms" + heap, "-Xmx" + heap));
        // For profiling, e.g. -Dchatapp.benchmark.serverJvmOptions=-XX:StartFlightRecording=filename=with.jfr
        String extra = System.getProperty(SERVER_JVM_OPTIONS, "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchmarkServer.class.getName(),
                name, password, Boolean.toString(tcpNoDelay)));
        command.addAll(users);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread stopOnExit = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            return new ServerUnderTest(process, stopOnExit, name, awaitReady(process));
        } catch (Exception e) {
            process.destroy();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            throw e;
        }
    }

    /** {@code with} or {@code without} (the plugin). */
    public String name() {
        return name;
    }

    public String domain() {
        return domain;
    }

    public int port() {
        return port;
    }

    /** Trusts exactly this server's self-signed certificate. */
    public X509TrustManager trust() {
        return trust;
    }

    /** CPU time the server has used so far: its JVM, PostgreSQL's postmaster and the postmaster's backends. */
    public Duration cpu() {
        return cpu(process.toHandle()).plus(databaseCpu());
    }

    /** The part of {@link #cpu()} that PostgreSQL used: its postmaster and the postmaster's backends. */
    public Duration databaseCpu() {
        Duration total = Duration.ZERO;
        try {
            long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
            if (postmaster != null) {
                for (ProcessHandle each : Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList()) {
                    total = total.plus(cpu(each));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No PostgreSQL figures: zero, and cpu() is the JVM's alone.
        }
        return total;
    }

    /**
     * Waits until the server is idle (under a tenth of a core over a quarter of a second), at most {@code timeout}:
     * work a run set off in the background (archive writes, receipts) then counts towards that run's CPU.
     */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration before = cpu();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            Duration now = cpu();
            if (now.minus(before).toMillis() < 25) {
                return;
            }
            before = now;
        }
    }

    /** Stops the server (closing its standard input) and waits for it, a minute at most. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroy();
        }
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The server's {@code READY} line (without the marker); its other output is passed on, marked as its. */
    private static String awaitReady(Process server) throws Exception {
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(BenchmarkServer.READY)) {
                        ready.complete(line.substring(BenchmarkServer.READY.length()));
                    } else {
                        System.out.println("[server] " + line);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IOException("The server ended before it was ready"));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        return ready.get(3, TimeUnit.MINUTES);
    }
}
