package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * XEP-0166 error condition {@code <unknown-session xmlns="urn:xmpp:jingle:errors:1"/>}, beside item-not-found, for a
 * Jingle request naming a session the receiver does not have (or one it has with another party).
 */
public final class UnknownSession extends QualifiedElement {

    public static final String NAMESPACE = "urn:xmpp:jingle:errors:1";
    public static final QName QNAME = new QName(NAMESPACE, "unknown-session");
    public static final UnknownSession INSTANCE = new UnknownSession();

    private UnknownSession() {
        super(QNAME);
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return JingleXml.write(this, enclosing, xml -> { }, List.of());
    }

    /** Parses {@code <unknown-session/>}. */
    public static final class Provider extends ExtensionElementProvider<UnknownSession> {
        @Override
        public UnknownSession parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment) {
            return INSTANCE;
        }
    }
}
