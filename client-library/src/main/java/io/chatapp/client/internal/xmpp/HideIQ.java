package io.chatapp.client.internal.xmpp;

import java.util.Objects;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * {@code <iq type="set"><hide xmlns="urn:chatapp:archive:0" id="…"/></iq>}: removes the message with that archive
 * id from this account's archive view ("delete for me"). The answer is an empty result.
 */
public final class HideIQ extends IQ {

    public static final String NAMESPACE = "urn:chatapp:archive:0";
    public static final String ELEMENT = "hide";

    private final String archiveId;

    public HideIQ(String archiveId) {
        super(ELEMENT, NAMESPACE);
        this.archiveId = Objects.requireNonNull(archiveId, "archiveId");
        setType(Type.set);
    }

    public String archiveId() {
        return archiveId;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("id", archiveId);
        xml.setEmptyElement();
        return xml;
    }

    /** Parses the request (the server's side; used here for round-trip tests). */
    public static final class Provider extends IQProvider<HideIQ> {

        @Override
        public HideIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment) {
            String id = parser.getAttributeValue("", "id");
            return new HideIQ(id == null ? "" : id);
        }
    }
}
