package io.chatapp.benchmarks.login;

import io.chatapp.benchmarks.LoadGenerators;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.DevServerConfig;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.sasl.core.SASLXOauth2Mechanism;
import org.jivesoftware.smack.sasl.core.SCRAMSHA1Mechanism;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/**
 * Login latency on a real server: boots the dev server in this JVM, then times full logins one after another
 * (TCP connect, STARTTLS and TLS handshake, SASL, resource binding; no presence, no stream management) with a
 * password over SCRAM-SHA-1 and with an access token over X-OAUTH2 and OAUTHBEARER, and prints median, 95th
 * percentile and the ratio of token to password logins. The kinds of login take turns, so that load from other
 * processes on the machine falls on all of them alike. See docs/benchmarks.md.
 *
 * <p>Arguments: {@code --logins N} per kind (default 100), {@code --warmup N} per kind, not counted (default 20).
 */
public final class LoginBenchmark {

    /** More users than Smack's SCRAM cache holds (10), so that each SCRAM login derives the key anew. */
    private static final int SCRAM_USERS = 16;

    private final DevServer server;
    private final X509TrustManager trust;
    private final TokenClient tokens;
    private final String password = "pw-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));

    private LoginBenchmark(DevServer server) throws IOException, GeneralSecurityException {
        this.server = server;
        this.trust = LoadGenerators.trusting(server.certificate());
        this.tokens = new TokenClient(server.pluginHttpUri());
    }

    public static void main(String[] args) throws Exception {
        int logins = option(args, "--logins", 100);
        int warmup = option(args, "--warmup", 20);
        SASLAuthentication.registerSASLMechanism(new OAuthBearerMechanism());
        LoadGenerators.runInTemporaryFolderAndExit("login-benchmark-", data -> {
            try (DevServer server = DevServer.start(DevServerConfig.forTests(data))) {
                System.out.printf("JDK %s, %d cores, load average before: %s%n", Runtime.version(),
                        Runtime.getRuntime().availableProcessors(), LoadGenerators.loadAverage());
                List<Kind> results = new LoginBenchmark(server).run(logins, warmup);
                System.out.printf("load average after: %s%n%n", LoadGenerators.loadAverage());
                print(results);
            }
        });
    }

    private List<Kind> run(int logins, int warmup) throws Exception {
        List<String> scramUsers = new ArrayList<>();
        for (int i = 0; i < SCRAM_USERS; i++) {
            scramUsers.add(user("scram-" + i));
        }
        String warmUser = user("scram-warm");
        String tokenUser = user("token");

        Kind scram = new Kind("SCRAM-SHA-1, new device (client derives the key)", logins);
        Kind scramWarm = new Kind("SCRAM-SHA-1, client key cached (Smack)", logins);
        Kind xOauth2 = new Kind("X-OAUTH2 with a fresh access token", logins);
        Kind oauthBearer = new Kind("OAUTHBEARER with a fresh access token", logins);
        for (int i = 0; i < warmup + logins; i++) {
            boolean counted = i >= warmup;
            scram.record(counted, login(SCRAMSHA1Mechanism.NAME, scramUsers.get(i % SCRAM_USERS), password));
            scramWarm.record(counted, login(SCRAMSHA1Mechanism.NAME, warmUser, password));
            xOauth2.record(counted, login(SASLXOauth2Mechanism.NAME, tokenUser,
                    tokens.accessToken(tokenUser, password)));
            oauthBearer.record(counted, login(OAuthBearerMechanism.NAME, tokenUser,
                    tokens.accessToken(tokenUser, password)));
        }
        return List.of(scram, scramWarm, xOauth2, oauthBearer);
    }

    private String user(String name) {
        server.createUser("bench-" + name, password);
        return "bench-" + name;
    }

    /** Nanoseconds of the whole login (connect, STARTTLS, SASL, bind) and of its SASL and bind part alone. */
    private record Timing(long totalNanos, long authenticationNanos) {
    }

    /** One kind of login and its timings. */
    private record Kind(String name, Latencies total, Latencies authentication) {

        Kind(String name, int logins) {
            this(name, new Latencies(name, logins), new Latencies(name, logins));
        }

        void record(boolean counted, Timing timing) {
            if (counted) {
                total.add(timing.totalNanos());
                authentication.add(timing.authenticationNanos());
            }
        }
    }

    /** One login, timed; the secret is the password or the token. */
    private Timing login(String mechanism, String username, String secret)
            throws SmackException, IOException, XMPPException, InterruptedException {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(server.domain())
                .setHost("127.0.0.1")
                .setPort(server.xmppPort())
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trust)
                .setSendPresence(false)
                .addEnabledSaslMechanism(mechanism)
                .build());
        connection.setUseStreamManagement(false);
        try {
            long start = System.nanoTime();
            connection.connect();
            long connected = System.nanoTime();
            connection.login(username, secret);
            long end = System.nanoTime();
            if (!connection.isAuthenticated()) {
                throw new IllegalStateException(mechanism + " login did not authenticate");
            }
            return new Timing(end - start, end - connected);
        } finally {
            // Not timed; without waiting for the server's closing tag (see architecture.md, "Logging out").
            connection.instantShutdown();
        }
    }

    private static void print(List<Kind> results) {
        System.out.println("Whole login: TCP connect, STARTTLS and TLS handshake, SASL, resource binding");
        printTable(results.stream().map(Kind::total).toList());
        System.out.println();
        System.out.println("SASL and resource binding only (the part in which the kinds differ)");
        printTable(results.stream().map(Kind::authentication).toList());
    }

    private static void printTable(List<Latencies> results) {
        double scramMedian = results.get(0).medianMillis();
        double warmMedian = results.get(1).medianMillis();
        System.out.printf("%-50s %6s %10s %8s %8s %13s %13s%n", "login", "count", "median ms", "p95 ms", "mean ms",
                "/ SCRAM new", "/ SCRAM warm");
        for (Latencies latencies : results) {
            System.out.printf(Locale.ROOT, "%-50s %6d %10.2f %8.2f %8.2f %13.2f %13.2f%n", latencies.name(),
                    latencies.count(), latencies.medianMillis(), latencies.p95Millis(), latencies.meanMillis(),
                    latencies.medianMillis() / scramMedian, latencies.medianMillis() / warmMedian);
        }
    }

    private static int option(String[] args, String name, int defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return defaultValue;
    }
}
