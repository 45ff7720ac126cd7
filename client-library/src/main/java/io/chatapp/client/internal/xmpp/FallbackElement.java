package io.chatapp.client.internal.xmpp;

import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * XEP-0428 {@code <fallback xmlns="urn:xmpp:fallback:0" for="…"/>}: the message's body is only a fallback for
 * clients that do not know the feature in {@code for}. Sent only (incoming retractions are recognised by their
 * {@code <retract/>}), so it has no provider and Smack's own one for this namespace stays in place.
 */
public final class FallbackElement implements ExtensionElement {

    public static final String NAMESPACE = "urn:xmpp:fallback:0";
    public static final String ELEMENT = "fallback";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    private final String forNamespace;

    public FallbackElement(String forNamespace) {
        this.forNamespace = forNamespace;
    }

    public String forNamespace() {
        return forNamespace;
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
        return new XmlStringBuilder(this, enclosingNamespace).attribute("for", forNamespace).closeEmptyElement();
    }
}
