package io.chatapp.client.internal.xmpp.stories;

import io.chatapp.client.Story;
import io.chatapp.client.StoryKind;
import io.chatapp.client.StoryMedia;
import io.chatapp.client.internal.xmpp.XmppTimes;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** Writing and reading {@code <story/>} and the attributes every element of the namespace shares. */
final class StoryXml {

    static final String NAMESPACE = "urn:chatapp:stories:0";

    private StoryXml() {
    }

    /** The attributes and children of {@code <story/>}, after its name was written; the caller closes it. */
    static void writeStory(XmlStringBuilder xml, Story story) {
        xml.attribute("id", story.id()).attribute("owner", story.owner())
                .attribute("kind", story.kind().name().toLowerCase(Locale.ROOT))
                .attribute("posted", XmppTimes.format(story.postedAt()))
                .attribute("expires", XmppTimes.format(story.expiresAt()))
                .attribute("seen", Boolean.toString(story.seen()))
                .optAttribute("views", story.views() == null ? null : story.views().toString())
                .rightAngleBracket();
        if (story.kind() == StoryKind.TEXT) {
            xml.halfOpenElement("text").optAttribute("color", story.color()).optAttribute("font", story.font())
                    .rightAngleBracket().escape(Objects.requireNonNullElse(story.text(), "")).closeElement("text");
        }
        if (story.media() != null) {
            xml.halfOpenElement("media").attribute("url", story.media().url())
                    .attribute("type", story.media().mediaType()).attribute("size", story.media().size())
                    .optAttribute("name", story.media().name()).closeEmptyElement();
        }
        if (story.caption() != null) {
            xml.element("caption", story.caption());
        }
    }

    /** Reads the {@code <story/>} the parser is at, leaving it at its end tag. */
    static Story readStory(XmlPullParser parser) throws XmlPullParserException, IOException, SmackParsingException {
        int depth = parser.getDepth();
        String id = text(attribute(parser, "id"));
        String owner = text(attribute(parser, "owner"));
        StoryKind kind = kind(attribute(parser, "kind"));
        Instant posted = time(attribute(parser, "posted"));
        Instant expires = time(attribute(parser, "expires"));
        boolean seen = "true".equals(attribute(parser, "seen"));
        String views = attribute(parser, "views");
        String text = null;
        String color = null;
        String font = null;
        String caption = null;
        StoryMedia media = null;
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.START_ELEMENT) {
                switch (parser.getName()) {
                    case "text" -> {
                        color = attribute(parser, "color");
                        font = attribute(parser, "font");
                        text = parser.nextText();
                    }
                    case "media" -> media = new StoryMedia(text(attribute(parser, "url")),
                            text(attribute(parser, "type")), number(attribute(parser, "size")),
                            attribute(parser, "name"));
                    case "caption" -> caption = parser.nextText();
                    default -> {
                    }
                }
            } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                break;
            }
        }
        return new Story(id, owner, kind, text, color, font, media, caption, posted, expires, seen,
                views == null ? null : (int) number(views));
    }

    static String attribute(XmlPullParser parser, String name) {
        String value = parser.getAttributeValue("", name);
        return value == null || value.isEmpty() ? null : value;
    }

    static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }

    static Instant time(String value) throws SmackParsingException {
        return Objects.requireNonNullElse(XmppTimes.parse(value), Instant.EPOCH);
    }

    static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static StoryKind kind(String value) {
        try {
            return value == null ? StoryKind.TEXT : StoryKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return StoryKind.TEXT;
        }
    }

    /** Moves the parser to the end tag of the element it started at {@code depth}. */
    static void skipToEnd(XmlPullParser parser, int depth) throws XmlPullParserException, IOException {
        while (!(parser.getEventType() == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth)) {
            parser.next();
        }
    }
}
