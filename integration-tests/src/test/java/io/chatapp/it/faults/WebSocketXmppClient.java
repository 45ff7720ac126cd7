package io.chatapp.it.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One XMPP client over WebSocket (RFC 7395, Openfire's {@code /ws/}), reduced to what a flood needs: SCRAM-SHA-1,
 * resource binding, initial presence, then sending text frames as fast as the socket takes them. Each frame the
 * server sends is one element.
 */
final class WebSocketXmppClient implements WebSocket.Listener, AutoCloseable {

    private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    private static final Duration STEP = Duration.ofSeconds(30);

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private volatile long closedAtNanos;
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

    private WebSocketXmppClient() {
    }

    /** Connects to {@code uri} and logs in; completes once the initial presence is sent. */
    static WebSocketXmppClient login(URI uri, String domain, String username, String password) throws Exception {
        WebSocketXmppClient client = new WebSocketXmppClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("xmpp")
                .connectTimeout(STEP).buildAsync(uri, client).get(STEP.toSeconds(), TimeUnit.SECONDS);
        client.open(domain);
        client.await("mechanism");
        ScramSha1 scram = new ScramSha1(username, password);
        client.send("<auth xmlns='" + SASL + "' mechanism='SCRAM-SHA-1'>" + scram.clientFirst() + "</auth>");
        String challenge = client.await("<challenge");
        client.send("<response xmlns='" + SASL + "'>"
                + scram.clientFinal(challenge.substring(challenge.indexOf('>') + 1, challenge.lastIndexOf('<')))
                + "</response>");
        client.await("<success");
        client.open(domain);
        client.await("urn:ietf:params:xml:ns:xmpp-bind");
        client.send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>ws"
                + "</resource></bind></iq>");
        client.await("<jid>");
        client.send("<presence/>");
        return client;
    }

    /** Sends one frame and waits until the socket took it. */
    void send(String xml) throws Exception {
        socket.sendText(xml, true).get(STEP.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Sends one frame if the previous one has been taken by the socket within 100 ms; false if it has not (the
     * server is not reading), so that a flood can keep watching for the close.
     */
    boolean offer(String xml) throws Exception {
        try {
            sending.get(100, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
        sending = socket.sendText(xml, true);
        return true;
    }

    /** {@link System#nanoTime()} when the WebSocket closed. */
    long closedAtNanos() {
        return closedAtNanos;
    }

    /** Whether the server closed the WebSocket (or the connection failed). */
    boolean isClosed() {
        return closed.isDone();
    }

    /** Why the WebSocket closed, as the close frame or error said; null while it is open. */
    String closeReason() {
        return closed.getNow(null);
    }

    private void open(String domain) throws Exception {
        send("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='" + domain + "' version='1.0'/>");
    }

    private String await(String marker) throws Exception {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (System.nanoTime() < deadline) {
            String frame = frames.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && frame.contains(marker)) {
                return frame;
            }
            if (frame != null && (frame.contains("<failure") || frame.contains("stream:error"))) {
                throw new IllegalStateException("waiting for " + marker + ": " + frame);
            }
            if (isClosed()) {
                throw new IllegalStateException("closed while waiting for " + marker + ": " + closeReason());
            }
        }
        throw new IllegalStateException("no " + marker + " within " + STEP);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedAtNanos = System.nanoTime();
        closed.complete("close " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedAtNanos = System.nanoTime();
        closed.complete("error " + error);
    }

    @Override
    public void close() {
        if (!isClosed()) {
            socket.abort();
        }
    }
}
