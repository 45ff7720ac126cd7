package io.chatapp.benchmarks.xmpp;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.sasl.core.SCRAMSHA1Mechanism;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/**
 * The load generators' Smack connections to a {@link ServerUnderTest}: TCP, STARTTLS, SCRAM-SHA-1, like our library
 * (no roster: smack-im is not on the load generators' class path).
 */
public final class Connections {

    private Connections() {
    }

    /** A login: connects and logs one connection in. */
    @FunctionalInterface
    public interface Login {
        void run() throws Exception;
    }

    /** A connection not yet connected; stream management as our library has it, or off to keep it lean. */
    public static XMPPTCPConnection create(ServerUnderTest server, boolean tcpNoDelay, boolean streamManagement)
            throws IOException {
        return create(server.domain(), server.port(), server.trust(), tcpNoDelay, streamManagement, "bench");
    }

    /**
     * As {@link #create(ServerUnderTest, boolean, boolean)}, for a server on this host's loopback at {@code port},
     * binding {@code resource}.
     */
    public static XMPPTCPConnection create(String domain, int port, X509TrustManager trust, boolean tcpNoDelay,
            boolean streamManagement, String resource) throws IOException {
        XMPPTCPConnectionConfiguration.Builder config = XMPPTCPConnectionConfiguration.builder();
        if (tcpNoDelay) {
            config.setSocketFactory(new NoDelaySocketFactory());
        }
        XMPPTCPConnection connection = new XMPPTCPConnection(config
                .setXmppDomain(domain)
                .setHost("127.0.0.1")
                .setPort(port)
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trust)
                .addEnabledSaslMechanism(SCRAMSHA1Mechanism.NAME)
                .setResource(resource)
                .build());
        connection.setUseStreamManagement(streamManagement);
        connection.setReplyTimeout(30_000);
        return connection;
    }

    /** Connects and logs in, then waits until Openfire routes messages to the connection. */
    public static void logIn(XMPPTCPConnection connection, String username, String password) throws Exception {
        connection.connect();
        connection.login(username, password);
        // Openfire routes a message to a device only once it has processed its presence: a message to oneself
        // comes back only then.
        String id = "check-" + username;
        Message self = StanzaBuilder.buildMessage(id).to(connection.getUser().asEntityBareJid()).build();
        try (StanzaCollector echo = connection.createStanzaCollectorAndSend(new StanzaIdFilter(id), self)) {
            echo.nextResultOrThrow(30_000);
        }
    }

    /**
     * Runs the logins, {@code parallel} at a time (each derives a SCRAM key: ~100 ms of CPU on the client, as much on
     * the server), and waits for all; the first failure is thrown.
     */
    public static void logInAll(List<Login> logins, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Login login : logins) {
                running.add(pool.submit(() -> {
                    login.run();
                    return null;
                }));
            }
            for (Future<?> login : running) {
                login.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** CPU time this JVM (the load generator) has used so far, in nanoseconds. */
    public static long clientCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
