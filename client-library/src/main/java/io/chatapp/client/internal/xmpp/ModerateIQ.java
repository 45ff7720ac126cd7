package io.chatapp.client.internal.xmpp;

import java.util.Objects;
import org.jivesoftware.smack.packet.IQ;

/**
 * XEP-0425 {@code <iq type="set"><moderate xmlns="urn:xmpp:message-moderate:1" id="…"><retract
 * xmlns="urn:xmpp:message-retract:1"/><reason>…</reason></moderate></iq>} to a group's room: an admin removes a
 * member's message, named by its stanza-id (archive id), for everyone.
 */
public final class ModerateIQ extends IQ {

    public static final String NAMESPACE = "urn:xmpp:message-moderate:1";
    public static final String ELEMENT = "moderate";

    private final String archiveId;
    private final String reason;

    public ModerateIQ(String archiveId, String reason) {
        super(ELEMENT, NAMESPACE);
        this.archiveId = Objects.requireNonNull(archiveId, "archiveId");
        this.reason = reason;
        setType(Type.set);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("id", archiveId);
        xml.rightAngleBracket();
        xml.halfOpenElement(RetractElement.ELEMENT).xmlnsAttribute(RetractElement.NAMESPACE).closeEmptyElement();
        if (reason != null && !reason.isBlank()) {
            xml.element("reason", reason);
        }
        return xml;
    }
}
