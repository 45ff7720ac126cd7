package io.chatapp.client.internal.calls.jingle;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * XEP-0166 {@code <iq type="set"><jingle xmlns="urn:xmpp:jingle:1" action="…" sid="…">}: a Jingle request with its
 * contents, BUNDLE group, reason (session-terminate) and RTP session-info payload.
 */
public final class JingleIQ extends IQ {

    public static final String NAMESPACE = "urn:xmpp:jingle:1";
    public static final String ELEMENT = "jingle";

    private final String action;
    private final String sid;
    private final String initiator;
    private final String responder;
    private final List<JingleContent> contents;
    private final BundleGroup group;
    private final JingleReason reason;
    private final RtpSessionInfo info;
    /** Why the request could not be read; null for a well-formed one. */
    private String malformed;

    /** Null initiator, responder, group, reason and info when absent. */
    public JingleIQ(String action, String sid, String initiator, String responder, List<JingleContent> contents,
                    BundleGroup group, JingleReason reason, RtpSessionInfo info) {
        super(ELEMENT, NAMESPACE);
        this.action = action;
        this.sid = sid;
        this.initiator = initiator;
        this.responder = responder;
        this.contents = List.copyOf(contents);
        this.group = group;
        this.reason = reason;
        this.info = info;
        setType(Type.set);
    }

    public String action() {
        return action;
    }

    public String sid() {
        return sid;
    }

    public String initiator() {
        return initiator;
    }

    public String responder() {
        return responder;
    }

    public List<JingleContent> contents() {
        return contents;
    }

    public BundleGroup group() {
        return group;
    }

    public JingleReason reason() {
        return reason;
    }

    public RtpSessionInfo info() {
        return info;
    }

    /** Why the request could not be read (a required attribute missing, a number that is none); null if it could. */
    public String malformed() {
        return malformed;
    }

    /** A request whose content could not be read: kept so it can be answered with bad-request. */
    static JingleIQ malformed(String action, String sid, String why) {
        JingleIQ iq = new JingleIQ(action == null ? "" : action, sid == null ? "" : sid, null, null, List.of(),
                null, null, null);
        iq.malformed = why;
        return iq;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("action", action).optAttribute("initiator", initiator).optAttribute("responder", responder)
                .attribute("sid", sid);
        if (contents.isEmpty() && group == null && reason == null && info == null) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        xml.append(contents);
        xml.optAppend(group);
        xml.optAppend(reason);
        xml.optAppend(info);
        return xml;
    }

    /**
     * Parses {@code <jingle/>}. A request with a missing action or sid or a malformed child does not fail the parse
     * (Smack would drop the connection over it): it is read as {@link #malformed()}, to be answered bad-request.
     */
    public static final class Provider extends IQProvider<JingleIQ> {
        @Override
        public JingleIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws XmlPullParserException, java.io.IOException {
            String action = JingleXml.attribute(parser, "action");
            String sid = JingleXml.attribute(parser, "sid");
            try {
                if (action == null || sid == null) {
                    throw new SmackParsingException.RequiredAttributeMissingException(action == null ? "action"
                            : "sid");
                }
                return parseContent(parser, initialDepth, action, sid);
            } catch (SmackParsingException | NumberFormatException e) {
                JingleXml.skipTo(parser, initialDepth);
                return malformed(action, sid, e.getMessage());
            }
        }

        private static JingleIQ parseContent(XmlPullParser parser, int initialDepth, String action, String sid)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            String initiator = JingleXml.attribute(parser, "initiator");
            String responder = JingleXml.attribute(parser, "responder");
            List<JingleContent> contents = new ArrayList<>();
            Object[] found = new Object[3];
            JingleXml.children(parser, initialDepth, (name, namespace, p) -> {
                if ("content".equals(name)) {
                    contents.add(new JingleContent.Provider().parse(p));
                } else if ("group".equals(name) && BundleGroup.NAMESPACE.equals(namespace)) {
                    found[0] = new BundleGroup.Provider().parse(p);
                } else if ("reason".equals(name)) {
                    found[1] = new JingleReason.Provider().parse(p);
                } else if (RtpSessionInfo.NAMESPACE.equals(namespace)) {
                    found[2] = new RtpSessionInfo.Provider().parse(p);
                }
            });
            return new JingleIQ(action, sid, initiator, responder, contents, (BundleGroup) found[0],
                    (JingleReason) found[1], (RtpSessionInfo) found[2]);
        }
    }
}
