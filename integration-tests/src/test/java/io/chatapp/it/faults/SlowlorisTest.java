package io.chatapp.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15's slowloris on Openfire's BOSH and WebSocket port (Jetty, {@code httpbind.port.plain}): 200 connections
 * trickling a BOSH request and 200 trickling a WebSocket upgrade, a byte a second for 20 s, while other users chat,
 * log in and ask /health ({@link FloodProbe}). The others are served throughout; a new BOSH session and a new
 * WebSocket XMPP stream still open every two seconds, each within a few seconds; the server's heap and thread count
 * stay bounded (Jetty parses headers without a thread per connection). The plugin's own HTTP port is
 * {@code HttpFloodTest}'s.
 */
@ExtendWith(ChatServerExtension.class)
class SlowlorisTest {

    private static final int TRICKLERS = 200;
    private static final int SECONDS = 20;
    private static final Duration NEW_SESSION_BOUND = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void slowBoshAndWebSocketClientsLeaveOthersServed(DevServer server, TestUsers users) throws Exception {
        int port = server.boshUri().getPort();
        long heapBefore = ServerVitals.heapAfterGcMegabytes();
        int threadsBefore = ServerVitals.threads();
        Latencies boshSessions = new Latencies();
        Latencies webSocketStreams = new Latencies();
        int boshOpen;
        int webSocketOpen;
        try (FloodProbe probe = new FloodProbe(server, users);
             Tricklers bosh = new Tricklers(port, TRICKLERS, "POST /http-bind/ HTTP/1.1\r\nHost: localhost\r\n"
                     + "Content-Type: text/xml; charset=utf-8\r\nX-Padding: " + "slowly ".repeat(40) + "\r\n\r\n");
             Tricklers webSocket = new Tricklers(port, TRICKLERS, "GET /ws/ HTTP/1.1\r\nHost: localhost\r\n"
                     + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: xmpp\r\nX-Padding: "
                     + "slowly ".repeat(40) + "\r\n\r\n")) {
            probe.start();
            boshOpen = bosh.trickle();
            webSocketOpen = webSocket.trickle();
            for (int second = 1; second <= SECONDS; second++) {
                long started = System.nanoTime();
                boshOpen = bosh.trickle();
                webSocketOpen = webSocket.trickle();
                if (second % 2 == 0) {
                    boshSessions.record(timeToNewBoshSession(server));
                    webSocketStreams.record(timeToNewWebSocketStream(server));
                }
                Thread.sleep(Math.max(1, 1_000 - (System.nanoTime() - started) / 1_000_000));
            }
            FloodProbe.Result others = probe.stop();
            long heapAfter = ServerVitals.heapAfterGcMegabytes();
            System.out.printf("Slowloris on BOSH/WebSocket: %d + %d tricklers for %d s, %d and %d still connected at"
                            + " the end; new BOSH sessions %s; new WebSocket streams %s; others: %s; heap after GC"
                            + " %d MB before, %d MB after; threads %d before; %s%n", TRICKLERS, TRICKLERS, SECONDS,
                    boshOpen, webSocketOpen, boshSessions, webSocketStreams, others, heapBefore, heapAfter,
                    threadsBefore, ServerVitals.load());

            others.assertOthersUnharmed(FaultBounds.P99_MILLIS);
            assertThat(boshSessions.percentile(100)).as("slowest new BOSH session, ms")
                    .isLessThan(NEW_SESSION_BOUND.toMillis());
            assertThat(webSocketStreams.percentile(100)).as("slowest new WebSocket stream, ms")
                    .isLessThan(NEW_SESSION_BOUND.toMillis());
            assertThat(heapAfter - heapBefore).as("heap the tricklers added, MB")
                    .isLessThan(FaultBounds.HEAP_GROWTH_MB);
            assertThat(others.maxThreads() - threadsBefore).as("threads added during the attack")
                    .isLessThan(FaultBounds.THREAD_GROWTH);
        }
    }

    /** Nanoseconds until a BOSH session-creation request (XEP-0124/0206) is answered with a session id. */
    private long timeToNewBoshSession(DevServer server) throws Exception {
        String body = "<body xmlns='http://jabber.org/protocol/httpbind' xmlns:xmpp='urn:xmpp:xbosh' content='text/xml;"
                + " charset=utf-8' hold='1' rid='" + (1_000_000 + System.nanoTime() % 1_000_000) + "' to='"
                + server.domain() + "' ver='1.6' wait='5' xml:lang='en' xmpp:version='1.0'/>";
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.boshUri())
                        .header("Content-Type", "text/xml; charset=utf-8").timeout(NEW_SESSION_BOUND)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - started;
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("sid=");
        return took;
    }

    /** Nanoseconds until a new WebSocket (RFC 7395) connection's {@code <open/>} is answered. */
    private long timeToNewWebSocketStream(DevServer server) throws Exception {
        CompletableFuture<String> firstFrame = new CompletableFuture<>();
        long started = System.nanoTime();
        WebSocket socket = http.newWebSocketBuilder().subprotocols("xmpp").connectTimeout(NEW_SESSION_BOUND)
                .buildAsync(URI.create(server.webSocketUri().toString()), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        firstFrame.complete(data.toString());
                        return null;
                    }
                }).get(NEW_SESSION_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        socket.sendText("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='" + server.domain()
                + "' version='1.0'/>", true);
        String answer = firstFrame.get(NEW_SESSION_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        long took = System.nanoTime() - started;
        assertThat(answer).contains("<open");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
        return took;
    }
}
