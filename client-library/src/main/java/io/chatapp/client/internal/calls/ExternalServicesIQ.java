package io.chatapp.client.internal.calls;

import io.chatapp.client.internal.calls.jingle.JingleXml;
import io.chatapp.client.internal.calls.media.IceServer;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * XEP-0215 {@code <services xmlns="urn:xmpp:extdisco:2"/>}: the request for the server's STUN and TURN services and,
 * parsed, its answer as ICE servers (TURN with the ephemeral username and password the server gave).
 */
public final class ExternalServicesIQ extends IQ {

    public static final String NAMESPACE = "urn:xmpp:extdisco:2";
    public static final String ELEMENT = "services";

    private final List<IceServer> servers;

    public ExternalServicesIQ(List<IceServer> servers) {
        super(ELEMENT, NAMESPACE);
        this.servers = List.copyOf(servers);
    }

    /** The request. */
    public static ExternalServicesIQ request() {
        ExternalServicesIQ request = new ExternalServicesIQ(List.of());
        request.setType(Type.get);
        return request;
    }

    public List<IceServer> servers() {
        return servers;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.setEmptyElement();
        return xml;
    }

    /** Reads the STUN and TURN services of an answer; services of other types and without host are skipped. */
    public static final class Provider extends IQProvider<ExternalServicesIQ> {
        @Override
        public ExternalServicesIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            List<IceServer> servers = new ArrayList<>();
            JingleXml.children(parser, initialDepth, (name, namespace, p) -> {
                String type = JingleXml.attribute(p, "type");
                String host = JingleXml.attribute(p, "host");
                if (!"service".equals(name) || host == null || !("stun".equals(type) || "turn".equals(type))) {
                    return;
                }
                String port = JingleXml.attribute(p, "port");
                String transport = JingleXml.attribute(p, "transport");
                String url = type + ":" + (host.contains(":") ? "[" + host + "]" : host)
                        + (port == null ? "" : ":" + port)
                        + ("turn".equals(type) && transport != null ? "?transport=" + transport : "");
                servers.add(new IceServer(url, JingleXml.attribute(p, "username"),
                        JingleXml.attribute(p, "password")));
            });
            return new ExternalServicesIQ(servers);
        }
    }
}
