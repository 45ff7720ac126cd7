package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import io.chatapp.devserver.turn.CoturnServer;
import io.chatapp.devserver.turn.TurnClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * XEP-0215 on the server's domain, proven against a real coturn: the TURN credential a client is handed opens a TURN
 * allocation; a wrong or expired one is refused with 401. (~15 s: one server, one coturn.)
 */
class ExternalServicesTest {

    static final CoturnServer COTURN = startCoturn();

    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(Map.of(
            "chatapp.calls.turn.host", COTURN.host(),
            "chatapp.calls.turn.port", Integer.toString(COTURN.port()),
            "chatapp.calls.turn.secret", COTURN.secret(),
            "chatapp.calls.turn.tcp", "true",
            "chatapp.calls.turn.credentialLifetimeSeconds", "600"));

    private static CoturnServer startCoturn() {
        try {
            return CoturnServer.start(Files.createTempDirectory("coturn-"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopCoturn() {
        COTURN.close();
    }

    @Test
    void servicesAreAdvertisedAndTheirTurnCredentialOpensAnAllocation(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        try (RawXmpp client = RawXmpp.login(server, alice)) {
            String disco = client.iq("get", server.domain(),
                    "<query xmlns='http://jabber.org/protocol/disco#info'/>");
            assertThat(disco).contains("urn:xmpp:extdisco:2");

            String answer = client.iq("get", server.domain(), "<services xmlns='urn:xmpp:extdisco:2'/>");
            List<Map<String, String>> services = XmlAttributes.of(answer, "service");
            assertThat(services).extracting(s -> s.get("type") + " " + s.get("transport") + " " + s.get("host")
                            + ":" + s.get("port"))
                    .containsExactly("stun udp " + COTURN.host() + ":" + COTURN.port(),
                            "turn udp " + COTURN.host() + ":" + COTURN.port(),
                            "turn tcp " + COTURN.host() + ":" + COTURN.port());
            Map<String, String> turn = services.get(1);
            assertThat(turn.get("restricted")).isEqualTo("1");
            assertThat(turn.get("username")).endsWith(":" + alice.jid());
            long expiry = Long.parseLong(turn.get("username").split(":")[0]);
            assertThat(Instant.parse(turn.get("expires")).getEpochSecond()).isEqualTo(expiry);
            assertThat(expiry - Instant.now().getEpochSecond()).isBetween(590L, 600L);

            try (TurnClient turnClient = new TurnClient(COTURN.address())) {
                assertThat(turnClient.binding()).isPresent();
                TurnClient.Allocation allocation = turnClient.allocate(turn.get("username"), turn.get("password"));
                assertThat(allocation.succeeded()).as("%s", allocation).isTrue();
            }
            // A client per attempt: coturn ties a client address to the first username it saw from it.
            try (TurnClient wrong = new TurnClient(COTURN.address())) {
                assertThat(wrong.allocate(turn.get("username"), "d3JvbmcgcGFzc3dvcmQ=").errorCode()).isEqualTo(401);
            }
            String expired = (Instant.now().getEpochSecond() - 5) + ":" + alice.jid();
            try (TurnClient late = new TurnClient(COTURN.address())) {
                assertThat(late.allocate(expired, hmac(COTURN.secret(), expired)).errorCode()).isEqualTo(401);
            }

            String onlyTurn = client.iq("get", server.domain(), "<services xmlns='urn:xmpp:extdisco:2' type='turn'/>");
            assertThat(XmlAttributes.of(onlyTurn, "service")).extracting(s -> s.get("type"))
                    .containsExactly("turn", "turn");
            String credentials = client.iq("get", server.domain(), "<credentials xmlns='urn:xmpp:extdisco:2'>"
                    + "<service host='" + COTURN.host() + "' type='turn'/></credentials>");
            assertThat(XmlAttributes.of(credentials, "service")).allSatisfy(s ->
                    assertThat(s.get("password")).isNotBlank());
        }
    }

    @Test
    void malformedRequestsAreBadRequests(DevServer server, TestUsers users) throws Exception {
        TestUser bob = users.create("bob");
        try (RawXmpp client = RawXmpp.login(server, bob)) {
            assertThat(client.iq("set", server.domain(), "<services xmlns='urn:xmpp:extdisco:2'/>"))
                    .contains("type='error'").contains("bad-request");
            assertThat(client.iq("get", server.domain(), "<services xmlns='urn:xmpp:extdisco:2' type='ftp'/>"))
                    .contains("bad-request");
            assertThat(client.iq("get", server.domain(), "<credentials xmlns='urn:xmpp:extdisco:2'/>"))
                    .contains("bad-request");
            assertThat(client.iq("get", server.domain(), "<credentials xmlns='urn:xmpp:extdisco:2'>"
                    + "<service host='elsewhere.example' type='turn'/></credentials>")).contains("item-not-found");
        }
    }

    private static String hmac(String secret, String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }
}
