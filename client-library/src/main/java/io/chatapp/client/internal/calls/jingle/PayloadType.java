package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.Element;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * XEP-0167 {@code <payload-type id="111" name="opus" clockrate="48000" channels="2">} with its fmtp parameters and
 * XEP-0293 feedback: SDP {@code a=rtpmap}, {@code a=fmtp} and {@code a=rtcp-fb} of one payload type.
 */
public final class PayloadType extends QualifiedElement {

    public static final QName QNAME = new QName(RtpDescription.NAMESPACE, "payload-type");

    private final int id;
    private final String name;
    private final int clockRate;
    private final int channels;
    private final List<PayloadParameter> parameters;
    private final List<RtcpFeedback> feedback;

    /**
     * @param clockRate 0 when unknown
     * @param channels  1 unless the codec has more (the attribute is then left out)
     */
    public PayloadType(int id, String name, int clockRate, int channels, List<PayloadParameter> parameters,
                       List<RtcpFeedback> feedback) {
        super(QNAME);
        this.id = id;
        this.name = name;
        this.clockRate = clockRate;
        this.channels = channels;
        this.parameters = List.copyOf(parameters);
        this.feedback = List.copyOf(feedback);
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int clockRate() {
        return clockRate;
    }

    public int channels() {
        return channels;
    }

    public List<PayloadParameter> parameters() {
        return parameters;
    }

    public List<RtcpFeedback> feedback() {
        return feedback;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        List<Element> children = new ArrayList<>(parameters);
        children.addAll(feedback);
        return JingleXml.write(this, enclosing, xml -> {
            xml.attribute("id", id).optAttribute("name", name);
            if (clockRate > 0) {
                xml.attribute("clockrate", clockRate);
            }
            if (channels > 1) {
                xml.attribute("channels", channels);
            }
        }, children);
    }

    /** Parses {@code <payload-type/>}; a missing or non-numeric id fails the parse. */
    public static final class Provider extends ExtensionElementProvider<PayloadType> {
        @Override
        public PayloadType parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            int id = JingleXml.number("id", JingleXml.required(parser, "id"));
            String name = JingleXml.attribute(parser, "name");
            int clockRate = JingleXml.intAttribute(parser, "clockrate", 0);
            int channels = JingleXml.intAttribute(parser, "channels", 1);
            List<PayloadParameter> parameters = new ArrayList<>();
            List<RtcpFeedback> feedback = new ArrayList<>();
            JingleXml.children(parser, initialDepth, (child, namespace, p) -> {
                if ("parameter".equals(child)) {
                    parameters.add(new PayloadParameter.Provider().parse(p));
                } else if (RtcpFeedback.QNAME.getLocalPart().equals(child)) {
                    feedback.add(new RtcpFeedback.Provider().parse(p));
                }
            });
            return new PayloadType(id, name, clockRate, channels, parameters, feedback);
        }
    }
}
