package io.chatapp.it.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One XMPP client over WebSocket (RFC 7395, Openfire's {@code /ws/}), reduced to what a flood needs: the login of
 * {@link XmppLogin}, then sending text frames as fast as the socket takes them. Each frame the server sends is one
 * element.
 */
final class WebSocketXmppClient extends FloodingClient implements WebSocket.Listener {

    private final String domain;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

    private WebSocketXmppClient(String domain) {
        this.domain = domain;
    }

    /** Connects to {@code uri} and logs in; completes once the initial presence is sent. */
    static WebSocketXmppClient login(URI uri, String domain, String username, String password) throws Exception {
        WebSocketXmppClient client = new WebSocketXmppClient(domain);
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("xmpp")
                .connectTimeout(STEP).buildAsync(uri, client).get(STEP.toSeconds(), TimeUnit.SECONDS);
        client.restart();
        XmppLogin.authenticateBindAndAnnounce(client, username, password, "ws");
        return client;
    }

    /** Sends one frame and waits until the socket took it. */
    @Override
    public void send(String xml) throws Exception {
        socket.sendText(xml, true).get(STEP.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Sends each stanza as a frame of its own, the next once the socket has taken the last. A stanza the socket has
     * not room for within 100 ms (the server is not reading) is passed over, so that the flood still watches for the
     * close and ends when {@code stanzas} does.
     */
    @Override
    long flood(Supplier<String> stanzas) {
        long sent = 0;
        for (String stanza = stanzas.get(); stanza != null && !isClosed(); stanza = stanzas.get()) {
            try {
                sending.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                continue;
            } catch (Exception e) {
                break; // the server closed it under the write
            }
            sending = socket.sendText(stanza, true);
            sent++;
        }
        return sent;
    }

    /** Opens the stream (RFC 7395 §3.3), at the start and after the SASL success alike. */
    @Override
    public void restart() throws Exception {
        send("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='" + domain + "' version='1.0'/>");
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed("close " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed("error " + error);
    }

    @Override
    public void close() {
        if (!isClosed()) {
            socket.abort();
        }
    }
}
