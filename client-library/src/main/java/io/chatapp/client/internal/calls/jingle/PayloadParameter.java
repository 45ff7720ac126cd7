package io.chatapp.client.internal.calls.jingle;

import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/** XEP-0167 {@code <parameter name="…" value="…"/>} of a payload-type: one SDP {@code fmtp} key and value. */
public final class PayloadParameter extends NameValueElement {

    public static final QName QNAME = new QName(RtpDescription.NAMESPACE, "parameter");

    public PayloadParameter(String name, String value) {
        super(QNAME, name, value == null ? "" : value);
    }

    public String value() {
        return rawValue();
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
