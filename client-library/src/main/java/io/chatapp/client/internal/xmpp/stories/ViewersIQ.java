package io.chatapp.client.internal.xmpp.stories;

import io.chatapp.client.StoryViewer;
import io.chatapp.client.internal.xmpp.XmppTimes;
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

/** {@code <viewers xmlns="urn:chatapp:stories:0" id="…"/>} (get): who viewed one of this account's stories. */
public final class ViewersIQ extends IQ {

    public static final String ELEMENT = "viewers";

    private final String storyId;
    private final List<StoryViewer> viewers;

    /** The request. */
    public ViewersIQ(String storyId) {
        this(storyId, List.of());
        setType(Type.get);
    }

    public ViewersIQ(String storyId, List<StoryViewer> viewers) {
        super(ELEMENT, StoryXml.NAMESPACE);
        this.storyId = Objects.requireNonNull(storyId, "storyId");
        this.viewers = List.copyOf(viewers);
    }

    public String storyId() {
        return storyId;
    }

    public List<StoryViewer> viewers() {
        return viewers;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("id", storyId);
        if (viewers.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (StoryViewer viewer : viewers) {
            xml.halfOpenElement("viewer").attribute("jid", viewer.jid())
                    .attribute("at", XmppTimes.format(viewer.viewedAt())).closeEmptyElement();
        }
        return xml;
    }

    public static final class Provider extends IQProvider<ViewersIQ> {
        @Override
        public ViewersIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws XmlPullParserException, IOException, SmackParsingException {
            String id = StoryXml.text(StoryXml.attribute(parser, "id"));
            List<StoryViewer> viewers = new ArrayList<>();
            while (true) {
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.START_ELEMENT && parser.getName().equals("viewer")) {
                    viewers.add(new StoryViewer(StoryXml.text(StoryXml.attribute(parser, "jid")),
                            StoryXml.time(StoryXml.attribute(parser, "at"))));
                } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                    break;
                }
            }
            return new ViewersIQ(id, viewers);
        }
    }
}
