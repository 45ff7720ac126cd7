package io.chatapp.client.internal.xmpp;

import java.util.Objects;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * XEP-0424 version 1 {@code <retract xmlns="urn:xmpp:message-retract:1" id="…"/>}: the sender retracts the message
 * whose {@code origin-id} (or {@code id}) is {@link #id()}. Smack 4.4 only knows version 0 of this namespace.
 */
public final class RetractElement extends SingleAttributeElement {

    public static final String NAMESPACE = "urn:xmpp:message-retract:1";
    public static final String ELEMENT = "retract";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    /** Set when a group admin removed the message (XEP-0425); null for the sender's own retraction. */
    private final Moderation moderation;

    public RetractElement(String id) {
        this(id, null);
    }

    public RetractElement(String id, Moderation moderation) {
        super(QNAME, "id", Objects.requireNonNull(id, "id"));
        this.moderation = moderation;
    }

    public Moderation moderation() {
        return moderation;
    }

    public String id() {
        return attributeValue();
    }

    /** Parses {@code <retract/>} and its moderation, if any; a missing id reads as empty. */
    public static final class Provider extends ExtensionElementProvider<RetractElement> {

        @Override
        public RetractElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment) {
            String id = Objects.requireNonNullElse(Elements.attribute(parser, "id"), "");
            return new RetractElement(id, Moderation.read(parser, initialDepth));
        }
    }
}
