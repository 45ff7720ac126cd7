package io.chatapp.client.internal.xmpp.calls;

import io.chatapp.client.CallLogEntry;
import io.chatapp.client.CallLogPage;
import io.chatapp.client.internal.xmpp.XmppTimes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * {@code <calls xmlns="urn:chatapp:calls:0"/>}: the request (get, with an XEP-0059 {@code <set>} of {@code max} and
 * {@code after}) and the answer ({@code <call/>} entries newest first, {@code more}, {@code unseen-missed}).
 */
public final class CallLogIQ extends IQ {

    public static final String NAMESPACE = "urn:chatapp:calls:0";
    public static final String ELEMENT = "calls";
    private static final String RSM = "http://jabber.org/protocol/rsm";

    private final int max;
    private final String after;
    private final CallLogPage page;

    /** The request. */
    public CallLogIQ(int max, String after) {
        super(ELEMENT, NAMESPACE);
        this.max = max;
        this.after = after;
        this.page = null;
        setType(Type.get);
    }

    private CallLogIQ(CallLogPage page) {
        super(ELEMENT, NAMESPACE);
        this.max = 0;
        this.after = null;
        this.page = page;
    }

    public CallLogPage page() {
        return page;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.rightAngleBracket();
        xml.halfOpenElement("set").xmlnsAttribute(RSM).rightAngleBracket();
        xml.element("max", Integer.toString(max));
        xml.optElement("after", after);
        xml.closeElement("set");
        return xml;
    }

    public static final class Provider extends IQProvider<CallLogIQ> {
        @Override
        public CallLogIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws XmlPullParserException, IOException, SmackParsingException {
            boolean more = "true".equals(parser.getAttributeValue("", "more"));
            int unseenMissed = number(parser.getAttributeValue("", "unseen-missed"));
            List<CallLogEntry> entries = new ArrayList<>();
            while (true) {
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.START_ELEMENT && parser.getName().equals("call")) {
                    entries.add(entry(parser));
                } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                    break;
                }
            }
            return new CallLogIQ(new CallLogPage(entries, more, unseenMissed));
        }

        private static CallLogEntry entry(XmlPullParser parser) throws SmackParsingException {
            try {
                return new CallLogEntry(required(parser, "id"), required(parser, "sid"),
                        CallLogEntry.Direction.valueOf(upper(required(parser, "direction"))),
                        required(parser, "peer"), "video".equals(parser.getAttributeValue("", "media")),
                        CallLogEntry.Outcome.valueOf(upper(required(parser, "outcome"))),
                        time(required(parser, "proposed")), time(parser.getAttributeValue("", "answered")),
                        time(parser.getAttributeValue("", "ended")),
                        Duration.ofSeconds(number(parser.getAttributeValue("", "duration"))),
                        "true".equals(parser.getAttributeValue("", "unseen")));
            } catch (IllegalArgumentException e) {
                throw new SmackParsingException("bad call log entry: " + e.getMessage()) { };
            }
        }

        private static String required(XmlPullParser parser, String name) {
            String value = parser.getAttributeValue("", name);
            if (value == null) {
                throw new IllegalArgumentException("no " + name);
            }
            return value;
        }

        private static String upper(String value) {
            return value.toUpperCase(Locale.ROOT);
        }

        private static Instant time(String value) throws SmackParsingException {
            return value == null ? null : XmppTimes.parse(value);
        }

        private static int number(String value) {
            if (value == null) {
                return 0;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
