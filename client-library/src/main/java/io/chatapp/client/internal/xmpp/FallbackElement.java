package io.chatapp.client.internal.xmpp;

import javax.xml.namespace.QName;

/**
 * XEP-0428 {@code <fallback xmlns="urn:xmpp:fallback:0" for="…"/>}: the message's body is only a fallback for
 * clients that do not know the feature in {@code for}. Sent only (incoming retractions are recognised by their
 * {@code <retract/>}), so it has no provider and Smack's own one for this namespace stays in place.
 */
public final class FallbackElement extends SingleAttributeElement {

    public static final String NAMESPACE = "urn:xmpp:fallback:0";
    public static final String ELEMENT = "fallback";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    public FallbackElement(String forNamespace) {
        super(QNAME, "for", forNamespace);
    }

    public String forNamespace() {
        return attributeValue();
    }
}
