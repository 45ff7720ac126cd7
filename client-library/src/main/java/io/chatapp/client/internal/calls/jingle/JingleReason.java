package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * XEP-0166 {@code <reason xmlns="urn:xmpp:jingle:1"><busy/><text>…</text></reason>}: why a session (or, in JMI, a
 * proposal) ends. The condition is kept as its element name (success, busy, decline, cancel, timeout,
 * connectivity-error, failed-application, general-error, …) so unknown ones survive a round trip.
 */
public final class JingleReason extends QualifiedElement {

    public static final QName QNAME = new QName(JingleIQ.NAMESPACE, "reason");

    private final String condition;
    private final String text;

    public JingleReason(String condition, String text) {
        super(QNAME);
        this.condition = condition;
        this.text = text;
    }

    public static JingleReason of(String condition) {
        return new JingleReason(condition, null);
    }

    public String condition() {
        return condition;
    }

    /** Null when there is none. */
    public String text() {
        return text;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosing);
        xml.rightAngleBracket().emptyElement(condition);
        xml.optElement("text", text);
        return xml.closeElement(this);
    }

    /** Parses {@code <reason/>}: its first child other than text is the condition (general-error if none). */
    public static final class Provider extends ExtensionElementProvider<JingleReason> {
        @Override
        public JingleReason parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            String[] found = new String[2];
            JingleXml.children(parser, initialDepth, (name, namespace, p) -> {
                if ("text".equals(name)) {
                    found[1] = p.nextText();
                } else if (found[0] == null) {
                    found[0] = name;
                }
            });
            return new JingleReason(found[0] == null ? "general-error" : found[0], found[1]);
        }
    }
}
