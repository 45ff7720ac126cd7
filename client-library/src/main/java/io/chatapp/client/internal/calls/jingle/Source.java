package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** XEP-0339 {@code <source ssrc="…">} with its parameters: the SDP {@code a=ssrc:N …} lines of one SSRC. */
public final class Source extends QualifiedElement {

    public static final String NAMESPACE = "urn:xmpp:jingle:apps:rtp:ssma:0";
    public static final QName QNAME = new QName(NAMESPACE, "source");

    private final long ssrc;
    private final List<SourceParameter> parameters;

    public Source(long ssrc, List<SourceParameter> parameters) {
        super(QNAME);
        this.ssrc = ssrc;
        this.parameters = List.copyOf(parameters);
    }

    public long ssrc() {
        return ssrc;
    }

    public List<SourceParameter> parameters() {
        return parameters;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return JingleXml.write(this, enclosing, xml -> xml.attribute("ssrc", ssrc), parameters);
    }

    /** Parses {@code <source/>}; a missing or non-numeric ssrc fails the parse. */
    public static final class Provider extends ExtensionElementProvider<Source> {
        @Override
        public Source parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            long ssrc = JingleXml.longAttribute(parser, "ssrc");
            List<SourceParameter> parameters = new ArrayList<>();
            SourceParameter.Provider parameter = new SourceParameter.Provider();
            JingleXml.children(parser, initialDepth, (name, namespace, p) -> {
                if ("parameter".equals(name)) {
                    parameters.add(parameter.parse(p));
                }
            });
            return new Source(ssrc, parameters);
        }
    }
}
