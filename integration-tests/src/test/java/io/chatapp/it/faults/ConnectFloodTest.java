package io.chatapp.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15's connection flood: 2,000 clients connect and log in at once (SCRAM-SHA-1, bind, presence) while other
 * users chat, log in and ask /health ({@link FloodProbe}). Every flood client gets online, the others are served
 * throughout, and the server's heap (after a full GC) and thread count stay bounded.
 *
 * <p>The crowd comes twice. First to a server that has just started, as after a restart: its JIT compiles the login
 * path during the flood (5 of the 15 CPU seconds the flood took on 2 cores). Then, after they all left, again, as
 * after a network outage at the office: the server has been up and has seen these users. The crowd is a
 * {@linkplain LightXmppEngine#loadGenerator load generator} that yields the CPU to the server.
 */
@ExtendWith(ChatServerExtension.class)
class ConnectFloodTest {

    private static final int CLIENTS = 2_000;

    @Test
    void twoThousandClientsConnectingAtOnceLeaveOthersServed(DevServer server, TestUsers users) throws Exception {
        List<String> accounts = BulkAccounts.create(server, "flood", CLIENTS);
        long heapBefore = ServerVitals.heapAfterGcMegabytes();
        int threadsBefore = ServerVitals.threads();
        try (LightXmppEngine crowd = LightXmppEngine.loadGenerator("flood", "127.0.0.1", server.xmppPort(),
                server.domain())) {
            FloodProbe.Result afterRestart = flood("just started", server, users, crowd, accounts, heapBefore,
                    threadsBefore);
            // A crowd that could not yield the CPU measures the test's clients as much as the server.
            boolean crowdYields = crowd.yieldsTheCpu();
            afterRestart.assertOthersUnharmed(crowdYields ? FaultBounds.COLD_CONNECT_FLOOD_P99_MILLIS
                    : FaultBounds.SHARED_MACHINE_P99_MILLIS);
            awaitSessionsBelow(server, CLIENTS / 10);
            FloodProbe.Result whileUp = flood("up and warm", server, users, crowd, accounts, heapBefore,
                    threadsBefore);
            whileUp.assertOthersUnharmed(crowdYields ? FaultBounds.WARM_CONNECT_FLOOD_P99_MILLIS
                    : FaultBounds.SHARED_MACHINE_P99_MILLIS);
        }
    }

    /** The crowd logs in at once while the probe plays the others; returns what the others saw, the crowd gone. */
    private static FloodProbe.Result flood(String serverState, DevServer server, TestUsers users,
            LightXmppEngine crowd, List<String> accounts, long heapBefore, int threadsBefore) throws Exception {
        try (FloodProbe probe = new FloodProbe(server, users)) {
            probe.start();
            Thread.sleep(2_000);
            long started = System.nanoTime();
            int refusedBefore = crowd.busyRefusals();
            List<CompletableFuture<LightXmppClient>> logins = new ArrayList<>();
            for (String account : accounts) {
                logins.add(crowd.login(account, BulkAccounts.PASSWORD, "flood", false));
            }
            List<LightXmppClient> online = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (CompletableFuture<LightXmppClient> login : logins) {
                try {
                    online.add(login.get(180, TimeUnit.SECONDS));
                } catch (Exception e) {
                    failures.add(String.valueOf(e.getCause()));
                }
            }
            long allOnlineMillis = (System.nanoTime() - started) / 1_000_000;
            int sessions = server.clientSessionCount();
            Thread.sleep(2_000);
            FloodProbe.Result others = probe.stop();
            long heapAfter = ServerVitals.heapAfterGcMegabytes();
            System.out.printf("Connection flood, server %s: %d of %d clients online in %d ms (%d sessions, %d logins"
                            + " refused as busy and retried); others: %s;"
                            + " heap after GC %d MB before, %d MB with them online; threads %d before; %s%n",
                    serverState, online.size(), CLIENTS, allOnlineMillis, sessions,
                    crowd.busyRefusals() - refusedBefore, others, heapBefore, heapAfter, threadsBefore,
                    ServerVitals.load());

            assertThat(failures).as("flood logins that failed").isEmpty();
            assertThat(sessions).isGreaterThanOrEqualTo(CLIENTS);
            assertThat(heapAfter - heapBefore).as("heap the 2,000 sessions hold, MB")
                    .isLessThan(FaultBounds.HEAP_GROWTH_MB);
            assertThat(others.maxThreads() - threadsBefore).as("threads added during the flood")
                    .isLessThan(FaultBounds.THREAD_GROWTH);
            online.forEach(LightXmppClient::closeCleanly);
            return others;
        }
    }

    private static void awaitSessionsBelow(DevServer server, int sessions) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.clientSessionCount() >= sessions && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(server.clientSessionCount()).as("sessions left after the crowd closed").isLessThan(sessions);
    }
}
