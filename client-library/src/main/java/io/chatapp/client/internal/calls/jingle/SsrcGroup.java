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

/**
 * XEP-0339 {@code <ssrc-group semantics="FID"><source ssrc="1"/><source ssrc="2"/></ssrc-group>}: SDP
 * {@code a=ssrc-group:FID 1 2} (a video SSRC and its retransmission SSRC).
 */
public final class SsrcGroup extends QualifiedElement {

    public static final QName QNAME = new QName(Source.NAMESPACE, "ssrc-group");

    private final String semantics;
    private final List<Long> ssrcs;

    public SsrcGroup(String semantics, List<Long> ssrcs) {
        super(QNAME);
        this.semantics = semantics;
        this.ssrcs = List.copyOf(ssrcs);
    }

    public String semantics() {
        return semantics;
    }

    public List<Long> ssrcs() {
        return ssrcs;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        List<Source> sources = ssrcs.stream().map(ssrc -> new Source(ssrc, List.of())).toList();
        return JingleXml.write(this, enclosing, xml -> xml.attribute("semantics", semantics), sources);
    }

    /** Parses {@code <ssrc-group/>}; a missing semantics or a source without a numeric ssrc fails the parse. */
    public static final class Provider extends ExtensionElementProvider<SsrcGroup> {
        @Override
        public SsrcGroup parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            String semantics = JingleXml.required(parser, "semantics");
            List<Long> ssrcs = new ArrayList<>();
            JingleXml.children(parser, initialDepth, (name, namespace, p) -> {
                if ("source".equals(name)) {
                    ssrcs.add(JingleXml.longAttribute(p, "ssrc"));
                }
            });
            return new SsrcGroup(semantics, ssrcs);
        }
    }
}
