package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzing of our custom IQs through the real server (issue 15): a fixed-seed run of made-up requests in our
 * namespaces (groups, stories, archive, receipts, last seen), with our element names, attributes and children
 * mixed at random, sent as get and set to the server, the groups service, the upload service and a user. Every
 * request gets an answer, and none is {@code internal-server-error}: a client's mistake is the client's error.
 */
@ExtendWith(ChatServerExtension.class)
class CustomIqFuzzTest {

    private static final int REQUESTS = 300;
    private static final int GRAMMAR_REQUESTS = 300;
    private static final int GROUPS_REQUESTS = 400;
    private static final int CREATE_PRESENCES = 40;
    private static final String[][] ELEMENTS = {
            {"urn:chatapp:groups:0", "create"}, {"urn:chatapp:groups:0", "groups"}, {"urn:chatapp:groups:0", "info"},
            {"urn:chatapp:groups:0", "leave"}, {"urn:chatapp:groups:0", "settings"},
            {"urn:chatapp:groups:0", "read-all"}, {"urn:chatapp:stories:0", "post"},
            {"urn:chatapp:stories:0", "stories"}, {"urn:chatapp:stories:0", "story"},
            {"urn:chatapp:stories:0", "privacy"}, {"urn:chatapp:stories:0", "mute"},
            {"urn:chatapp:archive:0", "hide"}, {"urn:chatapp:archive:0", "retract"},
            {"urn:chatapp:receipts:0", "info"}, {"urn:chatapp:receipts:0", "read-marks"},
            {"urn:chatapp:last-seen:0", "last-seen"}, {"urn:chatapp:other:0", "x"}};
    private static final String[] ATTRIBUTES = {"id", "with", "visibility", "jid", "kind", "audience", "stanza-id",
            "name", "room", "max", "type", "url", "until", "description", "announce"};
    /**
     * Children: ours, and none that Smack parses on its own (data forms, RSM): an error answer echoes the request, and
     * Smack closes the connection on a child its provider cannot read. MAM's form and RSM are fuzzed by
     * {@code MamQueryParserFuzzTest}.
     */
    private static final String[] CHILDREN = {"text", "media", "caption", "member", "contact", "item", "name",
            "description", "story", "mute"};
    private static final String[] VALUES = {"", " ", "0", "-1", "99999999999999999999", "alice@localhost",
            "bob@localhost/phone", "@", "a@b@c", "localhost", "groups.localhost", "everyone", "contacts", "nobody",
            "true", "false", "image", "video", "text", "2026-11-24T10:00:00Z", "2026-99-99", "0000000000000000001",
            "https://127.0.0.1:1/x", "../../etc/passwd", "&lt;x/&gt;", "\u00e9\u4e2d\ud83d\ude00", "x".repeat(2_000)};

    @Test
    void noMadeUpRequestGetsInternalServerError(DevServer server, TestUsers users) throws Exception {
        Random random = new Random(1515);
        String[] targets = {null, server.domain(), "groups." + server.domain(), "upload." + server.domain(),
                "bob@" + server.domain()};
        users.create("bob");
        List<String> failures = new ArrayList<>();
        try (RawXmpp alice = RawXmpp.login(server, users.create("alice"))) {
            for (int n = 0; n < REQUESTS; n++) {
                String[] element = ELEMENTS[random.nextInt(ELEMENTS.length)];
                String payload = element(random, element[1], element[0], 2);
                String type = random.nextBoolean() ? "get" : "set";
                String to = targets[random.nextInt(targets.length)];
                String answer = alice.iq(type, to, payload);
                if (answer.contains("internal-server-error")) {
                    failures.add(type + " to " + to + ": " + payload + "\n  -> " + answer);
                }
            }
            assertThat(alice.iq("get", null, "<ping xmlns='urn:xmpp:ping'/>")).as("still served")
                    .containsAnyOf("type='result'", "type=\"result\"");
        }
        assertThat(failures).as("requests answered internal-server-error").isEmpty();
    }

