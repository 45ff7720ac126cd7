package io.chatapp.client.internal.xmpp;

import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * {@code <hidden xmlns="urn:chatapp:archive:0" id="…"/>} in a headline from the server: another device of this
 * account deleted the message with archive id {@link #id()} for this account ("delete for me").
 */
public final class HiddenElement extends SingleAttributeElement {

    public static final String NAMESPACE = HideIQ.NAMESPACE;
    public static final String ELEMENT = "hidden";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    public HiddenElement(String id) {
        super(QNAME, "id", Objects.requireNonNull(id, "id"));
    }

    public String id() {
        return attributeValue();
    }

    /** Parses {@code <hidden/>}; a missing id reads as empty. */
    public static final class Provider extends AttributeProvider<HiddenElement> {

        public Provider() {
            super("id", id -> new HiddenElement(Objects.requireNonNullElse(id, "")));
        }
    }
}
