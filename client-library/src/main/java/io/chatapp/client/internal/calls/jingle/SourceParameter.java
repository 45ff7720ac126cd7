package io.chatapp.client.internal.calls.jingle;

import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/** XEP-0339 {@code <parameter name="cname" value="…"/>} of a source: one SDP {@code a=ssrc:N name:value}. */
public final class SourceParameter extends NameValueElement {

    public static final QName QNAME = new QName(Source.NAMESPACE, "parameter");

    public SourceParameter(String name, String value) {
        super(QNAME, name, value);
    }

    /** Null when the attribute has no value ({@code a=ssrc:N name}). */
    public String value() {
        return rawValue();
    }

    /** Parses {@code <parameter/>}; a missing name fails the parse. */
    public static final class Provider extends ExtensionElementProvider<SourceParameter> {
        @Override
        public SourceParameter parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException {
            return new SourceParameter(JingleXml.required(parser, "name"), JingleXml.attribute(parser, "value"));
        }
    }
}
