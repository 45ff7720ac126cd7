package io.chatapp.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUsers;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15's stanza flood: one client sends chat messages to another as fast as its socket takes them, for 15 s,
 * while other users chat, log in and ask /health ({@link FloodProbe}). The others are served throughout; every
 * flooded message is delivered or refused with an error (none silently lost); the server's heap after a full GC
 * and its thread count stay bounded, during the flood and after.
 */
@ExtendWith(ChatServerExtension.class)
class StanzaFloodTest {

    private static final long FLOOD_SECONDS = 15;

    @Test
    void oneClientFloodingStanzasLeavesOthersServed(DevServer server, TestUsers users) throws Exception {
        List<String> accounts = BulkAccounts.create(server, "stanzas", 2);
        long heapBefore = ServerVitals.heapAfterGcMegabytes();
        int threadsBefore = ServerVitals.threads();
        try (FloodProbe probe = new FloodProbe(server, users);
             LightXmppEngine flood = new LightXmppEngine("flood", "127.0.0.1", server.xmppPort(), server.domain())) {
            LightXmppClient flooder = flood.login(accounts.get(0), BulkAccounts.PASSWORD, "flood", false)
                    .get(30, TimeUnit.SECONDS);
            LightXmppClient sink = flood.login(accounts.get(1), BulkAccounts.PASSWORD, "sink", false)
                    .get(30, TimeUnit.SECONDS);
            AtomicLong sent = new AtomicLong();
            AtomicLong delivered = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            sink.onStanza(stanza -> {
                String body = LightXmppClient.body(stanza);
                if (stanza.startsWith("<message") && body != null && body.startsWith("flood ")) {
                    delivered.incrementAndGet();
                }
            });
            flooder.onStanza(stanza -> {
                if (stanza.startsWith("<message") && "error".equals(LightXmppClient.attribute(stanza, "type"))) {
                    refused.incrementAndGet();
                }
            });
            probe.start();
            Thread.sleep(2_000);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(FLOOD_SECONDS);
            String to = sink.jid();
            flooder.flood(() -> System.nanoTime() < end
                    ? "<message type='chat' to='" + to + "'><body>flood " + sent.incrementAndGet() + "</body></message>"
                    : null);
            Thread.sleep(TimeUnit.SECONDS.toMillis(FLOOD_SECONDS) / 2);
            long heapDuring = ServerVitals.heapAfterGcMegabytes();
            Thread.sleep(TimeUnit.SECONDS.toMillis(FLOOD_SECONDS) / 2 + 1_000);
            long sentInAll = sent.get();
            long drainStart = System.nanoTime();
            long deadline = drainStart + TimeUnit.SECONDS.toNanos(90);
            while (delivered.get() + refused.get() < sentInAll && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long drainMillis = (System.nanoTime() - drainStart) / 1_000_000;
            FloodProbe.Result others = probe.stop();
            long heapAfter = ServerVitals.heapAfterGcMegabytes();
            System.out.printf("Stanza flood: %d messages sent in %d s (%d/s), %d delivered, %d refused, the rest"
                            + " drained %d ms after the flood; others: %s; heap after GC %d MB before, %d MB during,"
                            + " %d MB after; threads %d before; %s%n", sentInAll, FLOOD_SECONDS,
                    sentInAll / FLOOD_SECONDS, delivered.get(), refused.get(), drainMillis, others, heapBefore,
                    heapDuring, heapAfter, threadsBefore, ServerVitals.load());

            assertThat(delivered.get() + refused.get()).as("flooded messages delivered or refused, none lost")
                    .isEqualTo(sentInAll);
            others.assertOthersUnharmed(FaultBounds.P99_MILLIS);
            assertThat(Math.max(heapDuring, heapAfter) - heapBefore).as("heap the flood added, MB")
                    .isLessThan(FaultBounds.HEAP_GROWTH_MB);
            assertThat(others.maxThreads() - threadsBefore).as("threads added during the flood")
                    .isLessThan(FaultBounds.THREAD_GROWTH);
        }
    }
}
