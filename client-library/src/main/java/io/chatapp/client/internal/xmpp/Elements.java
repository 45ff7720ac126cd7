package io.chatapp.client.internal.xmpp;

import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;
import org.jivesoftware.smack.packet.IQ.IQChildElementXmlStringBuilder;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** Parser and writer helpers shared by this package's elements and providers. */
final class Elements {

    private Elements() {
    }

    /** Reads one child element from the parser, which is at its start tag. */
    @FunctionalInterface
    interface ChildReader {
        void read(XmlPullParser parser) throws SmackParsingException;
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

    /**
     * Hands every descendant named {@code name} of the element started at {@code initialDepth} to {@code reader},
     * then leaves the parser at that element's end tag.
     */
    static void forEachChild(XmlPullParser parser, int initialDepth, String name, ChildReader reader)
            throws XmlPullParserException, IOException, SmackParsingException {
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.START_ELEMENT && name.equals(parser.getName())) {
                reader.read(parser);
            } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                return;
            }
        }
    }

    /**
     * Writes one empty {@code <name …/>} child per item, its attributes by {@code attributes}; without items the
     * IQ's element is closed empty.
     */
    static <T> IQChildElementXmlStringBuilder emptyChildren(IQChildElementXmlStringBuilder xml, String name,
            List<T> items, BiConsumer<XmlStringBuilder, T> attributes) {
        if (items.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (T item : items) {
            xml.halfOpenElement(name);
            attributes.accept(xml, item);
            xml.closeEmptyElement();
        }
        return xml;
    }
}
