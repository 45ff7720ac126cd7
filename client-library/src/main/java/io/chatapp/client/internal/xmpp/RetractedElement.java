package io.chatapp.client.internal.xmpp;

import java.time.Instant;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * XEP-0424 version 1 tombstone marker {@code <retracted xmlns="urn:xmpp:message-retract:1" stamp="…"/>}: an
 * archived message whose content was erased by a retraction.
 */
public final class RetractedElement implements ExtensionElement {

    public static final String NAMESPACE = RetractElement.NAMESPACE;
    public static final String ELEMENT = "retracted";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    /** When the message was retracted; null when the server gave no stamp. */
    private final Instant stamp;

    public RetractedElement(Instant stamp) {
        this.stamp = stamp;
    }

    public Instant stamp() {
        return stamp;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosingNamespace);
        if (stamp != null) {
            xml.attribute("stamp", XmppTimes.format(stamp));
        }
        return xml.closeEmptyElement();
    }

    /** Parses {@code <retracted/>}, ignoring any children (XEP-0424 allows a copy of the retraction). */
    public static final class Provider extends ExtensionElementProvider<RetractedElement> {

        @Override
        public RetractedElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
                throws SmackParsingException {
            Instant stamp = XmppTimes.parse(parser.getAttributeValue("", "stamp"));
            Elements.skipToEnd(parser, initialDepth);
            return new RetractedElement(stamp);
        }
    }
}
