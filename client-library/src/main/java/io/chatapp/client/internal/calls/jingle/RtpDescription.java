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
 * XEP-0167 {@code <description xmlns="urn:xmpp:jingle:apps:rtp:1" media="audio">}: one SDP media section's codecs
 * (payload-types), feedback for all of them, header extensions, sources and SSRC groups, and rtcp-mux. It is also
 * what a JMI propose carries, where only {@code media} matters.
 */
public final class RtpDescription extends QualifiedElement {

    public static final String NAMESPACE = "urn:xmpp:jingle:apps:rtp:1";
    public static final QName QNAME = new QName(NAMESPACE, "description");

    private final String media;
    private final List<PayloadType> payloadTypes;
    private final List<RtcpFeedback> feedback;
    private final List<RtpHeaderExtension> headerExtensions;
    private final boolean extmapAllowMixed;
    private final List<Source> sources;
    private final List<SsrcGroup> ssrcGroups;
    private final boolean rtcpMux;

    /** Builds descriptions without positional clutter. */
    public static final class Builder {
        private final String media;
        private final List<PayloadType> payloadTypes = new ArrayList<>();
        private final List<RtcpFeedback> feedback = new ArrayList<>();
        private final List<RtpHeaderExtension> headerExtensions = new ArrayList<>();
        private boolean extmapAllowMixed;
        private final List<Source> sources = new ArrayList<>();
        private final List<SsrcGroup> ssrcGroups = new ArrayList<>();
        private boolean rtcpMux;

        public Builder(String media) {
            this.media = media;
        }

        public Builder payloadType(PayloadType payloadType) {
            payloadTypes.add(payloadType);
            return this;
        }

        public Builder feedback(RtcpFeedback all) {
            feedback.add(all);
            return this;
        }

        public Builder headerExtension(RtpHeaderExtension extension) {
            headerExtensions.add(extension);
            return this;
        }

        public Builder extmapAllowMixed(boolean allowed) {
            extmapAllowMixed = allowed;
            return this;
        }

        public Builder source(Source source) {
            sources.add(source);
            return this;
        }

        public Builder ssrcGroup(SsrcGroup group) {
            ssrcGroups.add(group);
            return this;
        }

        public Builder rtcpMux(boolean mux) {
            rtcpMux = mux;
            return this;
        }

        public RtpDescription build() {
            return new RtpDescription(this);
        }
    }

    private RtpDescription(Builder builder) {
        super(QNAME);
        this.media = builder.media;
        this.payloadTypes = List.copyOf(builder.payloadTypes);
        this.feedback = List.copyOf(builder.feedback);
        this.headerExtensions = List.copyOf(builder.headerExtensions);
        this.extmapAllowMixed = builder.extmapAllowMixed;
        this.sources = List.copyOf(builder.sources);
        this.ssrcGroups = List.copyOf(builder.ssrcGroups);
        this.rtcpMux = builder.rtcpMux;
    }

    /** A description naming only its media, as a JMI propose carries it. */
    public static RtpDescription of(String media) {
        return new Builder(media).build();
    }

    public String media() {
        return media;
    }

    public List<PayloadType> payloadTypes() {
        return payloadTypes;
    }

    public List<RtcpFeedback> feedback() {
        return feedback;
    }

    public List<RtpHeaderExtension> headerExtensions() {
        return headerExtensions;
    }

    public boolean extmapAllowMixed() {
        return extmapAllowMixed;
    }

    public List<Source> sources() {
        return sources;
    }

    public List<SsrcGroup> ssrcGroups() {
        return ssrcGroups;
    }

    public boolean rtcpMux() {
        return rtcpMux;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        List<Element> children = new ArrayList<>(payloadTypes);
        children.addAll(feedback);
        children.addAll(headerExtensions);
        if (extmapAllowMixed) {
            children.add(ExtmapAllowMixed.INSTANCE);
        }
        children.addAll(sources);
        children.addAll(ssrcGroups);
        if (rtcpMux) {
            children.add(RtcpMux.INSTANCE);
        }
        return JingleXml.write(this, enclosing, xml -> xml.attribute("media", media), children);
    }

    /** Parses {@code <description/>}; a missing media fails the parse, unknown children are skipped. */
    public static final class Provider extends ExtensionElementProvider<RtpDescription> {
        @Override
        public RtpDescription parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            Builder builder = new Builder(JingleXml.required(parser, "media"));
            JingleXml.children(parser, initialDepth, (name, namespace, p) -> {
                switch (name) {
                    case "payload-type" -> builder.payloadType(new PayloadType.Provider().parse(p));
                    case "rtcp-fb" -> builder.feedback(new RtcpFeedback.Provider().parse(p));
                    case "rtp-hdrext" -> builder.headerExtension(new RtpHeaderExtension.Provider().parse(p));
                    case "extmap-allow-mixed" -> builder.extmapAllowMixed(true);
                    case "source" -> builder.source(new Source.Provider().parse(p));
                    case "ssrc-group" -> builder.ssrcGroup(new SsrcGroup.Provider().parse(p));
                    case "rtcp-mux" -> builder.rtcpMux(true);
                    default -> { }
                }
            });
            return builder.build();
        }
    }
}
