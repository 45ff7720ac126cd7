package io.chatapp.it;

import static io.chatapp.it.GroupsProtocolTest.GROUPS;
import static io.chatapp.it.GroupsProtocolTest.OWNER;
import static io.chatapp.it.GroupsProtocolTest.affiliate;
import static io.chatapp.it.GroupsProtocolTest.field;
import static io.chatapp.it.GroupsProtocolTest.join;
import static io.chatapp.it.GroupsProtocolTest.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code conference.<domain>} with the plugin is a stock XEP-0045 service, as standard clients (Converse.js, Gajim,
 * Conversations' channels) use it: instant rooms others can join, reserved rooms kept as their owner configured them,
 * open public rooms and members-only rooms. Groups live on a service of their own, which service discovery names.
 */
@ExtendWith(ChatServerExtension.class)
class StandardMucRoomsTest {

    static final String MUC = "<x xmlns='http://jabber.org/protocol/muc'/>";
    static final String DISCO_INFO = "<query xmlns='http://jabber.org/protocol/disco#info'/>";

    @Test
    void aSecondUserJoinsAnInstantRoomAndTheyChat(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            String room = instantRoom(server, a);

            join(b, room, "bob");
            b.message(room, "groupchat", "hello room", null);
            assertThat(a.nextMessage(xml -> xml.contains("hello room"))).contains("from='" + room + "/bob'");
            assertThat(a.messagesWithin(java.time.Duration.ofMillis(500))).noneMatch(xml -> xml.contains("<event"));
            assertThat(a.iq("get", null, "<groups xmlns='" + GROUPS + "'/>")).doesNotContain(room);
        }
    }

    @Test
    void aReservedRoomKeepsItsOwnersConfiguration(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob);
             RawXmpp c = RawXmpp.login(server, carol)) {
            String members = room(server);
            a.presence(members + "/alice", null, MUC);
            assertThat(a.nextPresence(xml -> xml.contains("code='110'"))).contains("code='201'");
            assertThat(a.iq("get", members, "<query xmlns='" + OWNER + "'/>")).contains("muc#roomconfig_membersonly");
            assertThat(configure(a, members, field("muc#roomconfig_roomname", "Staff")
                    + field("muc#roomconfig_membersonly", "1") + field("muc#roomconfig_persistentroom", "1")
                    + field("muc#roomconfig_whois", "moderators") + field("muc#roomconfig_allowinvites", "1")))
                    .contains("type='result'");
            String form = a.iq("get", members, "<query xmlns='" + OWNER + "'/>");
            assertThat(value(form, "muc#roomconfig_whois")).isEqualTo("moderators");
            assertThat(value(form, "muc#roomconfig_allowinvites")).isEqualTo("1");
            b.presence(members + "/bob", null, MUC);
            assertThat(b.nextPresence(xml -> xml.contains(members))).contains("registration-required");
            assertThat(affiliate(a, members, carol, "member")).contains("type='result'");
            join(c, members, "carol");

            String open = room(server);
            a.presence(open + "/alice", null, MUC);
            a.nextPresence(xml -> xml.contains(open) && xml.contains("code='201'"));
            assertThat(configure(a, open, field("muc#roomconfig_roomname", "Lobby")
                    + field("muc#roomconfig_membersonly", "0") + field("muc#roomconfig_publicroom", "1")))
                    .contains("type='result'");
            join(b, open, "bob");
            assertThat(b.iq("get", "conference." + server.domain(),
                    "<query xmlns='http://jabber.org/protocol/disco#items'/>")).contains(open);
        }
    }

    @Test
    void discoveryNamesTheGroupServiceNotConference(DevServer server, TestUsers users) throws Exception {
        try (RawXmpp a = RawXmpp.login(server, users.create("alice"))) {
            String groups = "groups." + server.domain();
            assertThat(a.iq("get", server.domain(), "<query xmlns='http://jabber.org/protocol/disco#items'/>"))
                    .contains("jid='" + groups + "'").contains("jid='conference." + server.domain() + "'");
            assertThat(a.iq("get", groups, DISCO_INFO)).contains("var='" + GROUPS + "'")
                    .contains("var='http://jabber.org/protocol/muc'");
            assertThat(a.iq("get", "conference." + server.domain(), DISCO_INFO)).doesNotContain(GROUPS)
                    .contains("var='http://jabber.org/protocol/muc'");
        }
    }

    static String room(DevServer server) {
        return "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@conference." + server.domain();
    }

    /** XEP-0045 §10.1.2: enter a new room, accept the default configuration with an empty form. */
    static String instantRoom(DevServer server, RawXmpp owner) throws Exception {
        String room = room(server);
        owner.presence(room + "/owner", null, MUC);
        assertThat(owner.nextPresence(xml -> xml.contains("code='110'"))).contains("code='201'");
        assertThat(owner.iq("set", room, "<query xmlns='" + OWNER + "'><x xmlns='jabber:x:data' type='submit'/>"
                + "</query>")).contains("type='result'");
        return room;
    }

    static String configure(RawXmpp owner, String room, String fields) throws Exception {
        return owner.iq("set", room, "<query xmlns='" + OWNER + "'><x xmlns='jabber:x:data' type='submit'>"
                + field("FORM_TYPE", "http://jabber.org/protocol/muc#roomconfig") + fields + "</x></query>");
    }
}
