package io.chatapp.it;

import static io.chatapp.it.ArchiveProtocolTest.mam;
import static io.chatapp.it.ArchiveProtocolTest.resultIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The message body limit ({@code chatapp.messages.maxBodyChars}, 65,536 characters by default): a longer message
 * is refused with policy-violation, delivered to nobody and archived nowhere, and the sender stays connected.
 */
@ExtendWith(ChatServerExtension.class)
class MessageSizeLimitTest {

    private static final int LIMIT = 65_536;
    /** About 1 MiB, yet under Openfire's own 1 MiB stanza limit (which would end the connection instead). */
    private static final int ABOUT_ONE_MIB = 1_048_000;

    @Test
    void aOneToOneMessageOverTheLimitIsRefusedAndNeitherDeliveredNorArchived(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            for (int length : new int[] {LIMIT + 1, ABOUT_ONE_MIB}) {
                String id = a.message(bob.jid(), "chat", "x".repeat(length), null);
                String error = a.nextMessage(xml -> xml.contains("type='error'") && xml.contains(id));
                assertThat(error).as("refusal of %d characters", length)
                        .contains("<policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'")
                        .contains("type='modify'")
                        .contains("message body longer than 65536 characters");
            }

            // Alice is still connected; a body exactly at the limit is delivered, and it is the first Bob gets.
            String atLimit = "y".repeat(LIMIT);
            a.message(bob.jid(), "chat", atLimit, null);
            String delivered = b.nextMessage(xml -> xml.contains("<body>"));
            assertThat(delivered).contains("<body>" + atLimit + "</body>");

            // Only that message is in either archive.
            for (RawXmpp party : List.of(a, b)) {
                String queryId = party == a ? "qa" : "qb";
                String fin = party.iq("set", null, mam(queryId, party == a ? bob.jid() : alice.jid(),
                        "<max>10</max>"));
                assertThat(fin).contains("complete='true'");
                assertThat(resultIds(party, queryId, 1)).hasSize(1);
                assertThat(party.messagesWithin(Duration.ofMillis(300))).noneMatch(xml -> xml.contains("<result"));
            }
        }
    }

    @Test
    void aGroupMessageOverTheLimitIsRefusedAndReachesNoMember(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            String room = GroupsProtocolTest.groupWith(server, a, b, bob, "member");

            String id = a.message(room, "groupchat", "x".repeat(LIMIT + 1), null);
            String error = a.nextMessage(xml -> xml.contains("type='error'") && xml.contains(id));
            assertThat(error).contains("<policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'")
                    .contains("message body longer than 65536 characters");

            // The room never saw it: the first group message either member gets is the one at the limit.
            String atLimit = "y".repeat(LIMIT);
            a.message(room, "groupchat", atLimit, null);
            for (RawXmpp member : List.of(a, b)) {
                assertThat(member.nextMessage(xml -> xml.contains("type='groupchat'") && xml.contains("<body>")))
                        .contains("<body>" + atLimit + "</body>");
            }

            // Nor did the group's archive.
            a.iq("set", room, "<query xmlns='urn:xmpp:mam:2' queryid='g1'/>");
            String results = String.join("", a.messagesWithin(Duration.ofMillis(500)));
            assertThat(results).contains(atLimit).doesNotContain("x".repeat(LIMIT));
        }
    }
}
