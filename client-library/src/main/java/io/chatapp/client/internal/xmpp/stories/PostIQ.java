package io.chatapp.client.internal.xmpp.stories;

import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * {@code <post xmlns="urn:chatapp:stories:0">} (set) with {@code <text color font>…</text>}, or with
 * {@code <media url/>} and an optional {@code <caption/>}: posts a story. Answered by a {@link StoryIQ}.
 */
public final class PostIQ extends IQ {

    public static final String ELEMENT = "post";

    private final String text;
    private final String color;
    private final String font;
    private final String mediaUrl;
    private final String caption;

    private PostIQ(String text, String color, String font, String mediaUrl, String caption) {
        super(ELEMENT, StoryXml.NAMESPACE);
        this.text = text;
        this.color = color;
        this.font = font;
        this.mediaUrl = mediaUrl;
        this.caption = caption;
        setType(Type.set);
    }

    public static PostIQ text(String text, String color, String font) {
        return new PostIQ(text, color, font, null, null);
    }

    public static PostIQ media(String url, String caption) {
        return new PostIQ(null, null, null, url, caption);
    }

    public String text() {
        return text;
    }

    public String color() {
        return color;
    }

    public String font() {
        return font;
    }

    public String mediaUrl() {
        return mediaUrl;
    }

    public String caption() {
        return caption;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.rightAngleBracket();
        if (mediaUrl == null) {
            xml.halfOpenElement("text").optAttribute("color", color).optAttribute("font", font)
                    .rightAngleBracket().escape(text == null ? "" : text).closeElement("text");
        } else {
            xml.halfOpenElement("media").attribute("url", mediaUrl).closeEmptyElement();
            if (caption != null) {
                xml.element("caption", caption);
            }
        }
        return xml;
    }

    public static final class Provider extends IQProvider<PostIQ> {
        @Override
        public PostIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws XmlPullParserException, IOException {
            String text = null;
            String color = null;
            String font = null;
            String url = null;
            String caption = null;
            while (true) {
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.START_ELEMENT) {
                    switch (parser.getName()) {
                        case "text" -> {
                            color = StoryXml.attribute(parser, "color");
                            font = StoryXml.attribute(parser, "font");
                            text = parser.nextText();
                        }
                        case "media" -> url = StoryXml.attribute(parser, "url");
                        case "caption" -> caption = parser.nextText();
                        default -> {
                        }
                    }
                } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                    break;
                }
            }
            return url == null ? text(text, color, font) : media(url, caption);
        }
    }
}
