package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * XEP-0293 {@code <rtcp-fb type="nack" subtype="pli"/>}: SDP {@code a=rtcp-fb}. Inside a payload-type it applies to
 * that payload; inside the description to all ({@code a=rtcp-fb:*}).
 */
public final class RtcpFeedback extends QualifiedElement {

    public static final String NAMESPACE = "urn:xmpp:jingle:apps:rtp:rtcp-fb:0";
    public static final QName QNAME = new QName(NAMESPACE, "rtcp-fb");

    private final String type;
    private final String subtype;

    public RtcpFeedback(String type, String subtype) {
        super(QNAME);
        this.type = type;
        this.subtype = subtype;
    }

    public String type() {
        return type;
    }

    /** Null when there is none. */
    public String subtype() {
        return subtype;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return JingleXml.write(this, enclosing, xml -> xml.attribute("type", type).optAttribute("subtype", subtype),
                List.of());
    }

    /** Parses {@code <rtcp-fb/>}; a missing type fails the parse. */
    public static final class Provider extends ExtensionElementProvider<RtcpFeedback> {
        @Override
        public RtcpFeedback parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException {
            return new RtcpFeedback(JingleXml.required(parser, "type"), JingleXml.attribute(parser, "subtype"));
        }
    }
}
