package io.chatapp.client.internal.xmpp.stories;

import io.chatapp.client.StoryFeedEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * {@code <feed xmlns="urn:chatapp:stories:0"/>} (get): the contacts with live stories shared with this account; the
 * result lists {@code <contact jid stories unseen latest muted/>} in the server's order (unseen first, muted last).
 */
public final class FeedIQ extends IQ {

    public static final String ELEMENT = "feed";

    private final List<StoryFeedEntry> entries;

    /** The request. */
    public FeedIQ() {
        this(List.of());
        setType(Type.get);
    }

    public FeedIQ(List<StoryFeedEntry> entries) {
        super(ELEMENT, StoryXml.NAMESPACE);
        this.entries = List.copyOf(entries);
    }

    public List<StoryFeedEntry> entries() {
        return entries;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        if (entries.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (StoryFeedEntry entry : entries) {
            xml.halfOpenElement("contact").attribute("jid", entry.owner()).attribute("stories", entry.stories())
                    .attribute("unseen", entry.unseen())
                    .attribute("latest", io.chatapp.client.internal.xmpp.XmppTimes.format(entry.latest()))
                    .attribute("muted", Boolean.toString(entry.muted())).closeEmptyElement();
        }
        return xml;
    }

    public static final class Provider extends IQProvider<FeedIQ> {
        @Override
        public FeedIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws XmlPullParserException, IOException, SmackParsingException {
            List<StoryFeedEntry> entries = new ArrayList<>();
            while (true) {
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.START_ELEMENT && parser.getName().equals("contact")) {
                    entries.add(new StoryFeedEntry(StoryXml.text(StoryXml.attribute(parser, "jid")),
                            (int) StoryXml.number(StoryXml.attribute(parser, "stories")),
                            (int) StoryXml.number(StoryXml.attribute(parser, "unseen")),
                            StoryXml.time(StoryXml.attribute(parser, "latest")),
                            "true".equals(StoryXml.attribute(parser, "muted"))));
                } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                    break;
                }
            }
            return new FeedIQ(entries);
        }
    }
}
