package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery and read state as the server records it from standard XEP-0184 receipts and XEP-0333 markers, read back
 * through "message info" and read marks ({@code urn:chatapp:receipts:0}); and "delete for me".
 */
@ExtendWith(ChatServerExtension.class)
class ReceiptsProtocolTest {

    private static final String INFO = "urn:chatapp:receipts:0";

    @Test
    void receiptsAndMarkersBecomeMessageInfoForTheSenderOnly(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob);
             RawXmpp c = RawXmpp.login(server, carol)) {
            String first = a.message(bob.jid(), "chat", "first", "<request xmlns='urn:xmpp:receipts'/>");
            String second = a.message(bob.jid(), "chat", "second", "<request xmlns='urn:xmpp:receipts'/>");
            b.nextMessage(xml -> xml.contains("second"));

            String pending = await(a, info(first), xml -> xml.contains("<recipient"));
            assertThat(pending).contains("jid='" + bob.jid() + "'").doesNotContain("delivered=").doesNotContain("read=");

            b.message(alice.jid(), "chat", null, "<received xmlns='urn:xmpp:receipts' id='" + first + "'/>");
            assertThat(await(a, info(first), xml -> xml.contains("delivered="))).doesNotContain("read=");

            // Displayed for the second message: both are read, and the first (without a receipt of its own) too.
            b.message(alice.jid(), "chat", null, "<displayed xmlns='urn:xmpp:chat-markers:0' id='" + second + "'/>");
            assertThat(await(a, info(second), xml -> xml.contains("read="))).contains("delivered=");
            assertThat(await(a, info(first), xml -> xml.contains("read="))).contains("delivered=");

            // Bob's other devices catch up on what he read.
            assertThat(b.iq("get", null, "<read-marks xmlns='" + INFO + "'/>")).contains("with='" + alice.jid() + "'");

            // Only the sender: bob received it (forbidden); carol has no such message; nonsense ids; no id at all.
            assertThat(b.iq("get", null, info(first))).contains("type='error'").contains("<forbidden");
            assertThat(c.iq("get", null, info(first))).contains("<item-not-found");
            assertThat(a.iq("get", null, info("913095235423178752"))).contains("<item-not-found");
            assertThat(a.iq("get", null, "<info xmlns='" + INFO + "'/>")).contains("<bad-request");
            assertThat(a.iq("get", null, info(first))).contains("read=");
        }
    }

    @Test
    void aSenderWhoWasOfflineLearnsTheReceiptsLater(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        String sent;
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            sent = a.message(bob.jid(), "chat", "are you there?", "<request xmlns='urn:xmpp:receipts'/>");
            b.nextMessage(xml -> xml.contains("are you there?"));
            a.close();
            b.message(alice.jid(), "chat", null, "<received xmlns='urn:xmpp:receipts' id='" + sent + "'/>");
            b.message(alice.jid(), "chat", null, "<displayed xmlns='urn:xmpp:chat-markers:0' id='" + sent + "'/>");
            b.iq("get", null, "<ping xmlns='urn:xmpp:ping'/>");
        }
        try (RawXmpp a = RawXmpp.login(server, alice)) {
            assertThat(await(a, info(sent), xml -> xml.contains("read="))).contains("delivered=");
        }
    }

    @Test
    void deleteForMeHidesFromMyArchiveOnly(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp a2 = RawXmpp.login(server, alice);
             RawXmpp b = RawXmpp.login(server, bob)) {
            a.message(bob.jid(), "chat", "embarrassing", null);
            String id = ArchiveProtocolTest.stanzaId(b.nextMessage(xml -> xml.contains("embarrassing")), bob.jid());

            assertThat(b.iq("set", null, "<hide xmlns='urn:chatapp:archive:0' id='12345'/>"))
                    .contains("<item-not-found");
            assertThat(b.iq("set", null, "<hide xmlns='urn:chatapp:archive:0'/>")).contains("<bad-request");
            assertThat(a.iq("set", null, "<hide xmlns='urn:chatapp:archive:0' id='" + id + "'/>"))
                    .contains("type='result'");
            assertThat(a2.nextMessage(xml -> xml.contains("urn:chatapp:archive:0"))).contains("id='" + id + "'");

            a.iq("set", null, ArchiveProtocolTest.mam("mine", bob.jid(), ""));
            assertThat(a.messagesWithin(Duration.ofMillis(500))).noneMatch(xml -> xml.contains("embarrassing"));
            b.iq("set", null, ArchiveProtocolTest.mam("theirs", alice.jid(), ""));
            assertThat(b.nextMessage(xml -> xml.contains("queryid='theirs'"))).contains("embarrassing");
        }
    }

    private static String info(String id) {
        return "<info xmlns='" + INFO + "' id='" + id + "'/>";
    }

    /** Asks until the answer matches: receipts are recorded asynchronously, within moments. */
    private static String await(RawXmpp client, String payload, java.util.function.Predicate<String> matching)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String answer;
        do {
            answer = client.iq("get", null, payload);
            if (matching.test(answer)) {
                return answer;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("never matched; last answer " + answer);
    }
}
