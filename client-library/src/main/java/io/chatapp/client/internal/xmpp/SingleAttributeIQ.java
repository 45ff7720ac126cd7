package io.chatapp.client.internal.xmpp;

import java.util.function.Function;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * An IQ whose child element is empty but for one optional attribute, e.g. {@code <hide xmlns="…" id="…"/>}.
 * Subclasses keep their own NAMESPACE and ELEMENT constants, typed accessor and {@link AttributeProvider}.
 */
public abstract class SingleAttributeIQ extends IQ {

    private final String attributeName;
    private final String attributeValue;

    /**
     * @param attributeValue the attribute as written; null leaves it out
     */
    protected SingleAttributeIQ(String element, String namespace, String attributeName, String attributeValue) {
        super(element, namespace);
        this.attributeName = attributeName;
        this.attributeValue = attributeValue;
    }

    /** The attribute's value, or null. */
    protected final String attributeValue() {
        return attributeValue;
    }

    @Override
    protected final IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.optAttribute(attributeName, attributeValue);
        xml.setEmptyElement();
        return xml;
    }

    /** Parses such an IQ from its attribute (null when missing or empty), ignoring any children. */
    protected abstract static class AttributeProvider<I extends SingleAttributeIQ> extends IQProvider<I> {

        private final String attributeName;
        private final Function<String, I> factory;

        protected AttributeProvider(String attributeName, Function<String, I> factory) {
            this.attributeName = attributeName;
            this.factory = factory;
        }

        @Override
        public final I parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment) {
            I iq = factory.apply(Elements.attribute(parser, attributeName));
            Elements.skipToEnd(parser, initialDepth);
            return iq;
        }
    }
}
