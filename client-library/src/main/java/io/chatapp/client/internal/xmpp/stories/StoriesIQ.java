package io.chatapp.client.internal.xmpp.stories;

import io.chatapp.client.Story;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * {@code <stories xmlns="urn:chatapp:stories:0" owner="…"/>} (get): an owner's live stories shared with this account,
 * oldest first, each a {@code <story/>} in the result (none, as for an owner without stories, when not shared).
 */
public final class StoriesIQ extends IQ {

    public static final String ELEMENT = "stories";

    private final String owner;
    private final List<Story> stories;

    /** The request. */
    public StoriesIQ(String owner) {
        this(owner, List.of());
        setType(Type.get);
    }

    public StoriesIQ(String owner, List<Story> stories) {
        super(ELEMENT, StoryXml.NAMESPACE);
        this.owner = Objects.requireNonNull(owner, "owner");
        this.stories = List.copyOf(stories);
    }

    public String owner() {
        return owner;
    }

    public List<Story> stories() {
        return stories;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("owner", owner);
        if (stories.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (Story story : stories) {
            xml.halfOpenElement(StoryElement.ELEMENT);
            StoryXml.writeStory(xml, story);
            xml.closeElement(StoryElement.ELEMENT);
        }
        return xml;
    }

    public static final class Provider extends IQProvider<StoriesIQ> {
        @Override
        public StoriesIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws XmlPullParserException, IOException, SmackParsingException {
            String owner = StoryXml.text(StoryXml.attribute(parser, "owner"));
            List<Story> stories = new ArrayList<>();
            while (true) {
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.START_ELEMENT && parser.getName().equals(StoryElement.ELEMENT)) {
                    stories.add(StoryXml.readStory(parser));
                } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                    break;
                }
            }
            return new StoriesIQ(owner, stories);
        }
    }
}
