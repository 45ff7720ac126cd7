package io.chatapp.client.internal.xmpp;

import java.io.IOException;
import java.util.Objects;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * XEP-0066 {@code <x xmlns="jabber:x:oob"><url>…</url><desc>…</desc></x>} in a message: a link to a file. Together
 * with a body holding the same URL it is how Conversations, Gajim and Dino share uploaded files. Smack 4.4 has no
 * element for the message form.
 */
public final class OutOfBandDataElement extends QualifiedElement {

    public static final String NAMESPACE = "jabber:x:oob";
    public static final String ELEMENT = "x";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    private final String url;
    private final String description;

    /** @param description a description of the file, or null */
    public OutOfBandDataElement(String url, String description) {
        super(QNAME);
        this.url = Objects.requireNonNull(url, "url");
        this.description = description;
    }

    /** The URL; empty when the element had none. */
    public String url() {
        return url;
    }

    /** The description, or null. */
    public String description() {
        return description;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        return new XmlStringBuilder(this, enclosingNamespace).rightAngleBracket()
                .element("url", url)
                .optElement("desc", description)
                .closeElement(this);
    }

    /** Parses {@code <x xmlns="jabber:x:oob"/>}; a missing URL reads as empty. */
    public static final class Provider extends ExtensionElementProvider<OutOfBandDataElement> {

        @Override
        public OutOfBandDataElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
                throws XmlPullParserException, IOException {
            String url = "";
            String description = null;
            while (true) {
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.START_ELEMENT && parser.getDepth() == initialDepth + 1) {
                    switch (parser.getName()) {
                        case "url" -> url = parser.nextText().strip();
                        case "desc" -> description = parser.nextText();
                        default -> Elements.skipToEnd(parser, parser.getDepth());
                    }
                } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                    return new OutOfBandDataElement(url, description);
                }
            }
        }
    }
}
