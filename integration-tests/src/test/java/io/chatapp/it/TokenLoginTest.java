package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatMessage;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** XMPP login with an access token from the HTTP API: SASL X-OAUTH2 (Smack) and OAUTHBEARER (RFC 7628). */
@ExtendWith(ChatServerExtension.class)
class TokenLoginTest {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    @Test
    void smackLogsInWithXOauth2AndChats(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        String token = accessToken(server, alice);

        XMPPTCPConnection connection = tokenConnection(server);
        try (Clients clients = new Clients(server)) {
            ChatClient bobClient = clients.loggedIn(bob);
            Inbox<ChatMessage> inbox = Inbox.messages(bobClient);
            connection.connect().login(alice.username(), token);
            assertThat(connection.getUser().asBareJid().toString()).isEqualTo(alice.jid());
            connection.sendStanza(connection.getStanzaFactory().buildMessageStanza().to(bob.jid())
                    .setBody("logged in with a token").build());
            ChatMessage received = inbox.next();
            assertThat(received.body()).isEqualTo("logged in with a token");
            assertThat(received.from()).isEqualTo(alice.jid());
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void aTokenOfAnotherUserOrAGarbageTokenIsRefused(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser mallory = users.create("mallory");
        String malloryToken = accessToken(server, mallory);
        for (String token : new String[] {malloryToken, "not.a.token", malloryToken + "x"}) {
            XMPPTCPConnection connection = tokenConnection(server);
            try {
                connection.connect();
                assertThatThrownBy(() -> connection.login(alice.username(), token))
                        .isInstanceOf(SASLErrorException.class);
            } finally {
                connection.disconnect();
            }
        }
    }

    @Test
    void oauthBearerSucceedsWithAValidTokenAndFailsPerRfc7628Otherwise(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        String token = accessToken(server, alice);

        try (RawStream stream = RawStream.open(server)) {
            assertThat(stream.features()).contains("OAUTHBEARER").contains("X-OAUTH2");
            stream.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='OAUTHBEARER'>"
                    + base64("n,a=" + alice.jid() + ",\u0001auth=Bearer " + token + "\u0001\u0001") + "</auth>");
            assertThat(stream.readUntil(">")).contains("<success");
        }

        try (RawStream stream = RawStream.open(server)) {
            stream.features();
            stream.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='OAUTHBEARER'>"
                    + base64("n,,\u0001auth=Bearer " + token + "tampered\u0001\u0001") + "</auth>");
            String challenge = stream.readUntil("</challenge>");
            String json = new String(Base64.getDecoder().decode(
                    challenge.replaceAll("(?s).*<challenge[^>]*>(.*)</challenge>.*", "$1").trim()),
                    StandardCharsets.UTF_8);
            assertThat(json).contains("\"status\":\"invalid_token\"");
            stream.send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + base64("\u0001") + "</response>");
            assertThat(stream.readUntil("</failure>")).contains("<failure");
        }
    }

    @Test
    void aTokenCannotAuthorizeAnotherAccount(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        String bobToken = accessToken(server, bob);

        // X-OAUTH2 as PLAIN lays it out: authzid alice, user bob, bob's genuine token.
        try (RawStream stream = RawStream.open(server)) {
            stream.features();
            stream.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='X-OAUTH2'>"
                    + base64(alice.username() + "\u0000" + bob.username() + "\u0000" + bobToken) + "</auth>");
            assertThat(stream.readUntil("</failure>")).contains("<invalid-authzid");
        }
        try (RawStream stream = RawStream.open(server)) {
            stream.features();
            stream.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='OAUTHBEARER'>"
                    + base64("n,a=" + alice.jid() + ",\u0001auth=Bearer " + bobToken + "\u0001\u0001") + "</auth>");
            assertThat(stream.readUntil("</challenge>")).contains("<challenge");
            stream.send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + base64("\u0001") + "</response>");
            assertThat(stream.readUntil("</failure>")).contains("<invalid-authzid");
        }

        // Bob's own account in another spelling is bob.
        try (RawStream stream = RawStream.open(server)) {
            stream.features();
            String authzid = bob.username().toUpperCase(java.util.Locale.ROOT) + "@" + server.domain();
            stream.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='X-OAUTH2'>"
                    + base64(authzid + "\u0000" + bob.username() + "\u0000" + bobToken) + "</auth>");
            assertThat(stream.readUntil(">")).contains("<success");
        }
    }

    private static XMPPTCPConnection tokenConnection(DevServer server) throws Exception {
        return new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(server.domain())
                .setHost("127.0.0.1")
                .setPort(server.xmppPort())
                // The token is the credential; the test server's TLS is covered by the other tests.
                .setSecurityMode(SecurityMode.disabled)
                .addEnabledSaslMechanism("X-OAUTH2")
                .build());
    }

    static String accessToken(DevServer server, TestUser user) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.pluginHttpUri().resolve("api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user.username() + "\",\"password\":\""
                        + user.password() + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A bare client-to-server stream on plain TCP (TLS is optional on the dev server), for exact SASL exchanges. */
    private static final class RawStream implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;

        private RawStream(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        static RawStream open(DevServer server) throws IOException {
            Socket socket = new Socket("127.0.0.1", server.xmppPort());
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            RawStream stream = new RawStream(socket);
            stream.send("<?xml version='1.0'?><stream:stream to='" + server.domain() + "' xmlns='jabber:client'"
                    + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
            return stream;
        }

        String features() throws IOException {
            return readUntil("</stream:features>");
        }

        void send(String xml) throws IOException {
            socket.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }

        String readUntil(String marker) throws IOException {
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            while (!seen.toString(StandardCharsets.UTF_8).contains(marker)) {
                int read = in.read();
                if (read < 0) {
                    throw new IOException("Stream closed before " + marker + ": " + seen);
                }
                seen.write(read);
            }
            return seen.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
