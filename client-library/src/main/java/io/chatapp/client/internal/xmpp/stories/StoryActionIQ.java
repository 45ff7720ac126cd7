package io.chatapp.client.internal.xmpp.stories;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * The requests whose element has only attributes and whose answer is empty (all of type set):
 * {@code <view id/>}, {@code <delete id/>} and {@code <mute jid muted="true|false"/>}.
 */
public final class StoryActionIQ extends IQ {

    public static final Set<String> ELEMENTS = Set.of("view", "delete", "mute");

    private final Map<String, String> attributes;

    public StoryActionIQ(String element, Map<String, String> attributes) {
        super(element, StoryXml.NAMESPACE);
        if (!ELEMENTS.contains(element)) {
            throw new IllegalArgumentException("not a story action: " + element);
        }
        this.attributes = new LinkedHashMap<>(attributes);
        setType(Type.set);
    }

    public static StoryActionIQ view(String storyId) {
        return new StoryActionIQ("view", Map.of("id", storyId));
    }

    public static StoryActionIQ delete(String storyId) {
        return new StoryActionIQ("delete", Map.of("id", storyId));
    }

    public static StoryActionIQ mute(String jid, boolean muted) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("jid", jid);
        attributes.put("muted", Boolean.toString(muted));
        return new StoryActionIQ("mute", attributes);
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        attributes.forEach(xml::attribute);
        xml.setEmptyElement();
        return xml;
    }

    public static final class Provider extends IQProvider<StoryActionIQ> {
        @Override
        public StoryActionIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws XmlPullParserException, IOException {
            String element = parser.getName();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < parser.getAttributeCount(); i++) {
                attributes.put(parser.getAttributeName(i), parser.getAttributeValue(i));
            }
            StoryXml.skipToEnd(parser, initialDepth);
            return new StoryActionIQ(element, attributes);
        }
    }
}
