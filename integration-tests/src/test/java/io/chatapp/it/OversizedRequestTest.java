package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15's oversized stanzas to our namespaces: for every IQ handler the plugin registers and every IQ request its
 * interceptors take (at a group room, on the way to Openfire's own handlers; both read from the running plugin, so a
 * new one without a case here fails), a request of the right shape, where it is sent, with a 256 KB value where a
 * name, an id or a setting goes, and one with 5,000 children. Each gets an answer within the client's 10 s, none is
 * {@code internal-server-error}, the value is never stored or echoed into anything of the user's, and the connection
 * and the server carry on (a message still arrives).
 */
@ExtendWith(ChatServerExtension.class)
class OversizedRequestTest {

    private static final String BIG = "x".repeat(256 * 1024);

    @Test
    void everyHandlerAnswersOversizedRequestsWithoutInternalErrorAndTheServerCarriesOn(DevServer server,
            TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice, "phone");
             RawXmpp b = RawXmpp.login(server, bob)) {
            String room = GroupsProtocolTest.create(server, a, "oversized group");
            Map<String, Request> handled = handlerRequests(server, room);
            assertThat(handled.keySet()).as("a case for every IQ handler of the plugin")
                    .containsAll(AuthorizationSweepTest.iqHandlerNamespaces(server));
            Map<String, Request> intercepted = interceptedRequests(room, alice, bob);
            assertThat(intercepted.keySet()).as("a case for every IQ request the plugin intercepts")
                    .containsAll(AuthorizationSweepTest.interceptedIqNamespaces(server));

            List<String> answers = new ArrayList<>();
            send(a, handled, "handler", answers);
            send(a, intercepted, "intercepted", answers);
            System.out.println("Oversized requests:\n  " + String.join("\n  ", answers));

            assertThat(a.iq("set", room, "<query xmlns='" + GroupsProtocolTest.OWNER + "'><x xmlns='jabber:x:data'"
                    + " type='submit'><field var='muc#roomconfig_roomname'><value>" + BIG + "</value></field></x>"
                    + "</query>")).as("a 256 KB name in the room's configuration form").contains("bad-request");
            assertThat(a.iq("get", room, "<query xmlns='" + GroupsProtocolTest.ADMIN + "'><item affiliation='outcast'"
                    + " jid='" + bob.jid() + "'/></query>")).as("a change sent as a get, which Openfire's MUC would"
                    + " apply past the groups' rules").contains("bad-request");
            // The 5,000-children variant carries the name "x", which is a fine name.
            assertThat(a.iq("get", null, "<groups xmlns='urn:chatapp:groups:0'/>")).as("Alice's groups")
                    .contains(room).doesNotContain(BIG.substring(0, 1_000));
            assertThat(a.iq("get", null, "<notifications xmlns='urn:chatapp:notifications:0'/>"))
                    .as("Alice's notification settings").doesNotContain(BIG.substring(0, 1_000));
            a.message(bob.jid(), "chat", "still here", null);
            assertThat(b.nextMessage(xml -> xml.contains("still here"))).as("the server carries on").isNotNull();
        }
    }

    /** A request of one namespace: where it is sent (null: the server) and its payload with a given value. */
    private record Request(String to, Function<String, String> payload) {
    }

    /**
     * Each request with the 256 KB value and with 5,000 children, as get and as set: none may be answered
     * internal-server-error. Notes each answer's condition and time in {@code answers}.
     */
    private static void send(RawXmpp xmpp, Map<String, Request> requests, String kind, List<String> answers)
            throws Exception {
        for (Map.Entry<String, Request> request : requests.entrySet()) {
            Request sent = request.getValue();
            for (String payload : List.of(sent.payload().apply(BIG), withManyChildren(sent.payload().apply("x")))) {
                for (String type : List.of("get", "set")) {
                    long started = System.nanoTime();
                    String answer = xmpp.iq(type, sent.to(), payload);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    String shape = payload.contains(BIG) ? "256 KB value" : "5,000 children";
                    String what = kind + " " + request.getKey() + (sent.to() == null ? "" : " (to " + sent.to() + ")");
                    answers.add(String.format("%s %s %s: %s in %d ms", what, type, shape, condition(answer), millis));
                    assertThat(answer).as("%s %s with a %s", type, what, shape).doesNotContain("internal-server-error");
                }
            }
        }
    }

    /** For each handler's namespace, its request to the server with the value where a name, an id or a setting goes. */
    private static Map<String, Request> handlerRequests(DevServer server, String room) {
        Map<String, Function<String, String>> requests = new LinkedHashMap<>();
        requests.put("urn:xmpp:mam:2", value -> "<query xmlns='urn:xmpp:mam:2' queryid='" + value + "'/>");
        requests.put("urn:chatapp:archive:0", value -> "<hide xmlns='urn:chatapp:archive:0' id='" + value + "'/>");
        requests.put("urn:chatapp:receipts:0", value -> "<info xmlns='urn:chatapp:receipts:0' id='" + value + "'/>");
        requests.put("urn:chatapp:last-seen:0", value -> "<last-seen xmlns='urn:chatapp:last-seen:0' visibility='"
                + value + "'/>");
        requests.put("urn:chatapp:groups:0", value -> "<info xmlns='urn:chatapp:groups:0' room='" + room
                + "' name='" + value + "'/>");
        requests.put("urn:chatapp:stories:0", value -> "<privacy xmlns='urn:chatapp:stories:0' audience='" + value
                + "'/>");
        requests.put("urn:chatapp:calls:0", value -> "<calls xmlns='urn:chatapp:calls:0' with='" + value + "'/>");
        requests.put("urn:chatapp:notifications:0", value -> "<notifications xmlns='urn:chatapp:notifications:0'>"
                + "<chat jid='" + value + "' muted='true'/></notifications>");
        requests.put("urn:xmpp:push:0", value -> "<enable xmlns='urn:xmpp:push:0' jid='push." + server.domain()
                + "' node='" + value + "'/>");
        requests.put("urn:xmpp:extdisco:2", value -> "<services xmlns='urn:xmpp:extdisco:2' type='" + value + "'/>");
        Map<String, Request> toServer = new LinkedHashMap<>();
        requests.forEach((namespace, payload) -> toServer.put(namespace, new Request(null, payload)));
        return toServer;
    }

    /**
     * For each namespace the plugin intercepts, its request where clients send it (the group room, another user, the
     * server), with the value where a name, an id or a setting goes. Alice owns the room, so her requests get past
     * the membership checks to the reading of the value.
     */
    private static Map<String, Request> interceptedRequests(String room, TestUser alice, TestUser bob) {
        Map<String, Request> requests = new LinkedHashMap<>();
        requests.put("urn:xmpp:mam:2", new Request(room, value -> "<query xmlns='urn:xmpp:mam:2' queryid='" + value
                + "'/>"));
        requests.put("urn:chatapp:archive:0", new Request(room, value -> "<hide xmlns='urn:chatapp:archive:0' id='"
                + value + "'/>"));
        requests.put("urn:xmpp:message-moderate:1", new Request(room, value -> "<moderate"
                + " xmlns='urn:xmpp:message-moderate:1' id='" + value + "'>"
                + "<retract xmlns='urn:xmpp:message-retract:1'/></moderate>"));
        requests.put("urn:xmpp:fasten:0", new Request(room, value -> "<apply-to xmlns='urn:xmpp:fasten:0' id='" + value
                + "'><moderate xmlns='urn:xmpp:message-moderate:0'><retract xmlns='urn:xmpp:message-retract:0'/>"
                + "</moderate></apply-to>"));
        requests.put("urn:chatapp:receipts:0", new Request(room, value -> "<info xmlns='urn:chatapp:receipts:0' id='"
                + value + "'/>"));
        requests.put("vcard-temp", new Request(room, value -> "<vCard xmlns='vcard-temp'><PHOTO><TYPE>image/png</TYPE>"
                + "<BINVAL>" + value + "</BINVAL></PHOTO></vCard>"));
        // The value as the reason, not the JID: the error would carry a 256 KB JID back, which Smack cannot read
        // (RoomRequestsTest has the 256 KB JID, refused as bad-request).
        requests.put(GroupsProtocolTest.ADMIN, new Request(room, value -> "<query xmlns='" + GroupsProtocolTest.ADMIN
                + "'><item affiliation='member' jid='" + bob.jid() + "'><reason>" + value + "</reason></item>"
                + "</query>"));
        requests.put(GroupsProtocolTest.OWNER, new Request(room, value -> "<query xmlns='" + GroupsProtocolTest.OWNER
                + "'><x xmlns='jabber:x:data' type='submit'><field var='muc#roomconfig_roomdesc'><value>" + value
                + "</value></field></x></query>"));
        requests.put("jabber:iq:register", new Request(null, value -> "<query xmlns='jabber:iq:register'><username>"
                + alice.username() + "</username><password>" + value + "</password></query>"));
        requests.put("jabber:iq:last", new Request(bob.jid(), value -> "<query xmlns='jabber:iq:last' seconds='"
                + value + "'/>"));
        return requests;
    }

    /** The request with 5,000 empty children added to its top element. */
    private static String withManyChildren(String request) {
        String children = "<y/>".repeat(5_000);
        String name = elementName(request);
        return request.endsWith("/>")
                ? request.substring(0, request.length() - 2) + ">" + children + "</" + name + ">"
                : request.substring(0, request.lastIndexOf("</")) + children + "</" + name + ">";
    }

    private static String elementName(String request) {
        return request.substring(1, request.indexOf(' '));
    }

    /** The answer's type and, for an error, its condition. */
    private static String condition(String answer) {
        if (answer.contains("type='result'") || answer.contains("type=\"result\"")) {
            return "result";
        }
        java.util.regex.Matcher error = java.util.regex.Pattern.compile(
                "<([a-z-]+) xmlns=['\"]urn:ietf:params:xml:ns:xmpp-stanzas['\"]").matcher(answer);
        return error.find() ? "error " + error.group(1) : "error";
    }
}
