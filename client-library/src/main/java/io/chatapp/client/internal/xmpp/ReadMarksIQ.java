package io.chatapp.client.internal.xmpp;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * {@code <read-marks xmlns="urn:chatapp:receipts:0" [with="…"]/>}: this account's newest read position per
 * conversation, as its devices marked them. The result lists one {@link Mark} per conversation.
 */
public final class ReadMarksIQ extends IQ {

    public static final String NAMESPACE = MessageInfoIQ.NAMESPACE;
    public static final String ELEMENT = "read-marks";

    private final String with;
    private final List<Mark> marks;

    /** The newest message read in the conversation with {@code with}, by archive id, and when. */
    public record Mark(String with, String stanzaId, Instant stamp) {
    }

    /** A request (type get), for every conversation when {@code with} is null. */
    public static ReadMarksIQ request(String with) {
        ReadMarksIQ iq = new ReadMarksIQ(with, List.of());
        iq.setType(Type.get);
        return iq;
    }

    public ReadMarksIQ(String with, List<Mark> marks) {
        super(ELEMENT, NAMESPACE);
        this.with = with;
        this.marks = List.copyOf(marks);
    }

    /** The conversation a request is limited to, or null. */
    public String with() {
        return with;
    }

    public List<Mark> marks() {
        return marks;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.optAttribute("with", with);
        return Elements.emptyChildren(xml, "mark", marks, (child, mark) -> child
                .attribute("with", mark.with())
                .attribute("stanza-id", mark.stanzaId())
                .optAttribute("stamp", XmppTimes.formatOptional(mark.stamp())));
    }

    /** Parses requests and results; marks without {@code with} or {@code stanza-id} are skipped. */
    public static final class Provider extends IQProvider<ReadMarksIQ> {

        @Override
        public ReadMarksIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
                throws XmlPullParserException, IOException, SmackParsingException {
            String with = Elements.attribute(parser, "with");
            List<Mark> marks = new ArrayList<>();
            Elements.forEachChild(parser, initialDepth, "mark", child -> {
                String markWith = Elements.attribute(child, "with");
                String stanzaId = Elements.attribute(child, "stanza-id");
                Instant stamp = XmppTimes.parse(Elements.attribute(child, "stamp"));
                if (markWith != null && stanzaId != null) {
                    marks.add(new Mark(markWith, stanzaId, stamp));
                }
            });
            return new ReadMarksIQ(with, marks);
        }
    }
}
