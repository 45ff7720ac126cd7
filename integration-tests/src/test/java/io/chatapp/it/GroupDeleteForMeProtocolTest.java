package io.chatapp.it;

import static io.chatapp.it.GroupRemovalProtocolTest.history;
import static io.chatapp.it.GroupRemovalProtocolTest.send;
import static io.chatapp.it.GroupsProtocolTest.affiliate;
import static io.chatapp.it.GroupsProtocolTest.create;
import static io.chatapp.it.GroupsProtocolTest.join;
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
 * "Delete for me" in groups ({@code urn:chatapp:archive:0} {@code <hide/>} sent to the room): the message leaves the
 * member's view of the room's archive on all their devices, the other members keep it; non-members, unknown ids and
 * other groups' messages are refused; the room's history replay leaves it out for that member.
 */
@ExtendWith(ChatServerExtension.class)
class GroupDeleteForMeProtocolTest {

    @Test
    void aMemberHidesAGroupMessageFromTheirOwnViewOnly(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser mallory = users.create("mallory");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp a2 = RawXmpp.login(server, alice);
             RawXmpp b = RawXmpp.login(server, bob); RawXmpp m = RawXmpp.login(server, mallory)) {
            String room = create(server, a, "Team");
            affiliate(a, room, bob, "member");
            join(b, room, "bob");
            String keep = send(b, a, room, "lunch at noon");
            String hide = send(b, a, room, "embarrassing group message");
            String other = create(server, a, "Other");
            String elsewhere = send(a, a, other, "in the other group");

            assertThat(m.iq("set", room, hide(hide))).contains("type='error'").contains("forbidden");
            assertThat(a.iq("set", room, hide("913095235423178752"))).contains("item-not-found");
            assertThat(a.iq("set", room, hide(elsewhere))).as("another group's message").contains("item-not-found");
            assertThat(a.iq("set", room, "<hide xmlns='urn:chatapp:archive:0'/>")).contains("bad-request");

            assertThat(a.iq("set", room, hide(hide))).contains("type='result'");
            assertThat(a2.nextMessage(xml -> xml.contains("<hidden"))).contains("id='" + hide + "'");
            assertThat(a.iq("set", room, hide(hide))).as("hiding twice").contains("type='result'");

            assertThat(history(a2, room, "mine")).doesNotContain("embarrassing").contains("lunch at noon")
                    .contains(keep);
            assertThat(history(b, room, "theirs")).contains("embarrassing").contains("lunch at noon");
            assertThat(history(a, other, "other")).contains("in the other group");

            // Entering the room again, she gets its recent messages replayed (XEP-0045 history): not the hidden one.
            a.presence(room + "/owner", "unavailable", null);
            a.nextPresence(xml -> xml.contains("unavailable"));
            join(a, room, "owner");
            List<String> replayed = a.messagesWithin(Duration.ofSeconds(1));
            assertThat(replayed).anyMatch(xml -> xml.contains("lunch at noon"))
                    .noneMatch(xml -> xml.contains("embarrassing"));
        }
    }

    private static String hide(String archiveId) {
        return "<hide xmlns='urn:chatapp:archive:0' id='" + archiveId + "'/>";
    }
}
