package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Typing notifications stay out of storage; last seen (XEP-0012) follows each user's visibility choice. */
@ExtendWith(ChatServerExtension.class)
class PresenceProtocolTest {

    private static final String LAST_SEEN = "urn:chatapp:last-seen:0";

    @Test
    void typingToAnOfflineUserIsNeitherStoredNorArchived(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice)) {
            a.message(bob.jid(), "chat", null, "<composing xmlns='http://jabber.org/protocol/chatstates'/>"
                    + "<no-store xmlns='urn:xmpp:hints'/>");
            a.message(bob.jid(), "chat", "the real message", "<active xmlns='http://jabber.org/protocol/chatstates'/>");
            a.iq("get", null, "<ping xmlns='urn:xmpp:ping'/>");
        }
        try (RawXmpp b = RawXmpp.login(server, bob)) {
            var received = b.messagesWithin(Duration.ofSeconds(1));
            assertThat(received).anyMatch(xml -> xml.contains("the real message"));
            assertThat(received).noneMatch(xml -> xml.contains("<composing"));
            b.iq("set", null, ArchiveProtocolTest.mam("all", alice.jid(), ""));
            assertThat(b.messagesWithin(Duration.ofMillis(500)).stream()
                    .filter(xml -> xml.contains("queryid='all'"))).hasSize(1);
        }
    }

    @Test
    void lastSeenFollowsTheUsersChoice(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice)) {
            try (RawXmpp b = RawXmpp.login(server, bob)) {
                assertThat(b.iq("get", null, "<last-seen xmlns='" + LAST_SEEN + "'/>"))
                        .contains("visibility='contacts'");
                // Online, but alice is not a contact and the default is contacts.
                assertThat(a.iq("get", bob.jid(), lastQuery())).contains("<forbidden");
                assertThat(b.iq("set", null, "<last-seen xmlns='" + LAST_SEEN + "' visibility='friends'/>"))
                        .contains("<bad-request");
                assertThat(b.iq("set", null, "<last-seen xmlns='" + LAST_SEEN + "' visibility='everyone'/>"))
                        .contains("type='result'");
                assertThat(a.iq("get", bob.jid(), lastQuery())).contains("seconds='0'");
                // Another user's setting is not ours to read or change.
                assertThat(a.iq("set", bob.jid(), "<last-seen xmlns='" + LAST_SEEN + "' visibility='nobody'/>"))
                        .contains("<forbidden");
                b.goOffline();
            }
            String offline;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            do {
                Thread.sleep(250);
                offline = a.iq("get", bob.jid(), lastQuery());
            } while (!offline.matches(".*seconds='[1-9].*") && System.nanoTime() < deadline);
            assertThat(offline).contains("jabber:iq:last").containsPattern("seconds='[1-9]");
            try (RawXmpp b = RawXmpp.login(server, bob)) {
                b.iq("set", null, "<last-seen xmlns='" + LAST_SEEN + "' visibility='nobody'/>");
                assertThat(a.iq("get", bob.jid(), lastQuery())).contains("<forbidden");
                assertThat(b.iq("get", bob.jid(), lastQuery())).contains("type='result'");
            }
        }
    }

    private static String lastQuery() {
        return "<query xmlns='jabber:iq:last'/>";
    }
}
