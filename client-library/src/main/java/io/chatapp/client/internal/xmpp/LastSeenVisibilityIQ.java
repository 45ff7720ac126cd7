package io.chatapp.client.internal.xmpp;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * {@code <last-seen xmlns="urn:chatapp:last-seen:0" [visibility="everyone|contacts|nobody"]/>}: gets (no
 * visibility) or sets who may ask when this account was last online. The value is kept as the protocol's string.
 */
public final class LastSeenVisibilityIQ extends IQ {

    public static final String NAMESPACE = "urn:chatapp:last-seen:0";
    public static final String ELEMENT = "last-seen";

    private final String visibility;

    /** A get request. */
    public static LastSeenVisibilityIQ get() {
        LastSeenVisibilityIQ iq = new LastSeenVisibilityIQ(null);
        iq.setType(Type.get);
        return iq;
    }

    /** A set request. */
    public static LastSeenVisibilityIQ set(String visibility) {
        LastSeenVisibilityIQ iq = new LastSeenVisibilityIQ(visibility);
        iq.setType(Type.set);
        return iq;
    }

    public LastSeenVisibilityIQ(String visibility) {
        super(ELEMENT, NAMESPACE);
        this.visibility = visibility;
    }

    /** The visibility, or null in a get request. */
    public String visibility() {
        return visibility;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.optAttribute("visibility", visibility);
        xml.setEmptyElement();
        return xml;
    }

    /** Parses requests and results. */
    public static final class Provider extends IQProvider<LastSeenVisibilityIQ> {

        @Override
        public LastSeenVisibilityIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment) {
            LastSeenVisibilityIQ iq = new LastSeenVisibilityIQ(Elements.attribute(parser, "visibility"));
            Elements.skipToEnd(parser, initialDepth);
            return iq;
        }
    }
}
