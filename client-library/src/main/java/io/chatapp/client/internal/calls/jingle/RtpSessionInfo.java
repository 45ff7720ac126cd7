package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * XEP-0167 session-info payload {@code <mute xmlns="urn:xmpp:jingle:apps:rtp:info:1" creator="initiator"
 * name="0"/>} (also unmute, active, hold, unhold, ringing): the peer muted or unmuted a content, or the call state.
 */
public final class RtpSessionInfo extends QualifiedElement {

    public static final String NAMESPACE = "urn:xmpp:jingle:apps:rtp:info:1";

    private final String creator;
    private final String name;

    /** @param creator and name identify the content (mute/unmute only); null otherwise */
    public RtpSessionInfo(String kind, String creator, String name) {
        super(new QName(NAMESPACE, kind));
        this.creator = creator;
        this.name = name;
    }

    public String kind() {
        return getElementName();
    }

    public String creator() {
        return creator;
    }

    public String name() {
        return name;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return JingleXml.write(this, enclosing,
                xml -> xml.optAttribute("creator", creator).optAttribute("name", name), java.util.List.of());
    }

    /** Parses any of the RTP info elements; the element's name is the kind. */
    public static final class Provider extends ExtensionElementProvider<RtpSessionInfo> {
        @Override
        public RtpSessionInfo parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment) {
            return new RtpSessionInfo(parser.getName(), JingleXml.attribute(parser, "creator"),
                    JingleXml.attribute(parser, "name"));
        }
    }
}
