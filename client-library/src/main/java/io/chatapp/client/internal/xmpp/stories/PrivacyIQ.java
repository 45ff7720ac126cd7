package io.chatapp.client.internal.xmpp.stories;

import io.chatapp.client.StoryAudience;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * {@code <privacy xmlns="urn:chatapp:stories:0" audience="contacts|except|only" read-receipts="true|false">} with
 * {@code <member jid/>}s: this account's story choices (get), or a change of them (set: only the attributes given
 * change). The answer to both is the choices as they are.
 */
public final class PrivacyIQ extends IQ {

    public static final String ELEMENT = "privacy";

    private final StoryAudience audience;
    private final List<String> members;
    private final Boolean readReceipts;

    /** @param audience null leaves it (and the members) unchanged; @param readReceipts null leaves it unchanged */
    public PrivacyIQ(StoryAudience audience, List<String> members, Boolean readReceipts) {
        super(ELEMENT, StoryXml.NAMESPACE);
        this.audience = audience;
        this.members = List.copyOf(members);
        this.readReceipts = readReceipts;
    }

    public static PrivacyIQ get() {
        PrivacyIQ request = new PrivacyIQ(null, List.of(), null);
        request.setType(Type.get);
        return request;
    }

    public static PrivacyIQ set(StoryAudience audience, List<String> members, Boolean readReceipts) {
        PrivacyIQ request = new PrivacyIQ(audience, members, readReceipts);
        request.setType(Type.set);
        return request;
    }

    public StoryAudience audience() {
        return audience;
    }

    public List<String> members() {
        return members;
    }

    public Boolean readReceipts() {
        return readReceipts;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.optAttribute("audience", audience == null ? null : audience.name().toLowerCase(Locale.ROOT));
        xml.optAttribute("read-receipts", readReceipts == null ? null : readReceipts.toString());
        if (members.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (String member : members) {
            xml.halfOpenElement("member").attribute("jid", member).closeEmptyElement();
        }
        return xml;
    }

    public static final class Provider extends IQProvider<PrivacyIQ> {
        @Override
        public PrivacyIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws XmlPullParserException, IOException {
            String audience = StoryXml.attribute(parser, "audience");
            String receipts = StoryXml.attribute(parser, "read-receipts");
            List<String> members = new ArrayList<>();
            while (true) {
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.START_ELEMENT && parser.getName().equals("member")) {
                    members.add(StoryXml.text(StoryXml.attribute(parser, "jid")));
                } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                    break;
                }
            }
            return new PrivacyIQ(audience(audience), members, receipts == null ? null : Boolean.valueOf(receipts));
        }

        private static StoryAudience audience(String value) {
            try {
                return value == null ? null : StoryAudience.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
