package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.Element;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * XEP-0166 {@code <content creator="initiator" name="0" senders="both">} with an RTP description and an ICE-UDP
 * transport: one SDP media section, its name the section's {@code a=mid}.
 */
public final class JingleContent extends QualifiedElement {

    public static final QName QNAME = new QName(JingleIQ.NAMESPACE, "content");

    private final String creator;
    private final String name;
    private final String senders;
    private final RtpDescription description;
    private final IceUdpTransport transport;

    /** @param senders null for the default (both); description and transport null when absent */
    public JingleContent(String creator, String name, String senders, RtpDescription description,
                         IceUdpTransport transport) {
        super(QNAME);
        this.creator = creator;
        this.name = name;
        this.senders = senders;
        this.description = description;
        this.transport = transport;
    }

    public String creator() {
        return creator;
    }

    public String name() {
        return name;
    }

    /** both, initiator, responder or none; both when absent. */
    public String senders() {
        return senders == null ? "both" : senders;
    }

    public RtpDescription description() {
        return description;
    }

    public IceUdpTransport transport() {
        return transport;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        List<Element> children = new ArrayList<>();
        if (description != null) {
            children.add(description);
        }
        if (transport != null) {
            children.add(transport);
        }
        return JingleXml.write(this, enclosing, xml -> xml.attribute("creator", creator).attribute("name", name)
                .optAttribute("senders", senders), children);
    }

    /** Parses {@code <content/>}; a missing creator or name fails the parse; other descriptions are skipped. */
    public static final class Provider extends ExtensionElementProvider<JingleContent> {
        @Override
        public JingleContent parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            String creator = JingleXml.required(parser, "creator");
            String name = JingleXml.required(parser, "name");
            String senders = JingleXml.attribute(parser, "senders");
            RtpDescription[] description = new RtpDescription[1];
            IceUdpTransport[] transport = new IceUdpTransport[1];
            JingleXml.children(parser, initialDepth, (child, namespace, p) -> {
                if ("description".equals(child) && RtpDescription.NAMESPACE.equals(namespace)) {
                    description[0] = new RtpDescription.Provider().parse(p);
                } else if ("transport".equals(child) && IceUdpTransport.NAMESPACE.equals(namespace)) {
                    transport[0] = new IceUdpTransport.Provider().parse(p);
                }
            });
            return new JingleContent(creator, name, senders, description[0], transport[0]);
        }
    }
}
