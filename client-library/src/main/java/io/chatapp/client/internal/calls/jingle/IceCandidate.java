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
 * XEP-0176 {@code <candidate/>}: one ICE candidate, the fields of an SDP {@code a=candidate} line.
 *
 * @param relatedAddress null unless the candidate is reflexive or relayed
 * @param relatedPort    -1 when there is no related address
 * @param id             the element's id (not in SDP; generated when absent)
 */
public record IceCandidate(String foundation, int component, String protocol, long priority, String ip, int port,
                           String type, String relatedAddress, int relatedPort, int generation, String id,
                           int network) {

    public static final QName QNAME = new QName(IceUdpTransport.NAMESPACE, "candidate");

    /** The candidate as an element (a record cannot extend the element base class). */
    public Element element() {
        return new Element(this);
    }

    /** The XML form of a candidate. */
    public static final class Element extends QualifiedElement {
        private final IceCandidate candidate;

        Element(IceCandidate candidate) {
            super(QNAME);
            this.candidate = candidate;
        }

        public IceCandidate candidate() {
            return candidate;
        }

        @Override
        public XmlStringBuilder toXML(XmlEnvironment enclosing) {
            IceCandidate c = candidate;
            return JingleXml.write(this, enclosing, xml -> {
                xml.attribute("component", c.component).attribute("foundation", c.foundation)
                        .attribute("generation", c.generation).attribute("id", c.id).attribute("ip", c.ip)
                        .attribute("network", c.network).attribute("port", c.port)
                        .attribute("priority", c.priority).attribute("protocol", c.protocol)
                        .optAttribute("rel-addr", c.relatedAddress);
                if (c.relatedPort >= 0) {
                    xml.attribute("rel-port", c.relatedPort);
                }
                xml.attribute("type", c.type);
            }, List.of());
        }
    }

    /** Parses {@code <candidate/>}; a missing address, port, type, priority or component fails the parse. */
    public static final class Provider extends ExtensionElementProvider<Element> {
        @Override
        public Element parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException {
            String foundation = JingleXml.required(parser, "foundation");
            int component = JingleXml.number("component", JingleXml.required(parser, "component"));
            String protocol = JingleXml.required(parser, "protocol");
            long priority = JingleXml.longAttribute(parser, "priority");
            String ip = JingleXml.required(parser, "ip");
            int port = JingleXml.number("port", JingleXml.required(parser, "port"));
            String type = JingleXml.required(parser, "type");
            String relatedAddress = JingleXml.attribute(parser, "rel-addr");
            int relatedPort = JingleXml.intAttribute(parser, "rel-port", -1);
            int generation = JingleXml.intAttribute(parser, "generation", 0);
            String id = JingleXml.attribute(parser, "id");
            int network = JingleXml.intAttribute(parser, "network", 0);
            return new IceCandidate(foundation, component, protocol, priority, ip, port, type, relatedAddress,
                    relatedPort, generation, id == null ? foundation + "-" + component + "-" + port : id, network)
                    .element();
        }
    }
}
