package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * XEP-0320 {@code <fingerprint xmlns="urn:xmpp:jingle:apps:dtls:0" hash="sha-256" setup="actpass">AB:…</fingerprint>}
 * inside the ICE-UDP transport: SDP {@code a=fingerprint} and {@code a=setup}.
 */
public final class Fingerprint extends QualifiedElement {

    public static final String NAMESPACE = "urn:xmpp:jingle:apps:dtls:0";
    public static final QName QNAME = new QName(NAMESPACE, "fingerprint");

    private final String hash;
    private final String setup;
    private final String value;

    public Fingerprint(String hash, String setup, String value) {
        super(QNAME);
        this.hash = hash;
        this.setup = setup;
        this.value = value;
    }

    public String hash() {
        return hash;
    }

    /** actpass, active or passive; null when absent. */
    public String setup() {
        return setup;
    }

    public String value() {
        return value;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosing);
        xml.attribute("hash", hash).optAttribute("setup", setup).rightAngleBracket();
        return xml.escape(value).closeElement(this);
    }

    /** Parses {@code <fingerprint/>}; a missing hash fails the parse. */
    public static final class Provider extends ExtensionElementProvider<Fingerprint> {
        @Override
        public Fingerprint parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, java.io.IOException,
                org.jivesoftware.smack.xml.XmlPullParserException {
            String hash = JingleXml.required(parser, "hash");
            String setup = JingleXml.attribute(parser, "setup");
            return new Fingerprint(hash, setup, parser.nextText().trim());
        }
    }
}
