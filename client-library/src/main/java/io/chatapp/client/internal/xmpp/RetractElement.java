package io.chatapp.client.internal.xmpp;

import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * XEP-0424 version 1 {@code <retract xmlns="urn:xmpp:message-retract:1" id="…"/>}: the sender retracts the message
 * whose {@code origin-id} (or {@code id}) is {@link #id()}. Smack 4.4 only knows version 0 of this namespace.
 */
public final class RetractElement extends SingleAttributeElement {

    public static final String NAMESPACE = "urn:xmpp:message-retract:1";
    public static final String ELEMENT = "retract";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    public RetractElement(String id) {
        super(QNAME, "id", Objects.requireNonNull(id, "id"));
    }

    public String id() {
        return attributeValue();
    }

    /** Parses {@code <retract/>}; a missing id reads as empty. */
    public static final class Provider extends AttributeProvider<RetractElement> {

        public Provider() {
            super("id", id -> new RetractElement(Objects.requireNonNullElse(id, "")));
        }
    }
}
