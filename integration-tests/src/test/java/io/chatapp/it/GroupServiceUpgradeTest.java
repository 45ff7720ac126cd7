package io.chatapp.it;

import static io.chatapp.it.GroupsProtocolTest.CREATE_GROUP;
import static io.chatapp.it.GroupsProtocolTest.GROUPS;
import static io.chatapp.it.GroupsProtocolTest.OWNER;
import static io.chatapp.it.GroupsProtocolTest.affiliate;
import static io.chatapp.it.GroupsProtocolTest.field;
import static io.chatapp.it.GroupsProtocolTest.join;
import static io.chatapp.it.GroupsProtocolTest.value;
import static io.chatapp.it.StandardMucRoomsTest.DISCO_INFO;
import static io.chatapp.it.StandardMucRoomsTest.MUC;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.util.Map;
import org.jivesoftware.util.JiveGlobals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An upgrade from a release whose groups lived on {@code conference} (the old default of
 * {@code chatapp.groups.service}): after the plugin restarts with the new default, the groups recorded on
 * {@code conference} keep working there with their rules, new groups go to {@code groups.<domain>}, and a new room on
 * {@code conference} is a standard room.
 */
class GroupServiceUpgradeTest {

    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(Map.of(
            "chatapp.groups.service", "conference"));

    @Test
    void groupsOnConferenceKeepWorkingAfterTheMoveAndNewRoomsThereAreStandard(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        TestUser dave = users.create("dave");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob);
             RawXmpp c = RawXmpp.login(server, carol); RawXmpp d = RawXmpp.login(server, dave)) {
            String old = StandardMucRoomsTest.room(server);
            a.presence(old + "/alice", null, CREATE_GROUP);
            assertThat(a.nextPresence(xml -> xml.contains("code='110'"))).contains("code='201'");
            assertThat(StandardMucRoomsTest.configure(a, old, field("muc#roomconfig_roomname", "Old team")))
                    .contains("type='result'");
            assertThat(affiliate(a, old, bob, "member")).contains("type='result'");

            JiveGlobals.setProperty("chatapp.groups.service", "groups");
            server.restartPluginInPlace();

            String groups = "groups." + server.domain();
            assertThat(a.iq("get", groups, DISCO_INFO)).contains("var='" + GROUPS + "'");
            assertThat(b.iq("get", null, "<groups xmlns='" + GROUPS + "'/>")).contains("room='" + old + "'")
                    .contains("name='Old team'");
            join(b, old, "bob");
            b.message(old, "groupchat", "still here", null);
            assertThat(a.nextMessage(xml -> xml.contains("still here"))).contains("<stanza-id");
            // The group's rules still apply on the old service.
            assertThat(b.iq("set", old, "<query xmlns='" + OWNER + "'><x xmlns='jabber:x:data' type='submit'>"
                    + field("muc#roomconfig_roomname", "Mine") + "</x></query>")).contains("<forbidden");
            assertThat(StandardMucRoomsTest.configure(a, old, field("muc#roomconfig_membersonly", "0")))
                    .contains("type='result'");
            assertThat(value(a.iq("get", old, "<query xmlns='" + OWNER + "'/>"), "muc#roomconfig_membersonly"))
                    .isEqualTo("1");
            c.presence(old + "/carol", null, MUC);
            assertThat(c.nextPresence(xml -> xml.contains(old))).contains("type='error'");

            // A new room on conference is a standard one; a new group goes to the group service.
            String standard = StandardMucRoomsTest.instantRoom(server, c);
            join(d, standard, "dave");
            assertThat(c.iq("get", null, "<groups xmlns='" + GROUPS + "'/>")).doesNotContain(standard);
            String fresh = GroupsProtocolTest.create(server, d, "New team");
            assertThat(fresh).endsWith("@" + groups);
            assertThat(d.iq("get", null, "<groups xmlns='" + GROUPS + "'/>")).contains("room='" + fresh + "'");
        }
    }
}
