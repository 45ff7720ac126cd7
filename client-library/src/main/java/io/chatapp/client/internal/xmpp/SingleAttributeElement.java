package io.chatapp.client.internal.xmpp;

import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * An empty extension element whose only content is one optional attribute, e.g. {@code <retract xmlns="…" id="…"/>}.
 * Subclasses keep their own NAMESPACE, ELEMENT and QNAME constants, typed accessor and {@link AttributeProvider}.
 */
public abstract class SingleAttributeElement extends QualifiedElement {

    private final String attributeName;
    private final String attributeValue;

    /**
     * @param attributeValue the attribute as written; null leaves it out
     */
    protected SingleAttributeElement(QName qname, String attributeName, String attributeValue) {
        super(qname);
        this.attributeName = attributeName;
        this.attributeValue = attributeValue;
    }

    /** The attribute's value, or null. */
    protected final String attributeValue() {
        return attributeValue;
    }

    @Override
    public final XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        return new XmlStringBuilder(this, enclosingNamespace).optAttribute(attributeName, attributeValue)
                .closeEmptyElement();
    }

    /** Makes the element from its attribute's value: null when the attribute is missing or empty. */
    @FunctionalInterface
    protected interface FromAttribute<E> {
        E create(String value) throws SmackParsingException;
    }

    /** Parses such an element from its attribute, ignoring any children. */
    protected abstract static class AttributeProvider<E extends SingleAttributeElement> extends ExtensionElementProvider<E> {

        private final String attributeName;
        private final FromAttribute<E> factory;

        protected AttributeProvider(String attributeName, FromAttribute<E> factory) {
            this.attributeName = attributeName;
            this.factory = factory;
        }

        @Override
        public final E parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
                throws SmackParsingException {
            E element = factory.create(Elements.attribute(parser, attributeName));
            Elements.skipToEnd(parser, initialDepth);
            return element;
        }
    }
}
