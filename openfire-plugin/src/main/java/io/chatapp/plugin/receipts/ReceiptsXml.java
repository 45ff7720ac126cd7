package io.chatapp.plugin.receipts;

import io.chatapp.plugin.xmpp.XmppTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.JID;

/**
 * The XML of receipts (docs/protocol.md, "Receipts, markers and message info"): the {@code urn:chatapp:receipts:0}
 * message-info and read-marks requests and answers, and the references carried by incoming XEP-0184 receipts and
 * XEP-0333 markers. Requests parse to an empty {@code Optional} when they must be refused with {@code bad-request};
 * answers (parsed by clients and tests) throw {@link IllegalArgumentException} when malformed.
 */
public final class ReceiptsXml {

    public static final String NAMESPACE = "urn:chatapp:receipts:0";
    /** XEP-0184 message delivery receipts. */
    public static final String DELIVERY_RECEIPTS = "urn:xmpp:receipts";
    /** XEP-0333 chat markers. */
    public static final String CHAT_MARKERS = "urn:xmpp:chat-markers:0";

    public static final QName INFO = QName.get("info", NAMESPACE);
    public static final QName READ_MARKS = QName.get("read-marks", NAMESPACE);
    private static final QName RECIPIENT = QName.get("recipient", NAMESPACE);
    private static final QName MARK = QName.get("mark", NAMESPACE);
    private static final QName RECEIVED = QName.get("received", DELIVERY_RECEIPTS);
    private static final QName DISPLAYED = QName.get("displayed", CHAT_MARKERS);

    /** XEP-0082 date-time in UTC with milliseconds, e.g. {@code 2026-11-24T10:15:30.123Z}. */

    private ReceiptsXml() {
    }

    /** A message-info answer as the requester sees it: {@code reference} is the {@code id} it asked about. */
    public record InfoResponse(String reference, long stanzaId, Instant sent, List<RecipientState> recipients) {

        public InfoResponse {
            recipients = List.copyOf(recipients);
        }
    }

    /** A read-marks request: all conversations, or only the one with {@code with} (a bare JID) when not null. */
    public record ReadMarksRequest(String with) {
    }

    // --- message info

    public static Element infoRequest(String reference) {
        Element info = DocumentHelper.createElement(INFO);
        info.addAttribute("id", reference);
        return info;
    }

    /** The reference asked about, or empty ({@code bad-request}) when the element is not an info request with an id. */
    public static Optional<String> parseInfoRequest(Element info) {
        if (info == null || !INFO.equals(info.getQName())) {
            return Optional.empty();
        }
        return nonBlank(info.attributeValue("id"));
    }

    /** The answer to a request for {@code reference} (echoed as {@code id}). */
    public static Element infoResponse(String reference, MessageInfo message) {
        Element info = DocumentHelper.createElement(INFO);
        info.addAttribute("id", reference);
        info.addAttribute("stanza-id", Long.toString(message.id()));
        info.addAttribute("sent", formatTime(message.sent()));
        for (RecipientState state : message.recipients()) {
            Element recipient = info.addElement(RECIPIENT);
            recipient.addAttribute("jid", state.jid());
            if (state.delivered() != null) {
                recipient.addAttribute("delivered", formatTime(state.delivered()));
            }
            if (state.read() != null) {
                recipient.addAttribute("read", formatTime(state.read()));
            }
        }
        return info;
    }

    public static InfoResponse parseInfoResponse(Element info) {
        expect(info, INFO);
        List<RecipientState> recipients = new ArrayList<>();
        for (Element recipient : info.elements(RECIPIENT)) {
            recipients.add(new RecipientState(required(recipient, "jid"), optionalTime(recipient, "delivered"),
                    optionalTime(recipient, "read")));
        }
        return new InfoResponse(required(info, "id"), archiveId(required(info, "stanza-id")),
                parseTime(required(info, "sent")), recipients);
    }

    // --- read marks

    public static Element readMarksRequest(String withOrNull) {
        Element request = DocumentHelper.createElement(READ_MARKS);
        if (withOrNull != null) {
            request.addAttribute("with", withOrNull);
        }
        return request;
    }

    /**
     * The request, or empty ({@code bad-request}) when the element is not a read-marks request or its {@code with} is
     * not a JID. A full JID in {@code with} counts as its bare JID.
     */
    public static Optional<ReadMarksRequest> parseReadMarksRequest(Element request) {
        if (request == null || !READ_MARKS.equals(request.getQName())) {
            return Optional.empty();
        }
        String with = request.attributeValue("with");
        if (with == null) {
            return Optional.of(new ReadMarksRequest(null));
        }
        return bareJid(with).map(ReadMarksRequest::new);
    }

    public static Element readMarksResponse(List<ReadMark> marks) {
        Element response = DocumentHelper.createElement(READ_MARKS);
        for (ReadMark mark : marks) {
            Element element = response.addElement(MARK);
            element.addAttribute("with", mark.with());
            element.addAttribute("stanza-id", Long.toString(mark.upToId()));
            element.addAttribute("stamp", formatTime(mark.readAt()));
        }
        return response;
    }

    public static List<ReadMark> parseReadMarksResponse(Element response) {
        expect(response, READ_MARKS);
        List<ReadMark> marks = new ArrayList<>();
        for (Element mark : response.elements(MARK)) {
            marks.add(new ReadMark(required(mark, "with"), archiveId(required(mark, "stanza-id")),
                    parseTime(required(mark, "stamp"))));
        }
        return marks;
    }

    // --- incoming receipts and markers

    /** The id a XEP-0184 {@code <received/>} in this message acknowledges, if it has one. */
    public static Optional<String> receivedId(Element message) {
        return childId(message, RECEIVED);
    }

    /** The id a XEP-0333 {@code <displayed/>} marker in this message names, if it has one. */
    public static Optional<String> displayedId(Element message) {
        return childId(message, DISPLAYED);
    }

    private static Optional<String> childId(Element message, QName name) {
        if (message == null) {
            return Optional.empty();
        }
        Element child = message.element(name);
        return child == null ? Optional.empty() : nonBlank(child.attributeValue("id"));
    }

    // --- values

    public static String formatTime(Instant instant) {
        return XmppTime.format(instant);
    }

    /** A XEP-0082 date-time (any offset, any fraction) as an instant. */
    public static Instant parseTime(String text) {
        return XmppTime.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "Not a XEP-0082 date-time: " + text));
    }

    private static Optional<String> bareJid(String text) {
        try {
            JID jid = new JID(text);
            return jid.getDomain() == null || jid.getDomain().isEmpty() ? Optional.empty()
                    : Optional.of(jid.toBareJID());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static long archiveId(String text) {
        if (!text.matches("[0-9]{1,19}")) {
            throw new IllegalArgumentException("Not an archive id: " + text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an archive id: " + text, e);
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static void expect(Element element, QName name) {
        if (element == null || !name.equals(element.getQName())) {
            throw new IllegalArgumentException("Expected <" + name.getName() + " xmlns='" + name.getNamespaceURI()
                    + "'>, got " + (element == null ? "nothing" : element.getQualifiedName()));
        }
    }

    private static String required(Element element, String attribute) {
        String value = element.attributeValue(attribute);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("<" + element.getName() + "> lacks " + attribute);
        }
        return value;
    }

    private static Instant optionalTime(Element element, String attribute) {
        String value = element.attributeValue(attribute);
        return value == null ? null : parseTime(value);
    }
}
