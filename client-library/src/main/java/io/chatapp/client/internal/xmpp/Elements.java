package io.chatapp.client.internal.xmpp;

import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** Parser helpers shared by this package's providers. */
final class Elements {

    private Elements() {
    }

    /** Moves the parser to the end tag of the element it started at {@code initialDepth}. */
    static void skipToEnd(XmlPullParser parser, int initialDepth) {
        try {
            while (!(parser.getEventType() == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth)) {
                parser.next();
            }
        } catch (XmlPullParserException | java.io.IOException e) {
            throw new IllegalStateException("Malformed XML", e);
        }
    }

    static String attribute(XmlPullParser parser, String name) {
        String value = parser.getAttributeValue("", name);
        return value == null || value.isEmpty() ? null : value;
    }
}
