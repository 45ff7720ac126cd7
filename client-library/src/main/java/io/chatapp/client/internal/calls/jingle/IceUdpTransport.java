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
 * XEP-0176 {@code <transport xmlns="urn:xmpp:jingle:transports:ice-udp:1" ufrag="…" pwd="…">} with the DTLS
 * fingerprint and candidates: SDP {@code a=ice-ufrag}, {@code a=ice-pwd}, {@code a=fingerprint}, {@code a=setup} and
 * {@code a=candidate}. In a trickle {@code transport-info} it carries one candidate and the credentials it belongs to.
 */
public final class IceUdpTransport extends QualifiedElement {

    public static final String NAMESPACE = "urn:xmpp:jingle:transports:ice-udp:1";
    public static final QName QNAME = new QName(NAMESPACE, "transport");

    private final String ufrag;
    private final String pwd;
    private final Fingerprint fingerprint;
    private final List<IceCandidate> candidates;

    /** Null ufrag, pwd and fingerprint when absent. */
    public IceUdpTransport(String ufrag, String pwd, Fingerprint fingerprint, List<IceCandidate> candidates) {
        super(QNAME);
        this.ufrag = ufrag;
        this.pwd = pwd;
        this.fingerprint = fingerprint;
        this.candidates = List.copyOf(candidates);
    }

    public String ufrag() {
        return ufrag;
    }

    public String pwd() {
        return pwd;
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    public List<IceCandidate> candidates() {
        return candidates;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        List<Element> children = new ArrayList<>();
        if (fingerprint != null) {
            children.add(fingerprint);
        }
        candidates.forEach(candidate -> children.add(candidate.element()));
        return JingleXml.write(this, enclosing, xml -> xml.optAttribute("ufrag", ufrag).optAttribute("pwd", pwd),
                children);
    }

    /** Parses {@code <transport/>} with its fingerprint and candidates. */
    public static final class Provider extends ExtensionElementProvider<IceUdpTransport> {
        @Override
        public IceUdpTransport parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            String ufrag = JingleXml.attribute(parser, "ufrag");
            String pwd = JingleXml.attribute(parser, "pwd");
            Fingerprint[] fingerprint = new Fingerprint[1];
            List<IceCandidate> candidates = new ArrayList<>();
            JingleXml.children(parser, initialDepth, (name, namespace, p) -> {
                if ("fingerprint".equals(name)) {
                    fingerprint[0] = new Fingerprint.Provider().parse(p);
                } else if ("candidate".equals(name)) {
                    candidates.add(new IceCandidate.Provider().parse(p).candidate());
                }
            });
            return new IceUdpTransport(ufrag, pwd, fingerprint[0], candidates);
        }
    }
}
