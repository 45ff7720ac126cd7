package io.chatapp.client.internal.calls.jmi;

import io.chatapp.client.internal.calls.jingle.RtpDescription;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.Element;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * XEP-0353 {@code <propose id="…"><description xmlns="urn:xmpp:jingle:apps:rtp:1" media="audio"/>…</propose>}: the
 * caller proposes a session; the descriptions say audio, or audio and video. Sent to the callee's bare JID.
 */
public final class Propose extends JmiElement {

    public static final String ELEMENT = "propose";

    private final List<RtpDescription> descriptions;

    public Propose(String id, List<RtpDescription> descriptions) {
        super(ELEMENT, id, null);
        this.descriptions = List.copyOf(descriptions);
    }

    public List<RtpDescription> descriptions() {
        return descriptions;
    }

    /** Whether a video description is proposed. */
    public boolean video() {
        return descriptions.stream().anyMatch(d -> "video".equals(d.media()));
    }

    @Override
    protected List<Element> extraChildren() {
        return new ArrayList<>(descriptions);
    }

    /** Parses {@code <propose/>}; a missing id fails the parse; descriptions of other applications are skipped. */
    public static final class Provider extends ExtensionElementProvider<Propose> {
        @Override
        public Propose parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            List<RtpDescription> descriptions = new ArrayList<>();
            JmiParsing.Common common = JmiParsing.read(parser, initialDepth, (name, namespace, p) -> {
                if ("description".equals(name) && RtpDescription.NAMESPACE.equals(namespace)) {
                    descriptions.add(new RtpDescription.Provider().parse(p));
                }
            });
            return new Propose(common.id(), descriptions);
        }
    }
}
