package io.chatapp.client.internal.xmpp;

import java.io.IOException;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Who removed a group message and why (XEP-0425 {@code <moderated/>} and {@code <reason/>}, inside a
 * {@code <retract/>} or a {@code <retracted/>} tombstone). The moderator is the real address the server adds
 * ({@code <actor jid="…"/>} of {@code urn:chatapp:groups:0}), else the occupant address {@code by} names.
 *
 * @param moderator who removed it
 * @param reason    why, or null
 */
public record Moderation(String moderator, String reason) {

    /** Reads the children of the element started at {@code initialDepth}; null when it holds no moderation. */
    static Moderation read(XmlPullParser parser, int initialDepth) {
        String by = null;
        String actor = null;
        String reason = null;
        boolean moderated = false;
        try {
            while (!(parser.getEventType() == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth)) {
                XmlPullParser.Event event = parser.next();
                if (event != XmlPullParser.Event.START_ELEMENT) {
                    continue;
                }
                switch (parser.getName()) {
                    case "moderated" -> {
                        moderated = true;
                        by = Elements.attribute(parser, "by");
                    }
                    case "actor" -> actor = Elements.attribute(parser, "jid");
                    case "reason" -> reason = parser.nextText();
                    default -> {
                    }
                }
            }
        } catch (XmlPullParserException | IOException e) {
            throw new IllegalStateException("Malformed XML", e);
        }
        return moderated ? new Moderation(actor != null ? actor : by == null ? "" : by, reason) : null;
    }
}
