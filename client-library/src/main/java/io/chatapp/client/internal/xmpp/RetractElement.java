package io.chatapp.client.internal.xmpp;

import java.util.Objects;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * XEP-0424 version 1 {@code <retract xmlns="urn:xmpp:message-retract:1" id="…"/>}: the sender retracts the message
 * whose {@code origin-id} (or {@code id}) is {@link #id()}. Smack 4.4 only knows version 0 of this namespace.
 */
public final class RetractElement implements ExtensionElement {

    public static final String NAMESPACE = "urn:xmpp:message-retract:1";
    public static final String ELEMENT = "retract";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    private final String id;

    public RetractElement(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    public String id() {
        return id;
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
        return new XmlStringBuilder(this, enclosingNamespace).attribute("id", id).closeEmptyElement();
    }

    /** Parses {@code <retract/>}; a missing id reads as empty. */
    public static final class Provider extends ExtensionElementProvider<RetractElement> {

        @Override
        public RetractElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment) {
            String id = parser.getAttributeValue("", "id");
            return new RetractElement(id == null ? "" : id);
        }
    }
}
