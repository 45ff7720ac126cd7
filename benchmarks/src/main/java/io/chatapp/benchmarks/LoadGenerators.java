package io.chatapp.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** What the load generators against the dev server share (see docs/benchmarks.md). */
public final class LoadGenerators {

    private LoadGenerators() {
    }

    /** What runs in a fresh temporary folder, typically the dev server's data. */
    @FunctionalInterface
    public interface InFolder {
        void run(Path folder) throws Exception;
    }

    /**
     * The end of a load generator's {@code main}: runs {@code body} in a fresh temporary folder named
     * {@code prefix…}, prints its failure if any, deletes the folder and exits the JVM with 0, or 1 after a failure.
     * Openfire leaves non-daemon threads behind after stop (see DevServer), so returning from {@code main} would not
     * end the process.
     */
    public static void runInTemporaryFolderAndExit(String prefix, InFolder body) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        int status = 0;
        try {
            body.run(folder);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            deleteRecursively(folder);
        }
        System.exit(status);
    }

    /** A load generator's work, given its parsed options. */
    @FunctionalInterface
    public interface Generator<O> {
        void run(O options) throws Exception;
    }

    /**
     * The whole of a load generator's {@code main}: parses the options (a bad one: its message and the usage, exit
     * status 2), prints the JDK, cores, load average and options, runs the generator and exits the JVM with 0, or 1
     * after printing its failure (Openfire leaves non-daemon threads behind, see above).
     */
    public static <O> void runAndExit(String[] args, Function<String[], O> parse, String usage,
            Generator<O> generator) {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage);
            System.exit(2);
            return;
        }
        int status = 0;
        try {
            System.out.printf("JDK %s, %d cores, load average before: %s%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            System.out.println(options);
            generator.run(options);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** Sends one paced message. */
    @FunctionalInterface
    public interface PacedSend {
        /** Message {@code index}, due at {@code due} on the clock, is sent now, {@code lagNanos} after it was due. */
        void send(long index, long due, long lagNanos) throws Exception;
    }

    /**
     * Open-loop pacing: message {@code i} is due at {@code due(i)} on {@code clock} (nanoseconds) whatever happened to
     * the ones before; sends each at its instant until the next one would be due at or after {@code end}.
     */
    public static void sendPaced(LongUnaryOperator due, long end, LongSupplier clock, PacedSend send)
            throws Exception {
        for (long i = 0; ; i++) {
            long at = due.applyAsLong(i);
            if (at >= end) {
                return;
            }
            long wait;
            while ((wait = at - clock.getAsLong()) > 0) {
                LockSupport.parkNanos(wait);
            }
            send.send(i, at, clock.getAsLong() - at);
        }
    }

    /** Waits until {@code done} holds or {@code timeout} passed, looking every 20 ms. */
    public static void awaitUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** A trust manager that trusts exactly the dev server's self-signed certificate (PEM). */
    public static X509TrustManager trusting(Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            store.setCertificateEntry("dev-server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("No X.509 trust manager");
    }

    /** A message body of {@code length} characters (ASCII, so as many bytes), like a typical chat line. */
    public static String chatLine(int length) {
        return "Load test message, as long as a typical chat line. ".repeat(length / 10 + 1).substring(0, length);
    }

    /** The machine's load averages (1, 5, 15 minutes) as {@code /proc/loadavg} gives them. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
