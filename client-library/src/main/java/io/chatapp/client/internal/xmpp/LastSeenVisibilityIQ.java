package io.chatapp.client.internal.xmpp;

/**
 * {@code <last-seen xmlns="urn:chatapp:last-seen:0" [visibility="everyone|contacts|nobody"]/>}: gets (no
 * visibility) or sets who may ask when this account was last online. The value is kept as the protocol's string.
 */
public final class LastSeenVisibilityIQ extends SingleAttributeIQ {

    public static final String NAMESPACE = "urn:chatapp:last-seen:0";
    public static final String ELEMENT = "last-seen";

    /** A get request. */
    public static LastSeenVisibilityIQ get() {
        LastSeenVisibilityIQ iq = new LastSeenVisibilityIQ(null);
        iq.setType(Type.get);
        return iq;
    }

    /** A set request. */
    public static LastSeenVisibilityIQ set(String visibility) {
        LastSeenVisibilityIQ iq = new LastSeenVisibilityIQ(visibility);
        iq.setType(Type.set);
        return iq;
    }

    public LastSeenVisibilityIQ(String visibility) {
        super(ELEMENT, NAMESPACE, "visibility", visibility);
    }

    /** The visibility, or null in a get request. */
    public String visibility() {
        return attributeValue();
    }

    /** Parses requests and results. */
    public static final class Provider extends AttributeProvider<LastSeenVisibilityIQ> {

        public Provider() {
            super("visibility", LastSeenVisibilityIQ::new);
        }
    }
}
