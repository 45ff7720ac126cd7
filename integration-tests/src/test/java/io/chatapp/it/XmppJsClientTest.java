package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A standard client that is not ours and not Smack: xmpp.js (npm {@code @xmpp/client}), over STARTTLS with the
 * server's certificate pinned and over WebSocket, against the server with the plugin. Users register in band
 * (XEP-0077), chat one to one with receipts (XEP-0184) and chat states (XEP-0085), get offline messages with their
 * delay stamp, see their other device's messages as carbons (XEP-0280), read their archive (XEP-0313), share a file
 * through HTTP upload (XEP-0363), and meet in an instant room of the standard MUC service {@code conference}
 * (XEP-0045). Every stanza is written as a client application on xmpp.js would write it; the asserts are what each
 * user's client received. Registration over WebSocket is refused by Openfire 4.2 itself (before authentication
 * its WebSocket code answers {@code not-authorized}, see docs/interop.md), so the WebSocket users register over TCP.
 */
@ExtendWith(ChatServerExtension.class)
class XmppJsClientTest {

    private static final String CHAT_STATES = "http://jabber.org/protocol/chatstates";

    /** How the client reaches the server. */
    enum Transport { TCP, WEBSOCKET }

    @BeforeAll
    static void needsNodeAndXmppJs() {
        String missing = XmppJsClient.missingTools();
        if (missing != null && System.getenv("CI") != null) {
            fail(missing);
        }
        assumeTrue(missing == null, missing);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void chatsOneToOneWithTheStandardExtensions(Transport transport, DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.unregistered("alice");
        TestUser bob = users.unregistered("bob");
        registerAndLeave(server, bob);
        boolean registerWhileConnecting = transport == Transport.TCP;
        if (!registerWhileConnecting) {
            registerAndLeave(server, alice);
        }
        try (XmppJsClient alicePhone = connect(server, transport, alice, "phone", registerWhileConnecting)) {
            online(alicePhone);

            // Offline delivery: bob is registered but not connected.
            alicePhone.send(chat(bob.jid(), "m1", "while you were away", "<request xmlns='urn:xmpp:receipts'/>"));
            try (XmppJsClient bobLaptop = connect(server, transport, bob, "laptop", false)) {
                online(bobLaptop);
                String offline = bobLaptop.await("the offline message",
                        stanza -> stanza.contains("while you were away"));
                assertThat(offline).contains("urn:xmpp:delay").contains("urn:xmpp:receipts").contains("id=\"m1\"");

                // Receipts: bob's client acknowledges, alice's sees it.
                bobLaptop.send("<message to='" + alice.jid() + "' id='r1'><received xmlns='urn:xmpp:receipts'"
                        + " id='m1'/></message>");
                assertThat(alicePhone.await("bob's receipt", stanza -> stanza.contains("urn:xmpp:receipts")))
                        .contains("<received").contains("id=\"m1\"").contains("from=\"" + bob.jid());

                // Chat states, then a live message.
                alicePhone.send("<message type='chat' to='" + bob.jid() + "'><composing xmlns='" + CHAT_STATES
                        + "'/></message>");
                bobLaptop.await("alice typing", stanza -> stanza.contains("<composing xmlns=\"" + CHAT_STATES));
                alicePhone.send(chat(bob.jid(), "m2", "hello bob", "<active xmlns='" + CHAT_STATES + "'/>"));
                assertThat(bobLaptop.await("alice's message", stanza -> stanza.contains("hello bob")))
                        .contains("from=\"" + alice.jid() + "/phone\"").contains("<active xmlns=\"" + CHAT_STATES);
                bobLaptop.send(chat(alice.jid(), "m3", "hello alice", ""));
                alicePhone.await("bob's answer", stanza -> stanza.contains("hello alice"));

                carbonsReachAlicesOtherDevice(server, transport, alice, alicePhone, bob, bobLaptop);
                archiveHasTheConversation(alicePhone, bob);
                fileSharedThroughHttpUpload(server, alicePhone, bobLaptop, bob);
            }
        }
    }

    private static void carbonsReachAlicesOtherDevice(DevServer server, Transport transport, TestUser alice,
            XmppJsClient alicePhone, TestUser bob, XmppJsClient bobLaptop) throws Exception {
        try (XmppJsClient aliceTablet = connect(server, transport, alice, "tablet", false)) {
            online(aliceTablet);
            assertThat(aliceTablet.iq("<iq type='set' id='carbons'><enable xmlns='urn:xmpp:carbons:2'/></iq>"))
                    .contains("type=\"result\"");
            alicePhone.send(chat(bob.jid(), "m4", "sent from the phone", ""));
            assertThat(aliceTablet.await("the carbon of what the phone sent",
                    stanza -> stanza.contains("sent from the phone")))
                    .contains("<sent xmlns=\"urn:xmpp:carbons:2\">").contains("urn:xmpp:forward:0");
            bobLaptop.await("the phone's message", stanza -> stanza.contains("sent from the phone"));
            bobLaptop.send(chat(alicePhone.jid(), "m5", "to the phone only", ""));
            assertThat(aliceTablet.await("the carbon of what the phone received",
                    stanza -> stanza.contains("to the phone only")))
                    .contains("<received xmlns=\"urn:xmpp:carbons:2\">");
            alicePhone.await("bob's message to the phone", stanza -> stanza.contains("to the phone only"));
        }
    }

    private static void archiveHasTheConversation(XmppJsClient alicePhone, TestUser bob) throws Exception {
        String queryId = "q-" + UUID.randomUUID();
        String fin = alicePhone.iq("<iq type='set' id='mam'><query xmlns='urn:xmpp:mam:2' queryid='" + queryId + "'>"
                + "<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:mam:2</value></field>"
                + "<field var='with'><value>" + bob.jid() + "</value></field></x></query></iq>");
        assertThat(fin).contains("type=\"result\"").contains("<fin xmlns=\"urn:xmpp:mam:2\"");
        for (String body : new String[] {"while you were away", "hello bob", "hello alice", "sent from the phone",
                "to the phone only"}) {
            assertThat(alicePhone.await("the archived \"" + body + "\"", stanza ->
                    stanza.contains("queryid=\"" + queryId + "\"") && stanza.contains(">" + body + "<")))
                    .contains("<result xmlns=\"urn:xmpp:mam:2\"").contains("urn:xmpp:forward:0");
        }
    }

    private static void fileSharedThroughHttpUpload(DevServer server, XmppJsClient alicePhone,
            XmppJsClient bobLaptop, TestUser bob) throws Exception {
        String uploadService = XmppJsDisco.serviceWithFeature(alicePhone, server.domain(), "urn:xmpp:http:upload:0");
        String content = "a file from a standard client " + UUID.randomUUID();
        int size = content.getBytes(StandardCharsets.UTF_8).length;
        String slot = alicePhone.iq("<iq type='get' to='" + uploadService + "' id='slot'>"
                + "<request xmlns='urn:xmpp:http:upload:0' filename='note.txt' size='" + size
                + "' content-type='text/plain'/></iq>");
        XmppJsDisco.Slot urls = XmppJsDisco.slot(slot);
        Map<String, String> headers = new LinkedHashMap<>(urls.putHeaders());
        headers.put("Content-Type", "text/plain");
        assertThat(alicePhone.http("PUT", urls.put(), headers, content).status()).as("PUT to the slot")
                .isBetween(200, 201);
        XmppJsClient.HttpAnswer own = alicePhone.http("GET", urls.get(), Map.of(), null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(content);

        alicePhone.send(chat(bob.jid(), "m6", urls.get(),
                "<x xmlns='jabber:x:oob'><url>" + escape(urls.get()) + "</url></x>"));
        String shared = bobLaptop.await("the shared file's link", stanza -> stanza.contains("jabber:x:oob"));
        assertThat(shared).contains(escape(urls.get()));
        XmppJsClient.HttpAnswer download = bobLaptop.http("GET", urls.get(), Map.of(), null);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void meetsInAnInstantRoomOfTheStandardMucService(Transport transport, DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        String room = "room-" + UUID.randomUUID() + "@conference." + server.domain();
        try (XmppJsClient aliceClient = connect(server, transport, alice, "phone", false);
                XmppJsClient bobClient = connect(server, transport, bob, "laptop", false)) {
            online(aliceClient);
            online(bobClient);

            // XEP-0045 §10.1.2: create the room, then accept the default configuration (an instant room).
            aliceClient.send("<presence to='" + room + "/alice'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
            assertThat(aliceClient.await("the room's creation", stanza -> stanza.startsWith("<presence")
                    && stanza.contains(room + "/alice")))
                    .contains("<status code=\"201\"/>").contains("<status code=\"110\"/>");
            assertThat(aliceClient.iq("<iq type='set' to='" + room + "' id='instant'>"
                    + "<query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='submit'/></query></iq>")).contains("type=\"result\"");

            bobClient.send("<presence to='" + room + "/bob'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
            assertThat(bobClient.await("bob's own presence in the room", stanza -> stanza.startsWith("<presence")
                    && stanza.contains("from=\"" + room + "/bob\"")))
                    .as("bob joins the instant room alice created").doesNotContain("type=\"error\"")
                    .contains("<status code=\"110\"/>");
            aliceClient.await("bob's arrival", stanza -> stanza.contains("from=\"" + room + "/bob\""));

            aliceClient.send("<message type='groupchat' to='" + room + "'><body>hello room</body></message>");
            bobClient.await("alice's room message", stanza -> stanza.contains("from=\"" + room + "/alice\"")
                    && stanza.contains("hello room"));
            bobClient.send("<message type='groupchat' to='" + room + "'><body>hello alice</body></message>");
            aliceClient.await("bob's room message", stanza -> stanza.contains("from=\"" + room + "/bob\"")
                    && stanza.contains("hello alice"));
        }
    }

    private static XmppJsClient connect(DevServer server, Transport transport, TestUser user, String resource,
            boolean register) throws IOException {
        String service = switch (transport) {
            case TCP -> "xmpp://" + server.hostname() + ":" + server.xmppPort();
            case WEBSOCKET -> server.webSocketUri().toString();
        };
        return XmppJsClient.connect(service, server.domain(), localpart(user), user.password(), resource, register,
                server.certificate());
    }

    /** Registers over TCP: Openfire 4.2 refuses in-band registration over WebSocket. */
    private static void registerAndLeave(DevServer server, TestUser user) throws IOException {
        try (XmppJsClient registering = connect(server, Transport.TCP, user, "setup", true)) {
            assertThat(registering.jid()).startsWith(user.jid() + "/");
        }
        assertThat(server.userExists(localpart(user))).isTrue();
    }

    /** Initial presence, then a round trip: Openfire routes messages to a resource once it has its presence. */
    private static void online(XmppJsClient client) throws IOException {
        client.send("<presence/>");
        assertThat(client.iq("<iq type='get' id='ping'><ping xmlns='urn:xmpp:ping'/></iq>"))
                .contains("type=\"result\"");
    }

    private static String chat(String to, String id, String body, String extensions) {
        return "<message type='chat' to='" + to + "' id='" + id + "'><body>" + escape(body) + "</body>" + extensions
                + "</message>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String localpart(TestUser user) {
        return user.jid().substring(0, user.jid().indexOf('@'));
    }
}
