package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatMessage;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.OpenfireTarget;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * XMPP over WebSocket (RFC 7395) and BOSH (XEP-0124/0206), as browser clients such as Converse.js use them: framing,
 * SASL, bind, and a message each way with a user on a normal TCP connection.
 */
@ExtendWith(ChatServerExtension.class)
class WebSocketTest {

    private static final String FRAMING = "urn:ietf:params:xml:ns:xmpp-framing";

    /**
     * Openfire 4.2's WebSocket code answers every stanza before SASL success with not-authorized itself, before any
     * interceptor or IQ handler sees it, so the plugin cannot offer in-band registration there (docs/protocol.md);
     * web clients register with the HTTP API. Openfire 5.x routes it like TCP, and the plugin's rules apply.
     */
    @Test
    void inBandRegistrationOverWebSocketIsOpenfire42sRefusalOrThePluginsRules(DevServer server, TestUsers users)
            throws Exception {
        String name = users.unregistered("web").username();
        Frames frames = new Frames();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("xmpp")
                .connectTimeout(Duration.ofSeconds(5)).buildAsync(server.webSocketUri(), frames).join();
        socket.sendText("<open xmlns='" + FRAMING + "' to='" + server.domain() + "' version='1.0'/>", true).join();
        assertThat(frames.next()).contains("<open");
        assertThat(frames.next()).contains("<stream:features");
        if (server.target() == OpenfireTarget.OPENFIRE_4_2) {
            socket.sendText(register("reg1", name, "a-decent-passphrase"), true).join();
            assertThat(frames.nextContaining("reg1")).contains("not-authorized");
            assertThat(server.userExists(name)).isFalse();
        } else {
            socket.sendText(register("reg1", name, name + "-is-my-password"), true).join();
            assertThat(frames.nextContaining("reg1")).contains("not-acceptable").contains("user name");
            assertThat(server.userExists(name)).isFalse();
            socket.sendText(register("reg2", name, "a-decent-passphrase"), true).join();
            assertThat(frames.nextContaining("reg2")).contains("type=\"result\"");
            assertThat(server.userExists(name)).isTrue();
        }
        socket.abort();
    }

    private static String register(String id, String name, String password) {
        return "<iq type='set' id='" + id + "' xmlns='jabber:client'><query xmlns='jabber:iq:register'>"
                + "<username>" + name + "</username><password>" + password + "</password></query></iq>";
    }

    @Test
    void aWebSocketClientLogsInAndChatsWithATcpClient(DevServer server, TestUsers users) throws Exception {
        // Created directly: Openfire 4.2 answers in-band registration over WebSocket with not-authorized.
        TestUser web = users.create("web");
        TestUser tcp = users.create("tcp");
        try (Clients clients = new Clients(server)) {
            ChatClient tcpClient = clients.loggedIn(tcp);
            Inbox<ChatMessage> tcpInbox = Inbox.messages(tcpClient);

            Frames frames = new Frames();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .subprotocols("xmpp")
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(server.webSocketUri(), frames).join();
            assertThat(socket.getSubprotocol()).isEqualTo("xmpp");

            String open = "<open xmlns='" + FRAMING + "' to='" + server.domain() + "' version='1.0'/>";
            socket.sendText(open, true).join();
            assertThat(frames.next()).contains("<open").contains(FRAMING);
            assertThat(frames.next()).contains("<stream:features").contains("PLAIN");

            String credentials = Base64.getEncoder().encodeToString(
                    ("\0" + web.username() + "\0" + web.password()).getBytes(StandardCharsets.UTF_8));
            socket.sendText("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + credentials
                    + "</auth>", true).join();
            assertThat(frames.next()).contains("<success");

            socket.sendText(open, true).join();
            assertThat(frames.next()).contains("<open");
            assertThat(frames.next()).contains("urn:ietf:params:xml:ns:xmpp-bind");
            socket.sendText("<iq type='set' id='bind1' xmlns='jabber:client'><bind xmlns='urn:ietf:params:xml:ns:"
                    + "xmpp-bind'><resource>browser</resource></bind></iq>", true).join();
            assertThat(frames.next()).contains("type=\"result\"").contains(web.jid() + "/browser");
            socket.sendText("<iq type='set' id='sess1' xmlns='jabber:client'><session xmlns='urn:ietf:params:xml:ns:"
                    + "xmpp-session'/></iq>", true).join();
            assertThat(frames.next()).contains("sess1");
            socket.sendText("<presence xmlns='jabber:client'/>", true).join();
            socket.sendText("<iq type='get' id='ping1' xmlns='jabber:client'><ping xmlns='urn:xmpp:ping'/></iq>",
                    true).join();
            frames.nextContaining("ping1");

            socket.sendText("<message xmlns='jabber:client' type='chat' to='" + tcp.jid() + "' id='w1'>"
                    + "<body>hello from the browser</body></message>", true).join();
            ChatMessage fromWeb = tcpInbox.next();
            assertThat(fromWeb.body()).isEqualTo("hello from the browser");
            assertThat(fromWeb.from()).isEqualTo(web.jid());
            assertThat(fromWeb.fromDevice()).isEqualTo("browser");

            tcpClient.sendMessage(web.jid(), "hello back over TCP").join();
            assertThat(frames.nextContaining("hello back over TCP")).contains("from=\"" + tcp.jid());

            // RFC 7395 §3.6: the server answers <close/> and closes the WebSocket. Openfire 4.2 closes the socket
            // right after queueing its <close/> frame, and now and then (about 1 in 25 on a loaded machine) Jetty
            // 9.2 sends the WebSocket Close without it; what the client must see is the session ending.
            socket.sendText("<close xmlns='" + FRAMING + "'/>", true).join();
            String last = frames.next();
            if (!last.startsWith(Frames.CLOSED)) {
                assertThat(last).contains("<close").contains(FRAMING);
                last = frames.next();
            }
            assertThat(last).startsWith(Frames.CLOSED);
        }
    }

    @Test
    void boshOpensASessionAndOffersLogin(DevServer server) throws Exception {
        String request = "<body rid='1000' to='" + server.domain() + "' xml:lang='en' wait='10' hold='1' ver='1.6'"
                + " xmlns='http://jabber.org/protocol/httpbind' xmlns:xmpp='urn:xmpp:xbosh' xmpp:version='1.0'/>";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.boshUri()).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("sid=").contains("mechanisms").contains("SCRAM-SHA-1");
    }

    /** Collects whole WebSocket text messages (RFC 7395 puts exactly one stanza in each) and the closing. */
    private static final class Frames implements WebSocket.Listener {

        /** Stands for the server's WebSocket Close in the sequence of frames. */
        static final String CLOSED = "(WebSocket closed)";

        private final BlockingQueue<String> complete = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                complete.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            complete.add(CLOSED + " " + statusCode);
            return null;
        }

        String next() throws InterruptedException {
            String frame = complete.poll(20, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("No WebSocket frame within 20 s");
            }
            return frame;
        }

        String nextContaining(String text) throws InterruptedException {
            while (true) {
                String frame = next();
                if (frame.contains(text)) {
                    return frame;
                }
            }
        }
    }
}
