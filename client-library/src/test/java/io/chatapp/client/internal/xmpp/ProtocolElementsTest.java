package io.chatapp.client.internal.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Round trips of the elements of docs/protocol.md: what the library writes, and parses the server's answers. */
class ProtocolElementsTest {

    private static final Instant T1 = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final Instant T2 = Instant.parse("2026-11-24T10:16:02Z");

    @BeforeAll
    static void smack() {
        SmackConfiguration.getDefaultReplyTimeout(); // loads Smack and its providers
        ChatAppProviders.register();
    }

    static <S extends Stanza> S parse(String xml) throws Exception {
        return PacketParserUtils.parseStanza(xml);
    }

    @Test
    void messageInfoRequestAndResult() throws Exception {
        MessageInfoIQ request = MessageInfoIQ.request("7f1c");
        request.setStanzaId("q1");
        assertThat(request.toXML().toString()).isEqualTo(
                "<iq xmlns='jabber:client' id='q1' type='get'><info xmlns='urn:chatapp:receipts:0' id='7f1c'/></iq>");

        MessageInfoIQ result = parse("<iq type='result' id='q1'>"
                + "<info xmlns='urn:chatapp:receipts:0' id='7f1c' stanza-id='117' sent='2026-11-24T10:15:30.123Z'>"
                + "<recipient jid='bob@example.com' delivered='2026-11-24T10:15:30.123Z' read='2026-11-24T10:16:02.000Z'/>"
                + "<recipient jid='carol@example.com'/>"
                + "</info></iq>");
        assertThat(result.getType()).isEqualTo(IQ.Type.result);
        assertThat(result.id()).isEqualTo("7f1c");
        assertThat(result.stanzaId()).isEqualTo("117");
        assertThat(result.sent()).isEqualTo(T1);
        assertThat(result.recipients()).containsExactly(
                new MessageInfoIQ.Recipient("bob@example.com", T1, T2),
                new MessageInfoIQ.Recipient("carol@example.com", null, null));

        // What the library writes, it reads back the same.
        MessageInfoIQ again = parse(result.toXML().toString());
        assertThat(again.recipients()).isEqualTo(result.recipients());
        assertThat(again.sent()).isEqualTo(T1);
    }

    @Test
    void readMarksRequestAndResult() throws Exception {
        ReadMarksIQ request = ReadMarksIQ.request(null);
        request.setStanzaId("r1");
        assertThat(request.toXML().toString()).isEqualTo(
                "<iq xmlns='jabber:client' id='r1' type='get'><read-marks xmlns='urn:chatapp:receipts:0'/></iq>");
        ReadMarksIQ limited = ReadMarksIQ.request("alice@example.com");
        limited.setStanzaId("r2");
        assertThat(limited.toXML().toString()).contains("<read-marks xmlns='urn:chatapp:receipts:0' with='alice@example.com'/>");

        ReadMarksIQ result = parse("<iq type='result' id='r1'><read-marks xmlns='urn:chatapp:receipts:0'>"
                + "<mark with='alice@example.com' stanza-id='117' stamp='2026-11-24T10:16:02.000Z'/>"
                + "<mark stanza-id='no-with'/>"
                + "</read-marks></iq>");
        assertThat(result.marks()).containsExactly(new ReadMarksIQ.Mark("alice@example.com", "117", T2));
        ReadMarksIQ again = parse(result.toXML().toString());
        assertThat(again.marks()).isEqualTo(result.marks());
    }

    @Test
    void lastSeenVisibility() throws Exception {
        LastSeenVisibilityIQ set = LastSeenVisibilityIQ.set("nobody");
        set.setStanzaId("p1");
        assertThat(set.toXML().toString()).isEqualTo(
                "<iq xmlns='jabber:client' id='p1' type='set'><last-seen xmlns='urn:chatapp:last-seen:0' visibility='nobody'/></iq>");
        LastSeenVisibilityIQ get = LastSeenVisibilityIQ.get();
        get.setStanzaId("p2");
        assertThat(get.toXML().toString()).isEqualTo(
                "<iq xmlns='jabber:client' id='p2' type='get'><last-seen xmlns='urn:chatapp:last-seen:0'/></iq>");
        LastSeenVisibilityIQ result = parse("<iq type='result' id='p2'>"
                + "<last-seen xmlns='urn:chatapp:last-seen:0' visibility='contacts'/></iq>");
        assertThat(result.visibility()).isEqualTo("contacts");
    }

