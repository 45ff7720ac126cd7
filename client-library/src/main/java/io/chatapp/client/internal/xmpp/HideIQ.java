package io.chatapp.client.internal.xmpp;

import java.util.Objects;

/**
 * {@code <iq type="set"><hide xmlns="urn:chatapp:archive:0" id="…"/></iq>}: removes the message with that archive
 * id from this account's archive view ("delete for me"). The answer is an empty result.
 */
public final class HideIQ extends SingleAttributeIQ {

    public static final String NAMESPACE = "urn:chatapp:archive:0";
    public static final String ELEMENT = "hide";

    public HideIQ(String archiveId) {
        super(ELEMENT, NAMESPACE, "id", Objects.requireNonNull(archiveId, "archiveId"));
        setType(Type.set);
    }

    public String archiveId() {
        return attributeValue();
    }

    /** Parses the request (the server's side; used here for round-trip tests); a missing id reads as empty. */
    public static final class Provider extends AttributeProvider<HideIQ> {

        public Provider() {
            super("id", id -> new HideIQ(Objects.requireNonNullElse(id, "")));
        }
    }
}
