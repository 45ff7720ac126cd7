package io.chatapp.plugin.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

/** The receipts XML of docs/protocol.md, parsed from the protocol's own examples and round-tripped. */
class ReceiptsXmlTest {

    private static Element xml(String text) throws Exception {
        return DocumentHelper.parseText(text).getRootElement();
    }

    /** The payload of an IQ written as in the protocol. */
    private static Element payload(String iq) throws Exception {
        return xml(iq).elements().get(0);
    }

    private static final Instant SENT = Instant.parse("2026-11-24T10:15:30.123Z");

    @Test
    void infoRequestsNameTheMessage() throws Exception {
        Element request = payload("<iq type='get' id='q1'><info xmlns='urn:chatapp:receipts:0' id='7f1c'/></iq>");

        assertThat(ReceiptsXml.parseInfoRequest(request)).contains("7f1c");
        assertThat(ReceiptsXml.parseInfoRequest(ReceiptsXml.infoRequest("117422108360704001")))
                .contains("117422108360704001");
    }

    @Test
    void infoRequestsWithoutAnIdOrInAnotherNamespaceAreBadRequests() throws Exception {
        assertThat(ReceiptsXml.parseInfoRequest(xml("<info xmlns='urn:chatapp:receipts:0'/>"))).isEmpty();
        assertThat(ReceiptsXml.parseInfoRequest(xml("<info xmlns='urn:chatapp:receipts:0' id='  '/>"))).isEmpty();
        assertThat(ReceiptsXml.parseInfoRequest(xml("<info xmlns='urn:other' id='7f1c'/>"))).isEmpty();
        assertThat(ReceiptsXml.parseInfoRequest(xml("<read-marks xmlns='urn:chatapp:receipts:0' id='x'/>"))).isEmpty();
        assertThat(ReceiptsXml.parseInfoRequest(null)).isEmpty();
    }

    @Test
    void infoResponsesAreWrittenAsTheProtocolShows() throws Exception {
        MessageInfo message = new MessageInfo(117422108360704001L, "7f1c", SENT, List.of(
                new RecipientState("bob@example.com", Instant.parse("2026-11-24T10:15:30.456Z"),
                        Instant.parse("2026-11-24T10:16:02Z"))));

        Element response = ReceiptsXml.infoResponse("7f1c", message);

        Element expected = payload("<iq type='result' id='q1'>"
                + "<info xmlns='urn:chatapp:receipts:0' id='7f1c' stanza-id='117422108360704001'"
                + " sent='2026-11-24T10:15:30.123Z'>"
                + "<recipient jid='bob@example.com' delivered='2026-11-24T10:15:30.456Z' read='2026-11-24T10:16:02.000Z'/>"
                + "</info></iq>");
        assertThat(response.asXML()).isEqualTo(expected.asXML());
        assertThat(response.element(ReceiptsXml.INFO.getName())).isNull();
        assertThat(response.elements().get(0).getNamespaceURI()).isEqualTo(ReceiptsXml.NAMESPACE);
    }

    @Test
    void infoResponsesRoundTripWithAbsentTimesLeftOut() {
        MessageInfo message = new MessageInfo(42L, "m1", SENT, List.of(
                new RecipientState("bob@example.com", SENT.plusMillis(5), null),
                new RecipientState("carol@example.com", null, null)));

        Element response = ReceiptsXml.infoResponse("origin-1", message);
        ReceiptsXml.InfoResponse parsed = ReceiptsXml.parseInfoResponse(response);

        assertThat(parsed).isEqualTo(new ReceiptsXml.InfoResponse("origin-1", 42L, SENT, message.recipients()));
        assertThat(response.elements().get(1).attribute("delivered")).isNull();
        assertThat(response.elements().get(1).attribute("read")).isNull();
    }

