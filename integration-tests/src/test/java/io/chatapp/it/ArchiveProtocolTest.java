package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The archive as a standard XMPP client sees it (XEP-0313, XEP-0359, XEP-0424): hand-written stanzas over a plain
 * Smack connection, so nothing of our own client library is involved.
 */
@ExtendWith(ChatServerExtension.class)
class ArchiveProtocolTest {

    private static final Pattern RESULT_ID = Pattern.compile("<result [^>]*id='([^']+)'");
    private static final Pattern LAST = Pattern.compile("<last>([^<]+)</last>");

    @Test
    void messagesGetStanzaIdsAndTheArchivePagesBothWays(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob);
             RawXmpp c = RawXmpp.login(server, carol)) {
            List<String> stanzaIds = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                a.message(bob.jid(), "chat", "message " + i, null);
                String received = b.nextMessage(xml -> xml.contains("<body>"));
                assertThat(received).contains("message " + i).contains("by='" + bob.jid() + "'")
                        .contains("by='" + alice.jid() + "'");
                stanzaIds.add(stanzaId(received, bob.jid()));
            }
            assertThat(stanzaIds).doesNotHaveDuplicates();

            String first = b.iq("set", null, mam("q1", alice.jid(), "<max>2</max>"));
            assertThat(first).contains("<fin").doesNotContain("complete='true'");
            List<String> firstPage = resultIds(b, "q1", 2);
            assertThat(firstPage).containsExactlyElementsOf(stanzaIds.subList(0, 2));

            String rest = b.iq("set", null, mam("q2", alice.jid(), "<max>10</max><after>" + last(first)
                    + "</after>"));
            assertThat(rest).contains("complete='true'");
            assertThat(resultIds(b, "q2", 3)).containsExactlyElementsOf(stanzaIds.subList(2, 5));

            String latest = b.iq("set", null, mam("q3", alice.jid(), "<max>2</max><before/>"));
            assertThat(latest).contains("<fin");
            assertThat(resultIds(b, "q3", 2)).containsExactlyElementsOf(stanzaIds.subList(3, 5));

            // The sender's archive has the same messages under the same ids; a third user's has none of them.
            a.iq("set", null, mam("q4", bob.jid(), "<max>10</max>"));
            assertThat(resultIds(a, "q4", 5)).containsExactlyElementsOf(stanzaIds);
            String carols = c.iq("set", null, mam("q5", null, "<max>10</max>"));
            assertThat(carols).contains("complete='true'");
            assertThat(c.messagesWithin(java.time.Duration.ofMillis(300))).noneMatch(xml -> xml.contains("<result"));
        }
    }

    /**
     * XEP-0313 §6.1: a client learns that its server archives its messages from the disco#info of its own bare JID
     * (where standard clients look; also for XEP-0359 stanza-ids), on every Openfire the plugin runs on.
     */
    @Test
    void theArchiveIsAdvertisedOnTheAccountAndTheServer(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        try (RawXmpp a = RawXmpp.login(server, alice)) {
            String query = "<query xmlns='http://jabber.org/protocol/disco#info'/>";
            for (String address : new String[] {alice.jid(), server.domain()}) {
                assertThat(a.iq("get", address, query)).as(address).contains("type='result'")
                        .contains("var='urn:xmpp:mam:2'").contains("var='urn:xmpp:sid:0'");
            }
        }
    }

    /**
     * A standard client that was offline gets what was sent meanwhile from Openfire's offline storage when it comes
     * online (not from the archive: it does not ask), with the archive's stanza-id (the archive stamps the message
     * before Openfire stores it) and the time it was sent.
     */
    @Test
    void aClientThatWasOfflineGetsTheMessageFromOfflineStorageWithItsStanzaId(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice)) {
            a.message(bob.jid(), "chat", "while you were away", null);
            a.iq("get", server.domain(), "<ping xmlns='urn:xmpp:ping'/>");
        }
        try (RawXmpp b = RawXmpp.login(server, bob)) {
            String received = b.nextMessage(xml -> xml.contains("<body>"));
            assertThat(received).contains("while you were away").contains("urn:xmpp:delay");
            assertThat(stanzaId(received, bob.jid())).isNotBlank();
        }
    }

    @Test
    void forgedStanzaIdsAreRemoved(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            a.message(bob.jid(), "chat", "forged", "<stanza-id xmlns='urn:xmpp:sid:0' by='" + bob.jid()
                    + "' id='999'/>");
            String received = b.nextMessage(xml -> xml.contains("forged"));
            assertThat(received).doesNotContain("id='999'");
            assertThat(stanzaId(received, bob.jid())).isNotEqualTo("999");
        }
    }

    @Test
    void aMessageWithoutBodyLosesItsForgedStanzaIdToo(DevServer server, TestUsers users) throws Exception {
        // Review for issue 12: only archived messages were cleaned, so a chat state could carry a made-up archive
        // id that the recipient's client would take as its catch-up position.
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            a.message(bob.jid(), "chat", null, "<composing xmlns='http://jabber.org/protocol/chatstates'/>"
                    + "<stanza-id xmlns='urn:xmpp:sid:0' by='" + bob.jid().toUpperCase() + "' id='9223372036854775807'/>");
            String received = b.nextMessage(xml -> xml.contains("composing"));
            assertThat(received).doesNotContain("stanza-id").doesNotContain("9223372036854775807");
        }
    }

    @Test
    void aRetractionSentAsAHeadlineIsCheckedLikeAnyOther(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob);
             RawXmpp c = RawXmpp.login(server, carol)) {
            a.message(bob.jid(), "chat", "alice's words", "<origin-id xmlns='urn:xmpp:sid:0' id='hl-1'/>");
            b.nextMessage(xml -> xml.contains("alice's words"));

            c.message(bob.jid(), "headline", null, "<retract xmlns='urn:xmpp:message-retract:1' id='hl-1'/>");
            assertThat(c.nextMessage(xml -> xml.contains("type='error'"))).contains("retract");
            assertThat(b.messagesWithin(java.time.Duration.ofMillis(500))).noneMatch(xml -> xml.contains("retract"));
        }
    }

    @Test
    void badQueriesGetTheRightErrorsAndChangeNothing(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            a.message(bob.jid(), "chat", "kept", null);
            b.nextMessage(xml -> xml.contains("kept"));

            assertThat(b.iq("set", null, mamForm("q1", "<field var='start'><value>yesterday</value></field>", "")))
                    .contains("type='error'").contains("<bad-request");
            assertThat(b.iq("set", null, mam("q2", alice.jid(), "<max>-1</max>")))
                    .contains("<bad-request");
            assertThat(b.iq("set", null, mam("q3", alice.jid(), "<after>123456789</after>")))
                    .contains("<item-not-found");
            // Text that is not one of our ids at all is a malformed request, not a missing message.
            assertThat(b.iq("set", null, mam("q4", alice.jid(), "<after>not-an-id</after>")))
                    .contains("<bad-request");
            assertThat(b.iq("set", null, mam("q4b", alice.jid(), "<before>abc</before>")))
                    .contains("<bad-request");
            assertThat(b.iq("set", null, mamForm("q4c", "<field var='before-id'><value>abc</value></field>", "")))
                    .contains("<bad-request");
            assertThat(b.iq("set", null, mam("q4d", alice.jid(), "<before>123456789</before>")))
                    .contains("<item-not-found");
            assertThat(b.iq("set", null, mamForm("q5", "<field var='favourite-colour'><value>red</value></field>",
                    ""))).contains("<feature-not-implemented");
            assertThat(b.iq("set", null, mam("q6", alice.jid(), "<index>3</index>")))
                    .contains("<feature-not-implemented");
            assertThat(b.iq("set", null, mamForm("q7", "<field var='with'><value>@@@</value></field>", "")))
                    .contains("<bad-request");
            // Somebody else's archive.
            assertThat(b.iq("set", alice.jid(), mam("q8", null, ""))).contains("<forbidden");

            // Nothing changed: the message is still there, once.
            b.iq("set", null, mam("q9", alice.jid(), ""));
            assertThat(resultIds(b, "q9", 1)).hasSize(1);
        }
    }

    @Test
    void theSenderRetractsAndTheArchiveKeepsOnlyATombstone(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice); RawXmpp b = RawXmpp.login(server, bob)) {
            a.message(bob.jid(), "chat", "oops, wrong chat", "<origin-id xmlns='urn:xmpp:sid:0' id='m-1'/>");
            b.nextMessage(xml -> xml.contains("wrong chat"));
            a.message(bob.jid(), "chat", "a keeper", "<origin-id xmlns='urn:xmpp:sid:0' id='m-2'/>");
            b.nextMessage(xml -> xml.contains("a keeper"));

            // Bob cannot retract Alice's message, nor a message that does not exist; neither reaches Alice.
            b.message(alice.jid(), "chat", "fallback", retract("m-1"));
            assertThat(b.nextMessage(xml -> xml.contains("type='error'"))).contains("<forbidden")
                    .contains("urn:xmpp:message-retract:1");
            b.message(alice.jid(), "chat", "fallback", retract("no-such-message"));
            assertThat(b.nextMessage(xml -> xml.contains("type='error'"))).contains("<item-not-found");
            a.message(bob.jid(), "chat", "fallback", "<retract xmlns='urn:xmpp:message-retract:1'/>");
            assertThat(a.nextMessage(xml -> xml.contains("type='error'"))).contains("<bad-request");
            assertThat(a.messagesWithin(java.time.Duration.ofMillis(300)))
                    .noneMatch(xml -> xml.contains("<retract"));

            a.message(bob.jid(), "chat", "This person attempted to retract a previous message",
                    retract("m-1") + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:message-retract:1'/>");
            assertThat(b.nextMessage(xml -> xml.contains("<retract"))).contains("id='m-1'");

            for (RawXmpp party : List.of(a, b)) {
                String with = party == a ? bob.jid() : alice.jid();
                party.iq("set", null, mam("t", with, ""));
                List<String> results = party.messagesWithin(java.time.Duration.ofMillis(800));
                String archived = String.join("\n", results);
                assertThat(archived).doesNotContain("wrong chat").contains("a keeper")
                        .contains("<retracted").contains("urn:xmpp:message-retract:1");
            }
        }
    }

    private static String retract(String id) {
        return "<retract xmlns='urn:xmpp:message-retract:1' id='" + id + "'/>";
    }

    static String mam(String queryId, String with, String rsm) {
        String field = with == null ? "" : "<field var='with'><value>" + with + "</value></field>";
        return mamForm(queryId, field, rsm.isEmpty() ? "" : "<set xmlns='http://jabber.org/protocol/rsm'>" + rsm
                + "</set>");
    }

    static String mamForm(String queryId, String fields, String set) {
        return "<query xmlns='urn:xmpp:mam:2' queryid='" + queryId + "'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:mam:2</value></field>" + fields + "</x>"
                + set + "</query>";
    }

    /** The archive ids of the results a query sent before its IQ result (already received by now). */
    static List<String> resultIds(RawXmpp client, String queryId, int expected) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        while (ids.size() < expected) {
            String xml = client.nextMessage(m -> m.contains("queryid='" + queryId + "'"));
            Matcher id = RESULT_ID.matcher(xml);
            assertThat(id.find()).as(xml).isTrue();
            ids.add(id.group(1));
        }
        return ids;
    }

    static String stanzaId(String messageXml, String by) {
        Matcher id = Pattern.compile("<stanza-id [^>]*by='" + Pattern.quote(by) + "'[^>]*id='([^']+)'|<stanza-id [^>]*id='([^']+)'[^>]*by='"
                + Pattern.quote(by) + "'").matcher(messageXml);
        assertThat(id.find()).as(messageXml).isTrue();
        return id.group(1) != null ? id.group(1) : id.group(2);
    }

    private static String last(String finXml) {
        Matcher last = LAST.matcher(finXml);
        assertThat(last.find()).as(finXml).isTrue();
        return last.group(1);
    }
}
