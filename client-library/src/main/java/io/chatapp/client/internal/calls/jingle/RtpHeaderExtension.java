package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/** XEP-0294 {@code <rtp-hdrext id="1" uri="…"/>}: SDP {@code a=extmap:1 uri}. */
public final class RtpHeaderExtension extends QualifiedElement {

    public static final String NAMESPACE = "urn:xmpp:jingle:apps:rtp:rtp-hdrext:0";
    public static final QName QNAME = new QName(NAMESPACE, "rtp-hdrext");

    private final int id;
    private final String uri;

    public RtpHeaderExtension(int id, String uri) {
        super(QNAME);
        this.id = id;
        this.uri = uri;
    }

    public int id() {
        return id;
    }

    public String uri() {
        return uri;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return JingleXml.write(this, enclosing, xml -> xml.attribute("id", id).attribute("uri", uri), List.of());
    }

    /** Parses {@code <rtp-hdrext/>}; a missing or non-numeric id or a missing uri fails the parse. */
    public static final class Provider extends ExtensionElementProvider<RtpHeaderExtension> {
        @Override
        public RtpHeaderExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException {
            return new RtpHeaderExtension(JingleXml.number("id", JingleXml.required(parser, "id")),
                    JingleXml.required(parser, "uri"));
        }
    }
}
