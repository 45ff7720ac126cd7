package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Groups as any XMPP client sees them: standard XEP-0045 joins, admin and owner IQs to a room of Openfire's MUC
 * service, with the plugin's rules on top ({@code urn:chatapp:groups:0}): private rooms whatever the form says,
 * management by admins only (refused for plain members, also as raw MUC IQs), the group owner protected, removed
 * members kicked and kept out, announcement mode, the size limit, leaving with an ownership hand-over, deletion by the
 * owner only, and system events delivered to the members in the room.
 */
@ExtendWith(ChatServerExtension.class)
class GroupsProtocolTest {

    static final String GROUPS = "urn:chatapp:groups:0";
    static final String ADMIN = "http://jabber.org/protocol/muc#admin";
    static final String OWNER = "http://jabber.org/protocol/muc#owner";
    /** The presence children that create a group: a XEP-0045 join asking for a group (docs/protocol.md). */
    static final String CREATE_GROUP = "<x xmlns='http://jabber.org/protocol/muc'/><create xmlns='" + GROUPS + "'/>";

    @Test
    void creatingAGroupKeepsTheRoomPrivateWhateverTheFormSays(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser carol = users.create("carol");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp c = RawXmpp.login(server, carol)) {
            String room = room(server);
            a.presence(room + "/alice", null, CREATE_GROUP);
            assertThat(a.nextPresence(xml -> xml.contains("code='110'"))).contains("code='201'");
            String open = a.iq("set", room, "<query xmlns='" + OWNER + "'><x xmlns='jabber:x:data' type='submit'>"
                    + field("FORM_TYPE", "http://jabber.org/protocol/muc#roomconfig")
                    + field("muc#roomconfig_roomname", "Team") + field("muc#roomconfig_membersonly", "0")
                    + field("muc#roomconfig_publicroom", "1") + field("muc#roomconfig_persistentroom", "0")
                    + field("muc#roomconfig_whois", "moderators") + field("muc#roomconfig_allowinvites", "1")
                    + field("muc#roomconfig_roomowners", carol.jid()) + "</x></query>");
            assertThat(open).contains("type='result'");
            assertThat(a.nextMessage(xml -> xml.contains("<event"))).contains("type='created'")
                    .contains("actor='" + alice.jid() + "'").contains("created the group");

            String form = a.iq("get", room, "<query xmlns='" + OWNER + "'/>");
            assertThat(value(form, "muc#roomconfig_membersonly")).isEqualTo("1");
            assertThat(value(form, "muc#roomconfig_publicroom")).isEqualTo("0");
            assertThat(value(form, "muc#roomconfig_persistentroom")).isEqualTo("1");
            assertThat(value(form, "muc#roomconfig_whois")).isEqualTo("anyone");
            assertThat(value(form, "muc#roomconfig_allowinvites")).isEqualTo("0");
            assertThat(value(form, "muc#roomconfig_roomname")).isEqualTo("Team");
            // The owners list in the form was ignored: carol is no owner and cannot enter.
            c.presence(room + "/carol", null, "<x xmlns='http://jabber.org/protocol/muc'/>");
            assertThat(c.nextPresence(xml -> xml.contains(room))).contains("type='error'");

            String list = a.iq("get", null, "<groups xmlns='" + GROUPS + "'/>");
            assertThat(list).contains("room='" + room + "'").contains("name='Team'")
                    .contains("owner='" + alice.jid() + "'").contains("jid='" + alice.jid() + "' role='owner'");
            assertThat(c.iq("get", null, "<groups xmlns='" + GROUPS + "'/>")).doesNotContain(room);
        }
    }

    @Test
    void adminsManageTheGroupAndPlainMembersAreRefused(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        TestUser dave = users.create("dave");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob);
             RawXmpp c = RawXmpp.login(server, carol)) {
            String room = create(server, a, "Team");
            assertThat(affiliate(a, room, bob, "member")).contains("type='result'");
            assertThat(a.nextMessage(xml -> xml.contains("member-added"))).contains("target='" + bob.jid() + "'")
                    .contains("added " + bob.username());
            // Openfire invites a member added to a members-only room; bob enters.
            assertThat(b.nextMessage(xml -> xml.contains("jabber:x:conference"))).contains(room);
            join(b, room, "bob");

            // A plain member: every management action refused, as raw MUC IQs and through the plugin.
            assertThat(affiliate(b, room, carol, "member")).contains("<forbidden");
            assertThat(affiliate(b, room, alice, "none")).contains("type='error'");
            assertThat(b.iq("set", room, "<query xmlns='" + OWNER + "'><x xmlns='jabber:x:data' type='submit'>"
                    + field("muc#roomconfig_roomname", "Mine") + "</x></query>")).contains("<forbidden");
            assertThat(b.iq("set", room, "<query xmlns='" + OWNER + "'><destroy/></query>")).contains("<forbidden");
            assertThat(b.iq("set", null, "<settings xmlns='" + GROUPS + "' room='" + room + "' announce='1'/>"))
                    .contains("<forbidden");
            assertThat(b.iq("set", null, "<info xmlns='" + GROUPS + "' room='" + room + "' name='Mine'/>"))
                    .contains("<forbidden");

            // Promoted, bob manages; he still cannot touch the group owner or delete the group.
            assertThat(affiliate(a, room, bob, "owner")).contains("type='result'");
            assertThat(b.nextMessage(xml -> xml.contains("admin-added"))).contains(bob.username() + " is now an admin");
            assertThat(affiliate(b, room, carol, "member")).contains("type='result'");
            assertThat(affiliate(b, room, alice, "member")).contains("<not-allowed");
            assertThat(affiliate(b, room, alice, "none")).contains("<not-allowed");
            assertThat(b.iq("set", room, "<query xmlns='" + OWNER + "'><destroy/></query>")).contains("<forbidden");
            assertThat(b.iq("set", room, "<query xmlns='" + OWNER + "'><x xmlns='jabber:x:data' type='submit'>"
                    + field("muc#roomconfig_roomname", "Team 2") + field("muc#roomconfig_roomdesc", "All of us")
                    + "</x></query>")).contains("type='result'");
            assertThat(a.nextMessage(xml -> xml.contains("name-changed") && xml.contains("value='Team 2'")))
                    .contains("actor='" + bob.jid() + "'");
            // Affiliations groups do not use.
            assertThat(affiliate(a, room, dave, "admin")).contains("<not-acceptable");
            assertThat(affiliate(a, room, dave, "outcast")).contains("<not-acceptable");

            assertThat(affiliate(a, room, bob, "member")).contains("type='result'");
            assertThat(b.nextMessage(xml -> xml.contains("admin-removed"))).contains("is no longer an admin");
            assertThat(affiliate(b, room, dave, "member")).contains("<forbidden");

            String list = c.iq("get", null, "<groups xmlns='" + GROUPS + "'/>");
            assertThat(list).contains("name='Team 2'").contains("jid='" + bob.jid() + "' role='member'")
                    .contains("jid='" + carol.jid() + "' role='member'").contains("All of us");
        }
    }

    @Test
    void aRemovedMemberIsKickedCannotRejoinAndReceivesNothingMore(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            String room = groupWith(server, a, b, bob, "member");
            a.message(room, "groupchat", "before", null);
            b.nextMessage(xml -> xml.contains("before"));

            assertThat(affiliate(a, room, bob, "none")).contains("type='result'");
            assertThat(b.nextPresence(xml -> xml.contains("type='unavailable'"))).contains("code='321'");
            assertThat(a.nextMessage(xml -> xml.contains("member-removed"))).contains("removed " + bob.username());

            b.presence(room + "/bob", null, "<x xmlns='http://jabber.org/protocol/muc'/>");
            assertThat(b.nextPresence(xml -> xml.contains(room))).contains("type='error'");
            a.message(room, "groupchat", "after", null);
            assertThat(b.messagesWithin(Duration.ofMillis(700))).noneMatch(xml -> xml.contains("after"));
            assertThat(b.iq("get", null, "<groups xmlns='" + GROUPS + "'/>")).doesNotContain(room);
        }
    }

    @Test
    void announcementModeLetsOnlyAdminsSend(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            String room = groupWith(server, a, b, bob, "member");
            assertThat(a.iq("set", null, "<settings xmlns='" + GROUPS + "' room='" + room + "' announce='1'/>"))
                    .contains("type='result'");
            assertThat(b.nextMessage(xml -> xml.contains("announce-changed"))).contains("value='1'");

            b.message(room, "groupchat", "may I?", null);
            assertThat(b.nextMessage(xml -> xml.contains("may I?"))).contains("type='error'").contains("<not-allowed");
            a.message(room, "groupchat", "announcement", null);
            assertThat(b.nextMessage(xml -> xml.contains("announcement"))).contains("type='groupchat'");

            // Letting every member edit the info: bob renames through the plugin.
            a.iq("set", null, "<settings xmlns='" + GROUPS + "' room='" + room + "' edit-info='1' announce='0'/>");
            assertThat(b.iq("set", null, "<info xmlns='" + GROUPS + "' room='" + room + "' name='Chat'/>"))
                    .contains("type='result'");
            assertThat(a.nextMessage(xml -> xml.contains("name-changed") && xml.contains("value='Chat'")))
                    .contains("actor='" + bob.jid() + "'");
            assertThat(value(a.iq("get", room, "<query xmlns='" + OWNER + "'/>"), "muc#roomconfig_roomname"))
                    .isEqualTo("Chat");
            b.message(room, "groupchat", "now me", null);
            assertThat(a.nextMessage(xml -> xml.contains("now me"))).contains("type='groupchat'");
        }
    }

    @Test
    void aGroupHasAtMostMaxMembers(DevServer server, TestUsers users) throws Exception {
        // The dev server's limit is the default, 1024: fill a group's list up to it in one request, then one more.
        TestUser alice = users.create("alice");
        try (RawXmpp a = RawXmpp.login(server, alice)) {
            String room = create(server, a, "Big");
            StringBuilder items = new StringBuilder();
            for (int i = 1; i < 1024; i++) {
                items.append("<item affiliation='member' jid='user").append(i).append('@').append(server.domain())
                        .append("'/>");
            }
            // Openfire writes each affiliation to its database: on a loaded machine that takes over the usual 10 s.
            assertThat(a.iq("set", room, "<query xmlns='" + ADMIN + "'>" + items + "</query>",
                    java.time.Duration.ofSeconds(60))).contains("type='result'");
            assertThat(a.iq("set", room, "<query xmlns='" + ADMIN + "'><item affiliation='member' jid='one-more@"
                    + server.domain() + "'/></query>")).contains("<not-allowed").contains("1024");
        }
    }

    @Test
    void anOwnerWhoLeavesHandsOverToTheLongestStandingAdmin(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob);
             RawXmpp c = RawXmpp.login(server, carol)) {
            String room = create(server, a, "Team");
            affiliate(a, room, bob, "member");
            affiliate(a, room, carol, "owner");
            join(b, room, "bob");
            join(c, room, "carol");

            // A plain member leaves: gone from the room's members and the group list.
            assertThat(b.iq("set", null, "<leave xmlns='" + GROUPS + "' room='" + room + "'/>"))
                    .contains("type='result'");
            assertThat(a.nextMessage(xml -> xml.contains("member-left"))).contains(bob.username() + " left");
            assertThat(b.nextPresence(xml -> xml.contains("type='unavailable'"))).contains("code='321'");
            assertThat(memberList(a, room)).doesNotContain(bob.jid());

            // The owner leaves: carol (the only admin) becomes owner, and may delete; alice may not come back.
            assertThat(a.iq("set", null, "<leave xmlns='" + GROUPS + "' room='" + room + "'/>"))
                    .contains("type='result'");
            assertThat(c.nextMessage(xml -> xml.contains("owner-changed"))).contains("target='" + carol.jid() + "'");
            assertThat(c.iq("get", null, "<groups xmlns='" + GROUPS + "'/>")).contains("owner='" + carol.jid() + "'");
            a.presence(room + "/alice2", null, "<x xmlns='http://jabber.org/protocol/muc'/>");
            assertThat(a.nextPresence(xml -> xml.contains("alice2"))).contains("type='error'");
            assertThat(c.iq("set", room, "<query xmlns='" + OWNER + "'><destroy/></query>")).contains("type='result'");
            assertThat(c.iq("get", null, "<groups xmlns='" + GROUPS + "'/>")).doesNotContain(room);
        }
    }

    @Test
    void onlyTheOwnerDeletesTheGroup(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            String room = groupWith(server, a, b, bob, "owner");
            assertThat(b.iq("set", room, "<query xmlns='" + OWNER + "'><destroy/></query>")).contains("<forbidden");
            assertThat(a.iq("set", room, "<query xmlns='" + OWNER + "'><destroy/></query>")).contains("type='result'");
            // Openfire 4.2 sends the occupants a plain unavailable presence (without XEP-0045's <destroy/>).
            assertThat(b.nextPresence(xml -> xml.contains("type='unavailable'"))).contains("role='none'");
            assertThat(b.iq("get", null, "<groups xmlns='" + GROUPS + "'/>")).doesNotContain(room);
        }
    }

    @Test
    void theGroupArchiveShowsEachMemberTheHistorySinceTheyJoined(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob);
             RawXmpp c = RawXmpp.login(server, carol)) {
            String room = create(server, a, "Team");
            a.message(room, "groupchat", "before bob", null);
            a.nextMessage(xml -> xml.contains("before bob"));
            affiliate(a, room, bob, "member");
            a.message(room, "groupchat", "while bob is away", null);
            String live = a.nextMessage(xml -> xml.contains("while bob is away"));
            assertThat(live).contains("<stanza-id xmlns='urn:xmpp:sid:0'").contains("by='" + room + "'");

            assertThat(c.iq("get", room, "<query xmlns='http://jabber.org/protocol/disco#info'/>"))
                    .contains("var='urn:xmpp:mam:2'");
            // Bob, offline from the room, catches up: from his joining on, events and messages in order.
            String fin = b.iq("set", room, "<query xmlns='urn:xmpp:mam:2' queryid='q1'/>");
            assertThat(fin).contains("type='result'").contains("<fin").contains("complete='true'");
            List<String> results = b.messagesWithin(Duration.ofMillis(500)).stream()
                    .filter(xml -> xml.contains("queryid='q1'")).toList();
            assertThat(results).hasSize(2);
            assertThat(results.get(0)).contains("member-added").contains("target='" + bob.jid() + "'");
            assertThat(results.get(1)).contains("while bob is away").contains("jid='" + alice.jid() + "'");
            assertThat(String.join("", results)).doesNotContain("before bob");
            // Alice sees everything from the start.
            a.iq("set", room, "<query xmlns='urn:xmpp:mam:2' queryid='q2'/>");
            assertThat(String.join("", a.messagesWithin(Duration.ofMillis(500)))).contains("before bob")
                    .contains("type='created'");

            // Not a member, or no longer one: refused.
            assertThat(c.iq("set", room, "<query xmlns='urn:xmpp:mam:2'/>")).contains("<forbidden");
            affiliate(a, room, bob, "none");
            assertThat(b.iq("set", room, "<query xmlns='urn:xmpp:mam:2'/>")).contains("<forbidden");
            assertThat(a.iq("set", room, "<query xmlns='urn:xmpp:mam:2'><set xmlns='http://jabber.org/protocol/rsm'>"
                    + "<after>913095235423178752</after></set></query>")).contains("<item-not-found");
        }
    }

    @Test
    void theGroupImageIsTheRoomsVCardSetByAdmins(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
        String photo = "<vCard xmlns='vcard-temp'><PHOTO><TYPE>image/png</TYPE><BINVAL>" + png
                + "</BINVAL></PHOTO></vCard>";
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob);
             RawXmpp c = RawXmpp.login(server, carol)) {
            String room = groupWith(server, a, b, bob, "member");
            assertThat(b.iq("set", room, photo)).contains("<forbidden");
            assertThat(a.iq("set", room, photo)).contains("type='result'").contains("from='" + room + "'");
            assertThat(b.nextMessage(xml -> xml.contains("image-changed"))).contains("changed the group image");
            // Where standard clients look (XEP-0486): a presence from the room with the XEP-0153 hash, and disco#info.
            String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(java.util.Base64.getDecoder().decode(png)));
            assertThat(b.nextPresence(xml -> xml.contains("vcard-temp:x:update"))).contains("from='" + room + "'")
                    .contains("<photo>" + hash + "</photo>");
            String info = b.iq("get", room, "<query xmlns='http://jabber.org/protocol/disco#info'/>");
            assertThat(value(info, "muc#roominfo_avatarhash")).isEqualTo(hash);
            assertThat(info).contains("var='vcard-temp'");
            assertThat(b.iq("get", room, "<vCard xmlns='vcard-temp'/>")).contains("<BINVAL>" + png + "</BINVAL>")
                    .contains("<TYPE>image/png</TYPE>");
            assertThat(c.iq("get", room, "<vCard xmlns='vcard-temp'/>")).contains("<forbidden");
            assertThat(a.iq("set", room, "<vCard xmlns='vcard-temp'><PHOTO><TYPE>image/png</TYPE><BINVAL>***"
                    + "</BINVAL></PHOTO></vCard>")).contains("<bad-request");
            // Base64 of bytes that are no image (an HTML page declared a PNG): refused, the image kept.
            String html = java.util.Base64.getEncoder().encodeToString("<html><script>x()</script></html>"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(a.iq("set", room, "<vCard xmlns='vcard-temp'><PHOTO><TYPE>image/png</TYPE><BINVAL>" + html
                    + "</BINVAL></PHOTO></vCard>")).contains("<bad-request").contains("PHOTO is not an image");
            assertThat(b.iq("get", room, "<vCard xmlns='vcard-temp'/>")).contains("<BINVAL>" + png + "</BINVAL>");
            assertThat(a.iq("set", room, "<vCard xmlns='vcard-temp'/>")).contains("type='result'");
            assertThat(b.iq("get", room, "<vCard xmlns='vcard-temp'/>")).doesNotContain("PHOTO");
            assertThat(b.nextPresence(xml -> xml.contains("vcard-temp:x:update"))).doesNotContain(hash);
            assertThat(b.iq("get", room, "<query xmlns='http://jabber.org/protocol/disco#info'/>"))
                    .doesNotContain("muc#roominfo_avatarhash");
        }
    }

    @Test
    void aPlainMucJoinCreatesNoRoomOnTheGroupServiceButJoinsAGroup(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            String plain = room(server);
            a.presence(plain + "/alice", null, "<x xmlns='http://jabber.org/protocol/muc'/>");
            assertThat(a.nextPresence(xml -> xml.contains(plain))).contains("type='error'").contains("<not-allowed")
                    .contains("type='cancel'").contains(GROUPS).contains("conference service");
            assertThat(a.iq("get", plain, "<query xmlns='" + OWNER + "'/>")).contains("type='error'");
            assertThat(a.iq("get", null, "<groups xmlns='" + GROUPS + "'/>")).doesNotContain(plain);
            // The clean-up a standard client does after a refused creation finds nothing to destroy, and succeeds.
            assertThat(a.iq("set", plain, "<query xmlns='" + OWNER + "'><destroy/></query>")).contains("type='result'");

            // A group created with the element; bob, added, enters it with a standard client's plain join.
            String group = create(server, a, "Team");
            assertThat(affiliate(a, group, bob, "member")).contains("type='result'");
            join(b, group, "bob");
            assertThat(b.iq("get", null, "<groups xmlns='" + GROUPS + "'/>")).contains("room='" + group + "'");
        }
    }

    static String room(DevServer server) {
        return "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@groups."
                + server.domain();
    }

    /** Creates a group as our library does: enter a new room asking for a group, submit the configuration form. */
    static String create(DevServer server, RawXmpp owner, String name) throws Exception {
        String room = room(server);
        owner.presence(room + "/owner", null, CREATE_GROUP);
        owner.nextPresence(xml -> xml.contains("code='201'"));
        String result = owner.iq("set", room, "<query xmlns='" + OWNER + "'><x xmlns='jabber:x:data' type='submit'>"
                + field("muc#roomconfig_roomname", name) + "</x></query>");
        assertThat(result).contains("type='result'");
        return room;
    }

    /** A group the owner created with the user added (with that affiliation) and in the room. */
    static String groupWith(DevServer server, RawXmpp owner, RawXmpp client, TestUser user, String affiliation)
            throws Exception {
        String room = create(server, owner, "Team");
        assertThat(affiliate(owner, room, user, affiliation)).contains("type='result'");
        join(client, room, "bob");
        return room;
    }

    static void join(RawXmpp client, String room, String nick) throws Exception {
        client.presence(room + "/" + nick, null, "<x xmlns='http://jabber.org/protocol/muc'/>");
        assertThat(client.nextPresence(xml -> xml.contains("code='110'") || xml.contains("type='error'")))
                .doesNotContain("type='error'");
    }

    static String affiliate(RawXmpp client, String room, TestUser user, String affiliation) throws Exception {
        return client.iq("set", room, "<query xmlns='" + ADMIN + "'><item affiliation='" + affiliation + "' jid='"
                + user.jid() + "'/></query>");
    }

    static String memberList(RawXmpp client, String room) throws Exception {
        return client.iq("get", room, "<query xmlns='" + ADMIN + "'><item affiliation='member'/></query>");
    }

    static String field(String var, String value) {
        return "<field var='" + var + "'><value>" + value + "</value></field>";
    }

    static String value(String form, String var) {
        Matcher matcher = Pattern.compile("var='" + Pattern.quote(var) + "'[^>]*>\\s*<value>([^<]*)</value>")
                .matcher(form);
        return matcher.find() ? matcher.group(1) : null;
    }
}
