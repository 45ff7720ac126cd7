package io.chatapp.client.internal.xmpp;

import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.ExtensionElement;

/** An extension element of a fixed name and namespace: what every element of this package has in common. */
public abstract class QualifiedElement implements ExtensionElement {

    private final QName qname;

    protected QualifiedElement(QName qname) {
        this.qname = qname;
    }

    @Override
    public final String getNamespace() {
        return qname.getNamespaceURI();
    }

    @Override
    public final String getElementName() {
        return qname.getLocalPart();
    }
}
