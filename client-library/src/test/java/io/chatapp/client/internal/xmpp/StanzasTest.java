package io.chatapp.client.internal.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.TypingState;
import io.chatapp.client.internal.Incoming;
import java.time.Instant;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/** What the library sends (docs/protocol.md), and how it reads what it receives. */
class StanzasTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static BareJid bob;

    @BeforeAll
    static void smack() throws Exception {
        SmackConfiguration.getDefaultReplyTimeout(); // loads Smack and its providers
        ChatAppProviders.register();
        bob = JidCreate.bareFrom("bob@example.com");
    }

    private static Message parse(String xml) throws Exception {
        return PacketParserUtils.parseStanza(xml);
    }

    @Test
    void aTextHasOneIdAsIdAndOriginIdAndAsksForReceiptAndMarkers() throws Exception {
        String xml = Stanzas.chat(JidCreate.from("bob@example.com"), "7f1c", "hi <3").toXML().toString();
        assertThat(xml).startsWith("<message xmlns='jabber:client' to='bob@example.com' id='7f1c' type='chat'>")
                .contains("<body>hi &lt;3</body>")
                .contains("<origin-id xmlns='urn:xmpp:sid:0' id='7f1c'/>")
                .contains("<request xmlns='urn:xmpp:receipts'/>")
                .contains("<markable xmlns='urn:xmpp:chat-markers:0'/>")
                .contains("<active xmlns='http://jabber.org/protocol/chatstates'/>");

        // Read by the recipient: the id receipts refer to, a request, a chat state.
        Incoming read = StanzaReader.read(parse(xml.replace("to='bob@example.com'",
                "from='alice@example.com/phone' to='bob@example.com'")), Incoming.Source.LIVE, bob, NOW);
        assertThat(read.id()).isEqualTo("7f1c");
        assertThat(read.originId()).isEqualTo("7f1c");
        assertThat(read.body()).isEqualTo("hi <3");
        assertThat(read.receiptRequested()).isTrue();
        assertThat(read.chatState()).isEqualTo(TypingState.ACTIVE);
        assertThat(read.outgoing()).isFalse();
        assertThat(read.peer()).isEqualTo("alice@example.com");
        assertThat(read.fromDevice()).isEqualTo("phone");
        assertThat(read.fromFull()).isEqualTo("alice@example.com/phone");
        assertThat(read.sentAt()).isEqualTo(NOW);
        assertThat(read.delayed()).isFalse();
    }

    @Test
    void receiptsMarkersAndChatStates() throws Exception {
        var to = JidCreate.from("alice@example.com/phone");
        assertThat(Stanzas.receipt(to, "x1", "7f1c").toXML().toString())
                .contains("<received xmlns='urn:xmpp:receipts' id='7f1c'/>").doesNotContain("<body");
        assertThat(Stanzas.displayed(to, "x2", "7f1c").toXML().toString())
                .contains("<displayed xmlns='urn:xmpp:chat-markers:0' id='7f1c'/>");
        String composing = Stanzas.chatState(to, "x3", TypingState.COMPOSING).toXML().toString();
        assertThat(composing).contains("<composing xmlns='http://jabber.org/protocol/chatstates'/>")
                .contains("<no-store xmlns='urn:xmpp:hints'/>").doesNotContain("<body");
        for (TypingState state : TypingState.values()) {
            assertThat(Stanzas.typingState(Stanzas.chatState(state))).isEqualTo(state);
        }

        Incoming receipt = StanzaReader.read(parse("<message xmlns='jabber:client' from='alice@example.com/phone'"
                + " to='bob@example.com/laptop' type='chat' id='x1'><received xmlns='urn:xmpp:receipts' id='7f1c'/>"
                + "</message>"), Incoming.Source.LIVE, bob, NOW);
        assertThat(receipt.receivedId()).isEqualTo("7f1c");
        assertThat(receipt.isContent()).isFalse();
        Incoming displayed = StanzaReader.read(parse("<message xmlns='jabber:client' from='alice@example.com/phone'"
                + " to='bob@example.com' type='chat' id='x2'>"
                + "<displayed xmlns='urn:xmpp:chat-markers:0' id='7f1c'/></message>"), Incoming.Source.LIVE, bob, NOW);
        assertThat(displayed.displayedId()).isEqualTo("7f1c");
    }

    @Test
    void aRetractionHasFallbackBodyAndStoreHint() throws Exception {
        String xml = Stanzas.retraction(JidCreate.from("bob@example.com"), "r-1", "7f1c").toXML().toString();
        assertThat(xml).contains("id='r-1'")
                .contains("<retract xmlns='urn:xmpp:message-retract:1' id='7f1c'/>")
                .contains("<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:message-retract:1'/>")
                .contains("<body>" + Stanzas.RETRACTION_FALLBACK + "</body>")
                .contains("<store xmlns='urn:xmpp:hints'/>");

        Incoming read = StanzaReader.read(parse(xml.replace("to='bob@example.com'",
                "from='alice@example.com/phone' to='bob@example.com'")), Incoming.Source.LIVE, bob, NOW);
        assertThat(read.retractId()).isEqualTo("7f1c");
        assertThat(read.body()).as("the fallback is not a text").isNull();
        assertThat(read.isContent()).isTrue();
    }

    @Test
    void theArchiveIdIsTheStanzaIdByThisAccountOnly() throws Exception {
        Message message = parse("<message xmlns='jabber:client' from='alice@example.com/phone' to='bob@example.com'"
                + " type='chat' id='7f1c'><body>hi</body>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' by='alice@example.com' id='999'/>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' by='bob@example.com' id='117'/>"
                + "<delay xmlns='urn:xmpp:delay' stamp='2026-11-24T10:15:30.123Z'/></message>");
        Incoming read = StanzaReader.read(message, Incoming.Source.LIVE, bob, NOW);
        assertThat(read.archiveId()).isEqualTo("117");
        assertThat(read.delayed()).isTrue();
        assertThat(read.sentAt()).isEqualTo(Instant.parse("2026-11-24T10:15:30.123Z"));
        assertThat(StanzaReader.read(message, Incoming.Source.LIVE, JidCreate.bareFrom("carol@example.com"), NOW)
                .archiveId()).isNull();
    }

    @Test
    void aCarbonOfOurOwnMessageIsOutgoing() throws Exception {
        Message copy = parse("<message xmlns='jabber:client' from='bob@example.com/phone' to='alice@example.com'"
                + " type='chat' id='m1'><body>sent from the phone</body></message>");
        Incoming read = StanzaReader.read(copy, Incoming.Source.CARBON, bob, NOW);
        assertThat(read.outgoing()).isTrue();
        assertThat(read.peer()).isEqualTo("alice@example.com");
        assertThat(read.toChatMessage().outgoing()).isTrue();
        assertThat(read.toChatMessage().peer()).isEqualTo("alice@example.com");
    }

    @Test
    void archiveResultsAndTombstones() throws Exception {
        Message result = parse("<message xmlns='jabber:client' to='bob@example.com/laptop' id='r'>"
                + "<result xmlns='urn:xmpp:mam:2' queryid='q' id='117'>"
                + "<forwarded xmlns='urn:xmpp:forward:0'>"
                + "<delay xmlns='urn:xmpp:delay' stamp='2026-11-24T10:15:30.123Z'/>"
                + "<message xmlns='jabber:client' from='alice@example.com/phone' to='bob@example.com' type='chat'"
                + " id='7f1c'><origin-id xmlns='urn:xmpp:sid:0' id='7f1c'/>"
                + "<retracted xmlns='urn:xmpp:message-retract:1' stamp='2026-11-24T11:00:00.000Z'/></message>"
                + "</forwarded></result></message>");
        Incoming read = StanzaReader.readArchived(MamElements.MamResultExtension.from(result), bob, NOW);
        assertThat(read.source()).isEqualTo(Incoming.Source.ARCHIVE);
        assertThat(read.archiveId()).isEqualTo("117");
        assertThat(read.tombstone()).isTrue();
        assertThat(read.delayed()).isTrue();
        assertThat(read.sentAt()).isEqualTo(Instant.parse("2026-11-24T10:15:30.123Z"));
        var chatMessage = read.toChatMessage();
        assertThat(chatMessage.retracted()).isTrue();
        assertThat(chatMessage.body()).isEmpty();
        assertThat(chatMessage.archiveId()).isEqualTo("117");
        assertThat(chatMessage.id()).isEqualTo("7f1c");
    }

    @Test
    void refusedRetractionsHaveTheirOwnReasons() {
        assertThat(reason(StanzaError.Condition.item_not_found)).isEqualTo(ChatClientException.Reason.NOT_FOUND);
        assertThat(reason(StanzaError.Condition.forbidden)).isEqualTo(ChatClientException.Reason.NOT_ALLOWED);
        assertThat(reason(StanzaError.Condition.not_acceptable)).isEqualTo(ChatClientException.Reason.TOO_LATE);
        assertThat(reason(StanzaError.Condition.bad_request)).isEqualTo(ChatClientException.Reason.INVALID_INPUT);
        assertThat(reason(StanzaError.Condition.resource_constraint))
                .isEqualTo(ChatClientException.Reason.SERVER_BUSY);
    }

    private static ChatClientException.Reason reason(StanzaError.Condition condition) {
        return ServerRequests.retractionFailure(StanzaError.getBuilder(condition).build()).reason();
    }
}
