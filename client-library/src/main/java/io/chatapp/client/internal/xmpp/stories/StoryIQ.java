package io.chatapp.client.internal.xmpp.stories;

import io.chatapp.client.Story;
import java.io.IOException;
import java.util.Objects;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** The answer to a {@link PostIQ}: {@code <story/>} as posted, with its id and times. */
public final class StoryIQ extends IQ {

    public static final String ELEMENT = StoryElement.ELEMENT;

    private final Story story;

    public StoryIQ(Story story) {
        super(ELEMENT, StoryXml.NAMESPACE);
        this.story = Objects.requireNonNull(story, "story");
        setType(Type.result);
    }

    public Story story() {
        return story;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        StoryXml.writeStory(xml, story);
        return xml;
    }

    public static final class Provider extends IQProvider<StoryIQ> {
        @Override
        public StoryIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws XmlPullParserException, IOException, SmackParsingException {
            return new StoryIQ(StoryXml.readStory(parser));
        }
    }
}
