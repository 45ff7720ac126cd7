package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/** XEP-0167 {@code <rtcp-mux/>} in a description: RTP and RTCP share one port (SDP {@code a=rtcp-mux}). */
public final class RtcpMux extends QualifiedElement {

    public static final QName QNAME = new QName(RtpDescription.NAMESPACE, "rtcp-mux");
    public static final RtcpMux INSTANCE = new RtcpMux();

    private RtcpMux() {
        super(QNAME);
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return JingleXml.write(this, enclosing, xml -> { }, List.of());
    }

    /** Parses {@code <rtcp-mux/>}. */
    public static final class Provider extends ExtensionElementProvider<RtcpMux> {
        @Override
        public RtcpMux parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment) {
            return INSTANCE;
        }
    }
}
