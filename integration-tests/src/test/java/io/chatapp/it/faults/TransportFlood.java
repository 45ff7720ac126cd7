package io.chatapp.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 15's stanza flood over one of Openfire's HTTP transports ({@link WebSocketFloodTest}, {@link BoshFloodTest}):
 * one client sends chat messages to a sink as fast as its transport takes them, for up to {@link #FLOOD_SECONDS},
 * while other users chat, log in and ask /health ({@link FloodProbe}). Asserts that the server closed the flooding
 * session within the flood, that some of the flood was delivered but no more than the stanza budget allowed, that
 * the others were served throughout, that the server's heap and threads stayed bounded, and that the flooder can log
 * in again and is served. Prints one summary line for docs/reliability.md.
 */
final class TransportFlood {

    static final long FLOOD_SECONDS = 15;
    private static final int STANZAS_PER_SECOND = 100;
    private static final int STANZA_BURST = 1_000;

    /**
     * The server's settings for these floods: the heap rule at 5 % of the faults profile's 2 GB heap, as
     * {@link StanzaFloodTest}; a stanza budget of 100 a second, 1,000 at once, a fifth of the default, so that the
     * close comes within the flood whatever the machine's speed.
     */
    static final Map<String, String> SERVER_PROPERTIES = Map.of("chatapp.xmpp.heapPressurePercent", "5",
            "chatapp.xmpp.stanzasPerSecond", String.valueOf(STANZAS_PER_SECOND),
            "chatapp.xmpp.stanzaBurst", String.valueOf(STANZA_BURST));

    private TransportFlood() {
    }

    /**
     * Runs the flood over {@code transport} (the name in the summary), its accounts named {@code accountPrefix-0…};
     * returns what the flooder saw of the close ({@link FloodingClient#closeReason()}), for the test to assert.
     */
    static String floodAndAssert(String transport, String accountPrefix, DevServer server, TestUsers users,
            FloodingClient.Login login) throws Exception {
        List<String> accounts = BulkAccounts.create(server, accountPrefix, 2);
        long heapBefore = ServerVitals.heapAfterGcMegabytes();
        int threadsBefore = ServerVitals.threads();
        // The flood runs on a thread of its own so that this one can read the heap while it lasts.
        ExecutorService floodThread = Executors.newSingleThreadExecutor();
        try (FloodProbe probe = new FloodProbe(server, users);
             LightXmppEngine engine = new LightXmppEngine(accountPrefix + "-sink", "127.0.0.1", server.xmppPort(),
                     server.domain());
             FloodingClient flooder = login.login(accounts.get(0), BulkAccounts.PASSWORD)) {
            LightXmppClient sink = engine.login(accounts.get(1), BulkAccounts.PASSWORD, "sink", false)
                    .get(30, TimeUnit.SECONDS);
            FloodSink received = new FloodSink(sink);
            probe.start();
            Thread.sleep(2_000);
            String to = sink.jid();
            AtomicLong numbered = new AtomicLong();
            long floodStart = System.nanoTime();
            long end = floodStart + TimeUnit.SECONDS.toNanos(FLOOD_SECONDS);
            Future<Long> flood = floodThread.submit(() -> flooder.flood(() -> System.nanoTime() < end
                    ? chat(to, "flood " + numbered.incrementAndGet()) : null));
            Thread.sleep(TimeUnit.SECONDS.toMillis(FLOOD_SECONDS) / 3);
            long heapDuring = ServerVitals.heapAfterGcMegabytes();
            long sent = flood.get(FLOOD_SECONDS + 60, TimeUnit.SECONDS);
            long closedAfterMillis = flooder.isClosed() ? (flooder.closedAtNanos() - floodStart) / 1_000_000 : -1;
            long lastDeliveredAfterMillis = awaitDeliveriesEnd(received, floodStart);
            FloodProbe.Result others = probe.stop();
            long heapAfter = ServerVitals.heapAfterGcMegabytes();
            System.out.printf("%s flood: %d messages written in %d ms, %d delivered (the last %d ms after the flood"
                            + " began), closed: %s; others: %s; heap after GC %d MB before, %d MB during, %d MB after;"
                            + " threads %d before; %s%n", transport, sent, closedAfterMillis, received.delivered(),
                    lastDeliveredAfterMillis, flooder.closeReason(), others, heapBefore, heapDuring, heapAfter,
                    threadsBefore, ServerVitals.load());

            assertThat(flooder.isClosed()).as("the flooding session closed by the server").isTrue();
            assertThat(closedAfterMillis).as("ms until the server closed the flood")
                    .isBetween(0L, TimeUnit.SECONDS.toMillis(FLOOD_SECONDS));
            // The bucket holds at most the burst when the flood begins and refills at the rate until the close, which
            // the flooder sees after the server made it: nothing beyond that may be delivered, not even what the
            // server had taken in but not yet handled when it closed the session.
            long budget = STANZA_BURST + STANZAS_PER_SECOND * closedAfterMillis / 1_000;
            assertThat(received.delivered()).as("flooded messages delivered (the budget allowed %d)", budget)
                    .isBetween(1L, Math.min(sent, budget));
            others.assertOthersUnharmed(FaultBounds.P99_MILLIS);
            others.assertServerBounded(heapBefore, heapDuring, heapAfter, threadsBefore);

            try (FloodingClient again = login.login(accounts.get(0), BulkAccounts.PASSWORD)) {
                again.send(chat(to, FloodSink.AFTER));
                assertThat(received.servedAgainWithin(30))
                        .as("the flooder, back at a normal pace, is served").isTrue();
            }
            return flooder.closeReason();
        } finally {
            floodThread.shutdownNow();
        }
    }

    /**
     * Waits at least 3 s, and until no flooded message has arrived for a second (at most two minutes): what the
     * server had taken in before the close may still be on its way (over BOSH it was, for up to 48 s, until the
     * budget dropped a closed session's backlog), and the others are measured and the flooder logs in again after it,
     * so that a backlog delivered after all fails the budget's bound rather than muddling the figures. Returns when the last arrived, in ms after
     * {@code floodStart}.
     */
    private static long awaitDeliveriesEnd(FloodSink received, long floodStart) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Thread.sleep(3_000);
        while (System.nanoTime() - received.lastDeliveredAtNanos() < TimeUnit.SECONDS.toNanos(1)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return (received.lastDeliveredAtNanos() - floodStart) / 1_000_000;
    }

    private static String chat(String to, String body) {
        return "<message xmlns='jabber:client' type='chat' to='" + to + "'><body>" + body + "</body></message>";
    }
}
