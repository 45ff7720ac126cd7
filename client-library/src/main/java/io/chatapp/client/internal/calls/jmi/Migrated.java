package io.chatapp.client.internal.calls.jmi;

import io.chatapp.client.internal.calls.jingle.JingleXml;
import io.chatapp.client.internal.xmpp.QualifiedElement;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/** XEP-0353 {@code <migrated to="sid"/>} inside a finish: the session went on as the one named. */
public final class Migrated extends QualifiedElement {

    public static final String ELEMENT = "migrated";

    private final String to;

    public Migrated(String to) {
        super(new QName(JmiElement.NAMESPACE, ELEMENT));
        this.to = to;
    }

    public String to() {
        return to;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return JingleXml.write(this, enclosing, xml -> xml.attribute("to", to), List.of());
    }

    /** Parses {@code <migrated/>}; a missing {@code to} fails the parse. */
    public static final class Provider extends ExtensionElementProvider<Migrated> {
        @Override
        public Migrated parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException {
            return new Migrated(JingleXml.required(parser, "to"));
        }
    }
}
