package io.chatapp.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15's stanza flood over WebSocket (RFC 7395, Openfire's {@code /ws/} on its HTTP port): one client sends chat
 * messages as fast as its WebSocket takes them, for up to 15 s, while other users chat, log in and ask /health
 * ({@link FloodProbe}). Unlike its TCP connections, Openfire reads a WebSocket's next frame only once it has handled
 * the last, so the flood queues nothing and holds no memory; the stanza budget that applies to every client session
 * closes it. The budget here is a fifth of the default, so that the close comes within the flood whatever the
 * machine's speed (the default budget is {@link StanzaFloodTest}'s). The others are served throughout, the server's
 * heap and thread count stay bounded, and the flooder can log in again and is served.
 */
class WebSocketFloodTest {

    /** As {@link StanzaFloodTest}: 5 % of the faults profile's 2 GB heap; a budget of 100 a second, 1,000 at once. */
    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(
            Map.of("chatapp.xmpp.heapPressurePercent", "5", "chatapp.xmpp.stanzasPerSecond", "100",
                    "chatapp.xmpp.stanzaBurst", "1000"));

    private static final long FLOOD_SECONDS = 15;

    @Test
    void oneWebSocketClientFloodingStanzasLeavesOthersServed(DevServer server, TestUsers users) throws Exception {
        List<String> accounts = BulkAccounts.create(server, "wsflood", 2);
        long heapBefore = ServerVitals.heapAfterGcMegabytes();
        int threadsBefore = ServerVitals.threads();
        try (FloodProbe probe = new FloodProbe(server, users);
             LightXmppEngine engine = new LightXmppEngine("ws-sink", "127.0.0.1", server.xmppPort(), server.domain());
             WebSocketXmppClient flooder = WebSocketXmppClient.login(server.webSocketUri(), server.domain(),
                     accounts.get(0), BulkAccounts.PASSWORD)) {
            LightXmppClient sink = engine.login(accounts.get(1), BulkAccounts.PASSWORD, "sink", false)
                    .get(30, TimeUnit.SECONDS);
            FloodSink received = new FloodSink(sink);
            probe.start();
            Thread.sleep(2_000);
            String to = sink.jid();
            long floodStart = System.nanoTime();
            long end = floodStart + TimeUnit.SECONDS.toNanos(FLOOD_SECONDS);
            long sent = 0;
            long heapDuring = -1;
            while (System.nanoTime() < end && !flooder.isClosed()) {
                try {
                    if (flooder.offer("<message xmlns='jabber:client' type='chat' to='" + to + "'><body>flood "
                            + (sent + 1) + "</body></message>")) {
                        sent++;
                    }
                } catch (Exception e) {
                    break; // the server closed it under the write
                }
                if (heapDuring < 0 && System.nanoTime() - floodStart > TimeUnit.SECONDS.toNanos(FLOOD_SECONDS) / 3) {
                    heapDuring = ServerVitals.heapAfterGcMegabytes();
                }
            }
            if (heapDuring < 0) {
                heapDuring = ServerVitals.heapAfterGcMegabytes();
            }
            long closedAfterMillis = flooder.isClosed() ? (flooder.closedAtNanos() - floodStart) / 1_000_000 : -1;
            Thread.sleep(3_000);
            FloodProbe.Result others = probe.stop();
            long heapAfter = ServerVitals.heapAfterGcMegabytes();
            System.out.printf("WebSocket flood: %d messages written in %d ms, %d delivered, closed: %s; others: %s;"
                            + " heap after GC %d MB before, %d MB during, %d MB after; threads %d before; %s%n",
                    sent, closedAfterMillis, received.delivered(), flooder.closeReason(), others, heapBefore,
                    heapDuring, heapAfter, threadsBefore, ServerVitals.load());

            assertThat(flooder.isClosed()).as("the flooding WebSocket closed by the server").isTrue();
            assertThat(closedAfterMillis).as("ms until the server closed the flood")
                    .isBetween(0L, TimeUnit.SECONDS.toMillis(FLOOD_SECONDS));
            assertThat(received.delivered()).as("flooded messages delivered before the close").isBetween(1L, sent);
            others.assertOthersUnharmed(FaultBounds.P99_MILLIS);
            others.assertServerBounded(heapBefore, heapDuring, heapAfter, threadsBefore);

            try (WebSocketXmppClient again = WebSocketXmppClient.login(server.webSocketUri(), server.domain(),
                    accounts.get(0), BulkAccounts.PASSWORD)) {
                again.send("<message xmlns='jabber:client' type='chat' to='" + to + "'><body>" + FloodSink.AFTER
                        + "</body></message>");
                assertThat(received.servedAgainWithin(30))
                        .as("the flooder, back at a normal pace, is served").isTrue();
            }
        }
    }
}
