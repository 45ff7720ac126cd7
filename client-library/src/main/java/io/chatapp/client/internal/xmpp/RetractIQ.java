package io.chatapp.client.internal.xmpp;

import java.util.Objects;
import org.jivesoftware.smack.packet.IQ;

/**
 * {@code <iq type="set"><retract xmlns="urn:chatapp:archive:0" with="…" id="…" message-id="…"/></iq>}: asks the
 * server to retract one of this account's messages and send the XEP-0424 retraction (with id {@code message-id}) on
 * its behalf. Unlike the bare XEP-0424 message, it gets a definite answer: an empty result, or the error saying why.
 */
public final class RetractIQ extends IQ {

    public static final String ELEMENT = "retract";

    private final String with;
    private final String messageId;
    private final String retractionId;

    public RetractIQ(String with, String messageId, String retractionId) {
        super(ELEMENT, HideIQ.NAMESPACE);
        this.with = Objects.requireNonNull(with, "with");
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.retractionId = Objects.requireNonNull(retractionId, "retractionId");
        setType(Type.set);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("with", with);
        xml.attribute("id", messageId);
        xml.attribute("message-id", retractionId);
        xml.setEmptyElement();
        return xml;
    }
}
