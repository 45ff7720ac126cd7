package io.chatapp.it;

import static io.chatapp.it.GroupsProtocolTest.affiliate;
import static io.chatapp.it.GroupsProtocolTest.create;
import static io.chatapp.it.GroupsProtocolTest.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delete for everyone in groups as standard clients do it: a member's XEP-0424 retraction sent to the room, an
 * admin's XEP-0425 moderation (current and earlier form), the refusals, the tombstone that MAM returns instead of
 * the message, and the notice every occupant gets.
 */
@ExtendWith(ChatServerExtension.class)
class GroupRemovalProtocolTest {

    static final String RETRACT = "urn:xmpp:message-retract:1";
    static final String MODERATE = "urn:xmpp:message-moderate:1";

    @Test
    void aMemberRetractsTheirOwnMessageAndNotSomeoneElses(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            String room = teamWithBob(server, a, b, bob);
            String bobs = send(b, a, room, "typo from bob");
            String alices = send(a, b, room, "alice says hi");

            // Bob may not retract alice's message: forbidden, and nothing happens to it.
            b.message(room, "groupchat", "fallback", "<retract xmlns='" + RETRACT + "' id='" + alices + "'/>");
            assertThat(b.nextMessage(xml -> xml.contains("type=\"error\"") || xml.contains("type='error'")))
                    .contains("forbidden");

            b.message(room, "groupchat", "fallback", "<retract xmlns='" + RETRACT + "' id='" + bobs + "'/>");
            String notice = a.nextMessage(xml -> xml.contains("<retract"));
            assertThat(notice).contains("id='" + bobs + "'").contains("from='" + room + "/bob'")
                    .contains("groupchat");

            String history = history(a, room, "q1");
            assertThat(history).doesNotContain("typo from bob").contains("<retracted").contains("alice says hi")
                    .contains(bob.jid());
        }
    }

    @Test
    void aRetractionAfterTheWindowIsRefusedAndTheMessageStays(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            String room = teamWithBob(server, a, b, bob);
            String recent = send(b, a, room, "sent two days ago");
            // The server's clock cannot be moved, so the message is moved back in time instead: an archive id carries
            // its message's time, and the default window is 48 hours.
            String old = movedBack(server, recent, Duration.ofHours(49));

            b.message(room, "groupchat", "fallback", "<retract xmlns='" + RETRACT + "' id='" + old + "'/>");
            assertThat(b.nextMessage(xml -> xml.contains("type=\"error\"") || xml.contains("type='error'")))
                    .contains("not-acceptable").contains("older than 48 hours");
            assertThat(a.messagesWithin(Duration.ofSeconds(1))).noneMatch(xml -> xml.contains("<retract"));
            // Unchanged in the archive. (MAM on the room starts at the group's creation, after the moved time.)
            try (Connection db = server.connectToDatabase(); PreparedStatement row = db.prepareStatement(
                    "SELECT stanza, retracted_at FROM chatapp.archive_message WHERE id = ?")) {
                row.setLong(1, Long.parseLong(old));
                try (ResultSet stored = row.executeQuery()) {
                    assertThat(stored.next()).isTrue();
                    assertThat(stored.getString("stanza")).contains("sent two days ago");
                    assertThat(stored.getObject("retracted_at")).isNull();
                }
            }
        }
    }

    /** Gives an archived message the id it would have had {@code age} earlier; returns that id. */
    private static String movedBack(DevServer server, String stanzaId, Duration age) throws Exception {
        long id = Long.parseLong(stanzaId);
        // ArchiveIds: milliseconds since 2020 in the bits above the 22 bits of node and sequence.
        long older = id - (age.toMillis() << 22);
        try (Connection db = server.connectToDatabase()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // The archive writes in batches: wait until the row is there to move.
            while (true) {
                try (PreparedStatement move = db.prepareStatement("UPDATE chatapp.archive_message SET id = ? WHERE id = ?")) {
                    move.setLong(1, older);
                    move.setLong(2, id);
                    if (move.executeUpdate() == 1) {
                        return Long.toString(older);
                    }
                }
                assertThat(System.nanoTime()).as("archived in time").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @Test
    void anAdminRemovesAMembersMessageAndEveryoneSeesTheModeration(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob);
             RawXmpp c = RawXmpp.login(server, carol)) {
            String room = team(server, a, b, bob, carol);
            assertThat(a.iq("get", room, "<query xmlns='http://jabber.org/protocol/disco#info'/>"))
                    .contains("var='" + MODERATE + "'").contains("var='urn:xmpp:message-moderate:0'")
                    .contains("var='" + RETRACT + "'");
            send(a, b, room, "still here");
            String spam = send(b, a, room, "buy cheap watches");
            String second = send(b, a, room, "more spam");

            // A plain member may not moderate.
            assertThat(b.iq("set", room, moderate(second, "no"))).contains("type='error'").contains("forbidden");
            assertThat(a.iq("set", room, moderate("913095235423178752", null))).contains("item-not-found");

            assertThat(a.iq("set", room, moderate(spam, "spam"))).contains("type='result'");
            // Bob, as a standard client in the room, gets the moderation in the current and the earlier form.
            String moderation = b.nextMessage(xml -> xml.contains(MODERATE));
            assertThat(moderation).contains("<retract xmlns='" + RETRACT + "' id='" + spam + "'")
                    .contains("<moderated").contains("by='" + room + "/owner'").contains("<reason>spam</reason>")
                    .contains("urn:xmpp:fasten:0").contains("urn:xmpp:message-moderate:0");

            // The earlier form removes a message too.
            assertThat(a.iq("set", room, "<apply-to xmlns='urn:xmpp:fasten:0' id='" + second + "'>"
                    + "<moderate xmlns='urn:xmpp:message-moderate:0'><retract xmlns='urn:xmpp:message-retract:0'/>"
                    + "</moderate></apply-to>")).contains("type='result'");
            b.nextMessage(xml -> xml.contains("id='" + second + "'") && xml.contains(MODERATE));

            // Carol, offline from the room all along, catches up: tombstones (with who removed them), no content.
            String history = history(c, room, "q2");
            assertThat(history).doesNotContain("buy cheap watches").doesNotContain("more spam")
                    .contains("<retracted").contains("<moderated").contains("<reason>spam</reason>")
                    .contains("jid='" + alice.jid() + "'").contains(bob.jid());
            // Entering the room, she gets its recent messages replayed (XEP-0045 history): not the removed ones.
            join(c, room, "carol");
            List<String> replayed = c.messagesWithin(Duration.ofSeconds(1));
            assertThat(replayed).anyMatch(xml -> xml.contains("still here"))
                    .noneMatch(xml -> xml.contains("buy cheap watches") || xml.contains("more spam"));
        }
    }

    @Test
    void aStandardClientsMarkerReachesTheOthersAndCountsInMessageInfo(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob);
             RawXmpp c = RawXmpp.login(server, carol)) {
            String room = team(server, a, b, bob, carol);
            join(c, room, "carol");
            String sent = send(a, b, room, "read me");

            // As Conversations does: a groupchat marker to the room naming the room's stanza-id.
            b.message(room, "groupchat", null, "<displayed xmlns='urn:xmpp:chat-markers:0' id='" + sent + "'/>");
            assertThat(c.nextMessage(xml -> xml.contains("chat-markers"))).contains("from='" + room + "/bob'")
                    .contains("id='" + sent + "'");
            String info = "<info xmlns='urn:chatapp:receipts:0' id='" + sent + "'/>";
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String answer = a.iq("get", room, info);
            while (!answer.matches("(?s).*jid='" + bob.jid() + "'[^>]*read=.*") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                answer = a.iq("get", room, info);
            }
            assertThat(answer).containsPattern("jid='" + bob.jid() + "'[^>]*read=");

            // Our library's markers (chat to the room) are recorded but go to no one.
            c.message(room, "chat", null, "<displayed xmlns='urn:xmpp:chat-markers:0' id='" + sent + "'/>");
            assertThat(b.messagesWithin(Duration.ofSeconds(1))).noneMatch(xml -> xml.contains("chat-markers")
                    && xml.contains(room + "/carol"));
        }
    }

    /** A group the owner created with bob as a member, bob in the room. */
    private static String teamWithBob(DevServer server, RawXmpp owner, RawXmpp b, TestUser bob) throws Exception {
        String room = create(server, owner, "Team");
        affiliate(owner, room, bob, "member");
        join(b, room, "bob");
        return room;
    }

    /** A group the owner created with bob and carol as members, bob in the room. */
    private static String team(DevServer server, RawXmpp owner, RawXmpp b, TestUser bob, TestUser carol)
            throws Exception {
        String room = create(server, owner, "Team");
        affiliate(owner, room, bob, "member");
        affiliate(owner, room, carol, "member");
        join(b, room, "bob");
        return room;
    }

    /** A groupchat message from one member, seen by another; returns its stanza-id by the room. */
    static String send(RawXmpp from, RawXmpp other, String room, String body) throws Exception {
        from.message(room, "groupchat", body, null);
        return ArchiveProtocolTest.stanzaId(other.nextMessage(xml -> xml.contains(body)), room);
    }

    private static String moderate(String id, String reason) {
        return "<moderate xmlns='" + MODERATE + "' id='" + id + "'><retract xmlns='" + RETRACT + "'/>"
                + (reason == null ? "" : "<reason>" + reason + "</reason>") + "</moderate>";
    }

    static String history(RawXmpp client, String room, String queryId) throws Exception {
        assertThat(client.iq("set", room, "<query xmlns='urn:xmpp:mam:2' queryid='" + queryId + "'/>"))
                .contains("<fin");
        return String.join("\n", client.messagesWithin(Duration.ofMillis(500)).stream()
                .filter(xml -> xml.contains("queryid='" + queryId + "'")).toList());
    }
}
