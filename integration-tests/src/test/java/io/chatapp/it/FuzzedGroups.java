package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The groups' part of {@link CustomIqFuzzTest}: Alice sends {@link GroupsGrammar}'s requests to the server, the groups
 * service, a group she owns (Bob a member, in the room) and a group Bob owns that she is only a member of (both
 * entered, since Openfire 4.2's MUC service answers only occupants), and enters new rooms with fuzzed
 * {@code <create/>} elements. A request that ends a group for her (a {@code leave} or {@code destroy} answered with a
 * result) is followed by two new groups, so the rest still reach real ones.
 */
final class FuzzedGroups {

    private final DevServer server;
    private final RawXmpp alice;
    private final TestUser aliceUser;
    private final RawXmpp bob;
    private final TestUser bobUser;
    private final GroupsGrammar grammar;
    private String owned;
    private String member;
    private volatile Exception closed;

    FuzzedGroups(DevServer server, RawXmpp alice, TestUser aliceUser, RawXmpp bob, TestUser bobUser) {
        this.server = server;
        this.alice = alice;
        this.aliceUser = aliceUser;
        this.bob = bob;
        this.bobUser = bobUser;
        this.grammar = new GroupsGrammar(new Random(1518), server.domain(), List.of(aliceUser.jid(),
                bobUser.jid()));
        alice.connection().addConnectionListener(new org.jivesoftware.smack.ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                closed = e;
            }
        });
    }

    /** Sends the requests and presences; returns those answered {@code internal-server-error} or not at all. */
    List<String> fuzz(int requests, int presences) throws Exception {
        List<String> failures = new ArrayList<>();
        newGroups();
        Random random = new Random(1519);
        for (int n = 0; n < requests; n++) {
            GroupsGrammar.Request request = grammar.next();
            String to = address(request.target());
            String answer;
            try {
                answer = alice.iq(request.type(), to, request.payload());
            } catch (AssertionError unanswered) {
                failures.add(request.type() + " to " + to + " unanswered: " + shortened(request.payload()));
                assertStillConnected(failures);
                continue;
            }
            if (answer.contains("internal-server-error")) {
                failures.add(request.type() + " to " + to + ": " + shortened(request.payload()) + "\n  -> "
                        + shortened(answer));
            }
            if (answer.contains("type='result'") && (request.payload().startsWith("<leave")
                    || request.payload().contains("<destroy"))) {
                newGroups();
            }
        }
        for (int n = 0; n < presences; n++) {
            String children = grammar.createPresence();
            String room = GroupsProtocolTest.room(server);
            String nick = random.nextBoolean() ? "alice" : "\u00e9\u4e2d";
            alice.presence(room + "/" + nick, null, children);
            String answer;
            try {
                answer = alice.nextPresence(xml -> xml.contains(room));
            } catch (AssertionError unanswered) {
                failures.add("presence to a new room unanswered: " + shortened(children));
                assertStillConnected(failures);
                continue;
            }
            if (answer.contains("internal-server-error")) {
                failures.add("presence to a new room: " + shortened(children) + "\n  -> " + shortened(answer));
            }
            if (!answer.contains("type='error'")) {
                alice.presence(room + "/" + nick, "unavailable", null);
            }
        }
        return failures;
    }

    /** Every request after a closed connection would wait out its timeout: stop with what was found. */
    private void assertStillConnected(List<String> failures) {
        assertThat(alice.connection().isConnected()).as("Alice still connected after %s (closed: %s)", failures,
                closed).isTrue();
    }

    private String address(GroupsGrammar.Target target) {
        return switch (target) {
            case SERVER -> null;
            case DOMAIN -> server.domain();
            case SERVICE -> "groups." + server.domain();
            case OWNED_ROOM -> owned;
            case MEMBER_ROOM -> member;
        };
    }

    /** A group Alice owns with Bob in it, and one Bob owns with Alice in it as a member. */
    private void newGroups() throws Exception {
        owned = group(alice, bob, bobUser);
        member = group(bob, alice, aliceUser);
        grammar.rooms(owned, member);
    }

    private String group(RawXmpp owner, RawXmpp client, TestUser user) throws Exception {
        String room = GroupsProtocolTest.room(server);
        owner.presence(room + "/owner", null, GroupsProtocolTest.CREATE_GROUP);
        owner.nextPresence(xml -> xml.contains(room) && xml.contains("code='201'"));
        assertThat(owner.iq("set", room, "<query xmlns='" + GroupsGrammar.OWNER + "'><x xmlns='jabber:x:data'"
                + " type='submit'>" + GroupsProtocolTest.field("muc#roomconfig_roomname", "Fuzzed") + "</x></query>"))
                .contains("type='result'");
        assertThat(GroupsProtocolTest.affiliate(owner, room, user, "member")).contains("type='result'");
        client.presence(room + "/member", null, "<x xmlns='http://jabber.org/protocol/muc'/>");
        assertThat(client.nextPresence(xml -> xml.contains(room) && (xml.contains("code='110'")
                || xml.contains("type='error'")))).doesNotContain("type='error'");
        return room;
    }

    /** An oversized request or answer cut for the report. */
    private static String shortened(String xml) {
        return xml.length() <= 600 ? xml : xml.substring(0, 600) + "… (" + xml.length() + " characters)";
    }
}
