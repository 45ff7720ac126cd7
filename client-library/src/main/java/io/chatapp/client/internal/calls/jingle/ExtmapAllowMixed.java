package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * XEP-0294 {@code <extmap-allow-mixed/>} in a description: one- and two-byte header extensions may be mixed (SDP
 * {@code a=extmap-allow-mixed}), which libwebrtc offers and Conversations maps this way.
 */
public final class ExtmapAllowMixed extends QualifiedElement {

    public static final QName QNAME = new QName(RtpHeaderExtension.NAMESPACE, "extmap-allow-mixed");
    public static final ExtmapAllowMixed INSTANCE = new ExtmapAllowMixed();

    private ExtmapAllowMixed() {
        super(QNAME);
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return JingleXml.write(this, enclosing, xml -> { }, List.of());
    }

    /** Parses {@code <extmap-allow-mixed/>}. */
    public static final class Provider extends ExtensionElementProvider<ExtmapAllowMixed> {
        @Override
        public ExtmapAllowMixed parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment) {
            return INSTANCE;
        }
    }
}