    /**
     * Requests that follow the grammar of the IQs that came later (call log, notifications, push, stories, group
     * moderation and delete-for-me; {@link IqGrammar}), with real ids of things that are not the sender's mixed in:
     * a message in a group Alice owns, a story of Bob's. Sent to the account, the server, Bob, the groups service
     * or the room. Then the groups' requests by grammar ({@link GroupsGrammar}): {@code urn:chatapp:groups:0} to the
     * server, MUC admin and owner requests and room vCards to a group Alice owns and to one she is only a member of,
     * and presences entering new rooms with {@code <create/>}. None may be answered {@code internal-server-error},
     * every one is answered, and the session stays served: a message still arrives.
     */
    @Test
    void noRequestOfTheNewIqsGetsInternalServerError(DevServer server, TestUsers users) throws Exception {
        TestUser bobUser = users.create("bob");
        TestUser aliceUser = users.create("alice");
        List<String> failures = new ArrayList<>();
        try (RawXmpp alice = RawXmpp.login(server, aliceUser);
             RawXmpp bob = RawXmpp.login(server, bobUser)) {
            String room = GroupsProtocolTest.create(server, alice, "Fuzz");
            alice.message(room, "groupchat", "fuzz-target", null);
            String roomMessage = ArchiveProtocolTest.stanzaId(alice.nextMessage(xml -> xml.contains("fuzz-target")),
                    room);
            String story = bob.iq("set", null, "<post xmlns='urn:chatapp:stories:0'><text>bob's</text></post>")
                    .replaceAll("(?s).*<story [^>]*id=['\"]([^'\"]+)['\"].*", "$1");
            IqGrammar grammar = new IqGrammar(new Random(1516), List.of(roomMessage, story, room));
            String[] targets = {null, null, server.domain(), "bob@" + server.domain(), "groups." + server.domain()};
            Random random = new Random(1517);
            for (int n = 0; n < GRAMMAR_REQUESTS; n++) {
                IqGrammar.Request request = grammar.next();
                String type = random.nextInt(4) == 0 ? "get" : "set";
                String to = request.toRoom() ? room : targets[random.nextInt(targets.length)];
                String answer = alice.iq(type, to, request.payload());
                if (answer.contains("internal-server-error")) {
                    failures.add(type + " to " + to + ": " + request.payload() + "\n  -> " + answer);
                }
            }
            FuzzedGroups groups = new FuzzedGroups(server, alice, aliceUser, bob, bobUser);
            try (SmackReadsAsXml rawMuc = new SmackReadsAsXml()) {
                failures.addAll(groups.fuzz(GROUPS_REQUESTS, CREATE_PRESENCES));
            }
            assertThat(alice.iq("get", null, "<ping xmlns='urn:xmpp:ping'/>")).as("still served")
                    .containsAnyOf("type='result'", "type=\"result\"");
            bob.message(aliceUser.jid(), "chat", "after the fuzzing", null);
            assertThat(alice.nextMessage(xml -> xml.contains("after the fuzzing"))).as("a message still arrives")
                    .isNotNull();
        }
        assertThat(failures).as("requests answered internal-server-error").isEmpty();
    }

    private static String element(Random random, String name, String namespace, int depth) {
        StringBuilder xml = new StringBuilder("<").append(name);
        if (namespace != null) {
            xml.append(" xmlns='").append(namespace).append('\'');
        }
        java.util.Set<String> given = new java.util.HashSet<>(); // an attribute twice is not XML: the stream ends
        for (int a = random.nextInt(4); a > 0; a--) {
            String attribute = ATTRIBUTES[random.nextInt(ATTRIBUTES.length)];
            String value = escaped(VALUES[random.nextInt(VALUES.length)]);
            if (given.add(attribute)) {
                xml.append(' ').append(attribute).append("='").append(value).append('\'');
            }
        }
        xml.append('>');
        if (depth > 0) {
            for (int c = random.nextInt(4); c > 0; c--) {
                xml.append(element(random, CHILDREN[random.nextInt(CHILDREN.length)], null, depth - 1));
            }
        }
        if (random.nextInt(3) == 0) {
            xml.append(escaped(VALUES[random.nextInt(VALUES.length)]));
        }
        return xml.append("</").append(name).append('>').toString();
    }

    private static String escaped(String value) {
        return IqGrammar.escaped(value);
    }
}
