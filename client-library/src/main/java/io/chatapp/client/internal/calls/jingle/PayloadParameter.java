package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/** XEP-0167 {@code <parameter name="…" value="…"/>} of a payload-type: one SDP {@code fmtp} key and value. */
public final class PayloadParameter extends QualifiedElement {

    public static final QName QNAME = new QName(RtpDescription.NAMESPACE, "parameter");

    private final String name;
    private final String value;

    public PayloadParameter(String name, String value) {
        super(QNAME);
        this.name = name;
        this.value = value == null ? "" : value;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return JingleXml.write(this, enclosing, xml -> xml.attribute("name", name).attribute("value", value),
                List.of());
    }

    /** Parses {@code <parameter/>}; a missing name fails the parse. */
    public static final class Provider extends ExtensionElementProvider<PayloadParameter> {
        @Override
        public PayloadParameter parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException {
            return new PayloadParameter(JingleXml.required(parser, "name"), JingleXml.attribute(parser, "value"));
        }
    }
}
