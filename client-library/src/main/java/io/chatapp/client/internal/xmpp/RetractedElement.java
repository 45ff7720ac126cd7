package io.chatapp.client.internal.xmpp;

import java.time.Instant;
import javax.xml.namespace.QName;

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

    public RetractedElement(Instant stamp) {
        super(QNAME, "stamp", XmppTimes.formatOptional(stamp));
        this.stamp = stamp;
    }

    public Instant stamp() {
        return stamp;
    }

    /** Parses {@code <retracted/>}, ignoring any children (XEP-0424 allows a copy of the retraction). */
    public static final class Provider extends AttributeProvider<RetractedElement> {

        public Provider() {
            super("stamp", stamp -> new RetractedElement(XmppTimes.parse(stamp)));
        }
    }
}