    @Test
    void notificationsSetAndResult() throws Exception {
        NotificationsIQ set = NotificationsIQ.set(true, java.util.List.of(
                new NotificationsIQ.Chat("g1@groups.example.org", null, "mentions"),
                new NotificationsIQ.Chat("alice@example.org", "2026-12-07T12:00:00Z", null)));
        set.setStanzaId("n1");
        assertThat(set.toXML().toString()).isEqualTo("<iq xmlns='jabber:client' id='n1' type='set'>"
                + "<notifications xmlns='urn:chatapp:notifications:0' previews='true'>"
                + "<chat jid='g1@groups.example.org' level='mentions'/>"
                + "<chat jid='alice@example.org' muted-until='2026-12-07T12:00:00Z'/></notifications></iq>");
        NotificationsIQ result = parse("<iq type='result' id='n2'><notifications xmlns='urn:chatapp:notifications:0'"
                + " previews='false' vapid-key='BA'><chat jid='alice@example.org' muted-until='2026-12-07T12:00:00Z'/>"
                + "<unread jid='bob@example.org' count='3'/></notifications></iq>");
        assertThat(result.previews()).isFalse();
        assertThat(result.chats()).containsExactly(
                new NotificationsIQ.Chat("alice@example.org", "2026-12-07T12:00:00Z", null));
        assertThat(result.unread()).containsExactly(java.util.Map.entry("bob@example.org", 3));
        assertThat(result.vapidKey()).isEqualTo("BA");
        assertThat(result.stories()).as("not said").isNull();
        NotificationsIQ withStories = parse("<iq type='result' id='n4'><notifications"
                + " xmlns='urn:chatapp:notifications:0' previews='false' stories='true'/></iq>");
        assertThat(withStories.stories()).isTrue();
        NotificationsIQ stories = NotificationsIQ.setStories(true);
        stories.setStanzaId("n5");
        assertThat(stories.toXML().toString()).isEqualTo("<iq xmlns='jabber:client' id='n5' type='set'>"
                + "<notifications xmlns='urn:chatapp:notifications:0' stories='true'/></iq>");
        NotificationsIQ webPush = NotificationsIQ.webPush(new NotificationsIQ.WebPush("https://ntfy.example/up1",
                "BPk", "q83"));
        webPush.setStanzaId("n3");
        assertThat(webPush.toXML().toString()).isEqualTo("<iq xmlns='jabber:client' id='n3' type='set'>"
                + "<notifications xmlns='urn:chatapp:notifications:0'>"
                + "<webpush endpoint='https://ntfy.example/up1' p256dh='BPk' auth='q83'/></notifications></iq>");
    }

    @Test
    void hideAndHidden() throws Exception {
        HideIQ hide = new HideIQ("117");
        hide.setStanzaId("d1");
        assertThat(hide.toXML().toString()).isEqualTo(
                "<iq xmlns='jabber:client' id='d1' type='set'><hide xmlns='urn:chatapp:archive:0' id='117'/></iq>");
        HideIQ parsed = parse(hide.toXML().toString());
        assertThat(parsed.archiveId()).isEqualTo("117");

        Message headline = parse("<message xmlns='jabber:client' type='headline' to='bob@example.com/phone'>"
                + "<hidden xmlns='urn:chatapp:archive:0' id='117'/></message>");
        HiddenElement hidden = (HiddenElement) headline.getExtension(HiddenElement.QNAME);
        assertThat(hidden.id()).isEqualTo("117");
        assertThat(hidden.toXML().toString()).isEqualTo("<hidden xmlns='urn:chatapp:archive:0' id='117'/>");
    }

    @Test
    void retractAndTombstone() throws Exception {
        RetractElement retract = new RetractElement("7f1c");
        assertThat(retract.toXML().toString()).isEqualTo("<retract xmlns='urn:xmpp:message-retract:1' id='7f1c'/>");
        RetractedElement retracted = new RetractedElement(T1);
        assertThat(retracted.toXML().toString()).isEqualTo(
                "<retracted xmlns='urn:xmpp:message-retract:1' stamp='2026-11-24T10:15:30.123Z'/>");

        Message message = parse("<message xmlns='jabber:client' from='alice@example.com/phone' to='bob@example.com' type='chat' id='r-1'>"
                + retract.toXML() + "<body>fallback</body></message>");
        assertThat(((RetractElement) message.getExtension(RetractElement.QNAME)).id()).isEqualTo("7f1c");

        Message tombstone = parse("<message xmlns='jabber:client' from='alice@example.com/phone' to='bob@example.com' type='chat' id='x'>"
                + "<retracted xmlns='urn:xmpp:message-retract:1' stamp='2026-11-24T10:15:30.123Z'>"
                + "<retract xmlns='urn:xmpp:message-retract:1' id='x'/></retracted></message>");
        assertThat(((RetractedElement) tombstone.getExtension(RetractedElement.QNAME)).stamp()).isEqualTo(T1);
    }

    @Test
    void timesAreWrittenWithMilliseconds() throws Exception {
        assertThat(XmppTimes.format(T2)).isEqualTo("2026-11-24T10:16:02.000Z");
        assertThat(XmppTimes.parse("2026-11-24T11:16:02+01:00")).isEqualTo(T2);
        assertThat(XmppTimes.parse(null)).isNull();
        assertThat(List.of(XmppTimes.parse("2026-11-24T10:16:02Z"))).containsExactly(T2);
    }
}
