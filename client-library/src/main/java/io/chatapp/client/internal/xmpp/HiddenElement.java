package io.chatapp.client.internal.xmpp;

import java.util.Objects;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * {@code <hidden xmlns="urn:chatapp:archive:0" id="…"/>} in a headline from the server: another device of this
 * account deleted the message with archive id {@link #id()} for this account ("delete for me").
 */
public final class HiddenElement implements ExtensionElement {

    public static final String NAMESPACE = HideIQ.NAMESPACE;
    public static final String ELEMENT = "hidden";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    private final String id;

    public HiddenElement(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    public String id() {
        return id;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        return new XmlStringBuilder(this, enclosingNamespace).attribute("id", id).closeEmptyElement();
    }

    /** Parses {@code <hidden/>}; a missing id reads as empty. */
    public static final class Provider extends ExtensionElementProvider<HiddenElement> {

        @Override
        public HiddenElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment) {
            String id = parser.getAttributeValue("", "id");
            return new HiddenElement(id == null ? "" : id);
        }
    }
}
