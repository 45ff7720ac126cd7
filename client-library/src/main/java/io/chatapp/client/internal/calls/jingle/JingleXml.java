package io.chatapp.client.internal.calls.jingle;

import java.io.IOException;
import java.util.Collection;
import org.jivesoftware.smack.packet.Element;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** Parsing and writing helpers shared by the Jingle and JMI elements. */
public final class JingleXml {

    private JingleXml() {
    }

    /** Reads one child element; the parser is at its start tag and must be left at its end tag. */
    @FunctionalInterface
    public interface ChildReader {
        void read(String name, String namespace, XmlPullParser parser)
                throws XmlPullParserException, IOException, SmackParsingException;
    }

    /** Hands each direct child of the element started at {@code initialDepth} to the reader; unread ones skipped. */
    public static void children(XmlPullParser parser, int initialDepth, ChildReader reader)
            throws XmlPullParserException, IOException, SmackParsingException {
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.START_ELEMENT && parser.getDepth() == initialDepth + 1) {
                int depth = parser.getDepth();
                reader.read(parser.getName(), parser.getNamespace(), parser);
                skipTo(parser, depth);
            } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                return;
            }
        }
    }

    /** Moves the parser to the end tag of the element started at {@code depth} (it may already be there). */
    public static void skipTo(XmlPullParser parser, int depth) throws XmlPullParserException, IOException {
        while (!(parser.getEventType() == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth)) {
            parser.next();
        }
    }

    /** An attribute's value, null when absent or empty. */
    public static String attribute(XmlPullParser parser, String name) {
        String value = parser.getAttributeValue("", name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A required attribute; a missing one fails the parse, which Smack turns into a parsing error. */
    public static String required(XmlPullParser parser, String name) throws SmackParsingException {
        String value = attribute(parser, name);
        if (value == null) {
            throw new SmackParsingException.RequiredAttributeMissingException(name);
        }
        return value;
    }

    public static int intAttribute(XmlPullParser parser, String name, int absent) throws SmackParsingException {
        String value = attribute(parser, name);
        return value == null ? absent : number(name, value);
    }

    public static long longAttribute(XmlPullParser parser, String name) throws SmackParsingException {
        String value = required(parser, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new SmackParsingException("Attribute " + name + " is not a number: " + value);
        }
    }

    static int number(String name, String value) throws SmackParsingException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SmackParsingException("Attribute " + name + " is not a number: " + value);
        }
    }

    /**
     * Writes {@code element}'s start tag with the attributes the writer adds, then its children, closing it empty
     * when it has none.
     */
    public static XmlStringBuilder write(ExtensionElement element, XmlEnvironment enclosing,
                                         java.util.function.Consumer<XmlStringBuilder> attributes,
                                         Collection<? extends Element> children) {
        XmlStringBuilder xml = new XmlStringBuilder(element, enclosing);
        attributes.accept(xml);
        if (children.isEmpty()) {
            return xml.closeEmptyElement();
        }
        xml.rightAngleBracket();
        xml.append(children);
        return xml.closeElement(element);
    }
}