    @Test
    void malformedInfoResponsesAreRejected() {
        assertThatThrownBy(() -> ReceiptsXml.parseInfoResponse(xml(
                "<info xmlns='urn:chatapp:receipts:0' id='a' stanza-id='x1' sent='2026-11-24T10:15:30.123Z'/>")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceiptsXml.parseInfoResponse(xml(
                "<info xmlns='urn:chatapp:receipts:0' id='a' stanza-id='1' sent='yesterday'/>")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceiptsXml.parseInfoResponse(xml("<other/>")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readMarksRequestsMayNameOneConversation() throws Exception {
        assertThat(ReceiptsXml.parseReadMarksRequest(payload(
                "<iq type='get' id='r1'><read-marks xmlns='urn:chatapp:receipts:0'/></iq>")))
                .contains(new ReceiptsXml.ReadMarksRequest(null));
        assertThat(ReceiptsXml.parseReadMarksRequest(xml(
                "<read-marks xmlns='urn:chatapp:receipts:0' with='alice@example.com'/>")))
                .contains(new ReceiptsXml.ReadMarksRequest("alice@example.com"));
        assertThat(ReceiptsXml.parseReadMarksRequest(xml(
                "<read-marks xmlns='urn:chatapp:receipts:0' with='alice@example.com/phone'/>")))
                .as("a full JID counts as its bare JID").contains(new ReceiptsXml.ReadMarksRequest("alice@example.com"));
        assertThat(ReceiptsXml.parseReadMarksRequest(ReceiptsXml.readMarksRequest("bob@example.com")))
                .contains(new ReceiptsXml.ReadMarksRequest("bob@example.com"));
        assertThat(ReceiptsXml.parseReadMarksRequest(ReceiptsXml.readMarksRequest(null)))
                .contains(new ReceiptsXml.ReadMarksRequest(null));
    }

    @Test
    void readMarksRequestsWithABadJidAreBadRequests() throws Exception {
        for (String with : List.of("", "@example.com", "a@b@c", "alice@")) {
            assertThat(ReceiptsXml.parseReadMarksRequest(ReceiptsXml.readMarksRequest(with))).as(with).isEmpty();
        }
        assertThat(ReceiptsXml.parseReadMarksRequest(xml("<read-marks xmlns='urn:other'/>"))).isEmpty();
    }

    @Test
    void readMarksResponsesAreWrittenAsTheProtocolShowsAndRoundTrip() throws Exception {
        List<ReadMark> marks = List.of(new ReadMark("alice@example.com", 117422108360704001L,
                Instant.parse("2026-11-24T10:16:02Z")), new ReadMark("carol@example.com", 7L, SENT));

        Element response = ReceiptsXml.readMarksResponse(marks.subList(0, 1));
        Element expected = payload("<iq type='result' id='r1'><read-marks xmlns='urn:chatapp:receipts:0'>"
                + "<mark with='alice@example.com' stanza-id='117422108360704001' stamp='2026-11-24T10:16:02.000Z'/>"
                + "</read-marks></iq>");

        assertThat(response.asXML()).isEqualTo(expected.asXML());
        assertThat(ReceiptsXml.parseReadMarksResponse(ReceiptsXml.readMarksResponse(marks))).isEqualTo(marks);
        assertThat(ReceiptsXml.parseReadMarksResponse(ReceiptsXml.readMarksResponse(List.of()))).isEmpty();
    }

    @Test
    void deliveryReceiptsAndDisplayedMarkersNameTheMessage() throws Exception {
        Element receipt = xml("<message from='bob@example.com/laptop' to='alice@example.com' id='r9'>"
                + "<received xmlns='urn:xmpp:receipts' id='7f1c'/></message>");
        Element marker = xml("<message from='bob@example.com/laptop' to='alice@example.com' type='chat'>"
                + "<displayed xmlns='urn:xmpp:chat-markers:0' id='7f1d'/><store xmlns='urn:xmpp:hints'/></message>");

        assertThat(ReceiptsXml.receivedId(receipt)).contains("7f1c");
        assertThat(ReceiptsXml.displayedId(receipt)).isEmpty();
        assertThat(ReceiptsXml.displayedId(marker)).contains("7f1d");
        assertThat(ReceiptsXml.receivedId(marker)).isEmpty();
    }

    @Test
    void receiptsWithoutAnIdOrNotDirectlyInTheMessageNameNothing() throws Exception {
        List<String> messages = List.of(
                "<message><received xmlns='urn:xmpp:receipts'/></message>",
                "<message><received xmlns='urn:xmpp:receipts' id=''/></message>",
                "<message><received xmlns='urn:xmpp:other' id='x'/></message>",
                "<message><request xmlns='urn:xmpp:receipts'/><body>hi</body></message>",
                "<message><received xmlns='urn:xmpp:chat-markers:0' id='x'/></message>",
                // A carbon of another device's receipt is not this sender's receipt.
                "<message><sent xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"
                        + "<message xmlns='jabber:client'><received xmlns='urn:xmpp:receipts' id='x'/>"
                        + "<displayed xmlns='urn:xmpp:chat-markers:0' id='x'/></message>"
                        + "</forwarded></sent></message>");
        for (String message : messages) {
            assertThat(ReceiptsXml.receivedId(xml(message))).as(message).isEmpty();
            assertThat(ReceiptsXml.displayedId(xml(message))).as(message).isEmpty();
        }
        assertThat(ReceiptsXml.receivedId(null)).isEqualTo(Optional.empty());
    }

    @Test
    void timesAreUtcWithMillisecondsAndAnyOffsetIsRead() {
        assertThat(ReceiptsXml.formatTime(Instant.parse("2026-11-24T10:16:02Z"))).isEqualTo("2026-11-24T10:16:02.000Z");
        assertThat(ReceiptsXml.formatTime(Instant.parse("2026-11-24T10:16:02.123456Z")))
                .isEqualTo("2026-11-24T10:16:02.123Z");
        assertThat(ReceiptsXml.parseTime("2026-11-24T11:16:02.5+01:00")).isEqualTo(Instant.parse(
                "2026-11-24T10:16:02.500Z"));
        assertThat(ReceiptsXml.parseTime("2026-11-24T10:16:02Z")).isEqualTo(Instant.parse("2026-11-24T10:16:02Z"));
        assertThatThrownBy(() -> ReceiptsXml.parseTime("2026-11-24")).isInstanceOf(IllegalArgumentException.class);
    }
}
