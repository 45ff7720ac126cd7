package io.chatapp.client.internal.xmpp;

import java.time.Instant;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * XEP-0424 version 1 tombstone marker {@code <retracted xmlns="urn:xmpp:message-retract:1" stamp="…"/>}: an
 * archived message whose content was erased by a retraction.
 */
public final class RetractedElement extends SingleAttributeElement {

    public static final String NAMESPACE = RetractElement.NAMESPACE;
    public static final String ELEMENT = "retracted";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    /** When the message was retracted; null when the server gave no stamp. */
    private final Instant stamp;

    /** Set when a group admin removed the message (XEP-0425 tombstone); null otherwise. */
    private final Moderation moderation;

    public RetractedElement(Instant stamp) {
        this(stamp, null);
    }

    public RetractedElement(Instant stamp, Moderation moderation) {
        super(QNAME, "stamp", XmppTimes.formatOptional(stamp));
        this.stamp = stamp;
        this.moderation = moderation;
    }

    public Moderation moderation() {
        return moderation;
    }

    public Instant stamp() {
        return stamp;
    }

    /** Parses {@code <retracted/>} and its moderation, if any (other children are ignored). */
    public static final class Provider extends ExtensionElementProvider<RetractedElement> {

        @Override
        public RetractedElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
                throws SmackParsingException {
            Instant stamp = XmppTimes.parse(Elements.attribute(parser, "stamp"));
            return new RetractedElement(stamp, Moderation.read(parser, initialDepth));
        }
    }
}
