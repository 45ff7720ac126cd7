package io.chatapp.client.internal.xmpp;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * {@code <info xmlns="urn:chatapp:receipts:0" id="…"/>}: the sender of a message asks when each recipient received
 * and read it. The request carries only {@link #id()}; the result also the archive id, the time the server got
 * the message and one {@link Recipient} per recipient.
 */
public final class MessageInfoIQ extends IQ {

    public static final String NAMESPACE = "urn:chatapp:receipts:0";
    public static final String ELEMENT = "info";

    private final String id;
    private final String stanzaId;
    private final Instant sent;
    private final List<Recipient> recipients;

    /** One recipient's delivery and read times; each null until it happened. */
    public record Recipient(String jid, Instant delivered, Instant read) {
    }

    /** A request (type get) for the message with that origin-id, message id or archive id. */
    public static MessageInfoIQ request(String id) {
        MessageInfoIQ iq = new MessageInfoIQ(id, null, null, List.of());
        iq.setType(Type.get);
        return iq;
    }

    public MessageInfoIQ(String id, String stanzaId, Instant sent, List<Recipient> recipients) {
        super(ELEMENT, NAMESPACE);
        this.id = Objects.requireNonNull(id, "id");
        this.stanzaId = stanzaId;
        this.sent = sent;
        this.recipients = List.copyOf(recipients);
    }

    public String id() {
        return id;
    }

    /** The archive id, or null. */
    public String stanzaId() {
        return stanzaId;
    }

    /** When the server received the message, or null. */
    public Instant sent() {
        return sent;
    }

    public List<Recipient> recipients() {
        return recipients;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("id", id);
        xml.optAttribute("stanza-id", stanzaId);
        xml.optAttribute("sent", XmppTimes.formatOptional(sent));
        return Elements.emptyChildren(xml, "recipient", recipients, (child, recipient) -> child
                .attribute("jid", recipient.jid())
                .optAttribute("delivered", XmppTimes.formatOptional(recipient.delivered()))
                .optAttribute("read", XmppTimes.formatOptional(recipient.read())));
    }

    /** Parses requests and results. */
    public static final class Provider extends IQProvider<MessageInfoIQ> {

        @Override
        public MessageInfoIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
                throws XmlPullParserException, IOException, SmackParsingException {
            String id = Elements.attribute(parser, "id");
            String stanzaId = Elements.attribute(parser, "stanza-id");
            Instant sent = XmppTimes.parse(Elements.attribute(parser, "sent"));
            List<Recipient> recipients = new ArrayList<>();
            Elements.forEachChild(parser, initialDepth, "recipient", child -> recipients.add(new Recipient(
                    Objects.requireNonNullElse(Elements.attribute(child, "jid"), ""),
                    XmppTimes.parse(Elements.attribute(child, "delivered")),
                    XmppTimes.parse(Elements.attribute(child, "read")))));
            return new MessageInfoIQ(Objects.requireNonNullElse(id, ""), stanzaId, sent, recipients);
        }
    }
}
