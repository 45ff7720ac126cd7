package io.chatapp.client.internal.calls.sdp;

import io.chatapp.client.internal.calls.jingle.BundleGroup;
import io.chatapp.client.internal.calls.jingle.IceCandidate;
import io.chatapp.client.internal.calls.jingle.IceUdpTransport;
import io.chatapp.client.internal.calls.jingle.JingleContent;
import io.chatapp.client.internal.calls.jingle.PayloadParameter;
import io.chatapp.client.internal.calls.jingle.PayloadType;
import io.chatapp.client.internal.calls.jingle.RtcpFeedback;
import io.chatapp.client.internal.calls.jingle.RtpDescription;
import io.chatapp.client.internal.calls.jingle.RtpHeaderExtension;
import io.chatapp.client.internal.calls.jingle.Source;
import io.chatapp.client.internal.calls.jingle.SourceParameter;
import io.chatapp.client.internal.calls.jingle.SsrcGroup;
import java.util.stream.Collectors;

/**
 * Writes Jingle contents as the SDP WebRTC expects (unified plan, DTLS-SRTP): one media section per content, its
 * {@code a=mid} the content's name. Contents without an RTP description or ICE-UDP transport are refused with
 * {@link IllegalArgumentException}, which the session answers as a Jingle error.
 */
public final class JingleToSdp {

    private JingleToSdp() {
    }

    /**
     * @param initiator whether the contents are the initiator's (an offer), which decides what Jingle senders mean
     *                  as SDP directions
     */
    public static String map(JingleContents jingle, String sessionId, boolean initiator) {
        StringBuilder sdp = new StringBuilder();
        line(sdp, "v=0");
        line(sdp, "o=- " + Math.abs((long) sessionId.hashCode()) + " 2 IN IP4 0.0.0.0");
        line(sdp, "s=-");
        line(sdp, "t=0 0");
        BundleGroup group = jingle.group();
        if (group != null) {
            line(sdp, "a=group:" + group.semantics() + " " + String.join(" ", group.contentNames()));
        }
        for (JingleContent content : jingle.contents()) {
            media(sdp, content, initiator);
        }
        return sdp.toString();
    }

    private static void media(StringBuilder sdp, JingleContent content, boolean initiator) {
        RtpDescription description = content.description();
        IceUdpTransport transport = content.transport();
        if (description == null || transport == null) {
            throw new IllegalArgumentException("Content " + content.name() + " lacks an RTP description or an "
                    + "ICE-UDP transport");
        }
        String formats = description.payloadTypes().stream().map(p -> Integer.toString(p.id()))
                .collect(Collectors.joining(" "));
        line(sdp, "m=" + description.media() + " 9 UDP/TLS/RTP/SAVPF " + formats);
        line(sdp, "c=IN IP4 0.0.0.0");
        line(sdp, "a=rtcp:9 IN IP4 0.0.0.0");
        for (IceCandidate candidate : transport.candidates()) {
            line(sdp, "a=" + CandidateLines.format(candidate));
        }
        optional(sdp, "ice-ufrag", transport.ufrag());
        optional(sdp, "ice-pwd", transport.pwd());
        line(sdp, "a=ice-options:trickle");
        if (transport.fingerprint() != null) {
            line(sdp, "a=fingerprint:" + transport.fingerprint().hash() + " " + transport.fingerprint().value());
            optional(sdp, "setup", transport.fingerprint().setup());
        }
        line(sdp, "a=mid:" + content.name());
        for (RtpHeaderExtension extension : description.headerExtensions()) {
            line(sdp, "a=extmap:" + extension.id() + " " + extension.uri());
        }
        if (description.extmapAllowMixed()) {
            line(sdp, "a=extmap-allow-mixed");
        }
        line(sdp, "a=" + direction(content.senders(), initiator));
        if (description.rtcpMux()) {
            line(sdp, "a=rtcp-mux");
        }
        for (RtcpFeedback feedback : description.feedback()) {
            line(sdp, "a=rtcp-fb:* " + feedback(feedback));
        }
        for (PayloadType payload : description.payloadTypes()) {
            payloadType(sdp, payload);
        }
        for (SsrcGroup group : description.ssrcGroups()) {
            line(sdp, "a=ssrc-group:" + group.semantics() + " " + group.ssrcs().stream().map(String::valueOf)
                    .collect(Collectors.joining(" ")));
        }
        for (Source source : description.sources()) {
            for (SourceParameter parameter : source.parameters()) {
                line(sdp, "a=ssrc:" + source.ssrc() + " " + parameter.name()
                        + (parameter.value() == null ? "" : ":" + parameter.value()));
            }
        }
    }

    private static void payloadType(StringBuilder sdp, PayloadType payload) {
        if (payload.name() != null) {
            line(sdp, "a=rtpmap:" + payload.id() + " " + payload.name() + "/" + payload.clockRate()
                    + (payload.channels() > 1 ? "/" + payload.channels() : ""));
        }
        for (RtcpFeedback feedback : payload.feedback()) {
            line(sdp, "a=rtcp-fb:" + payload.id() + " " + feedback(feedback));
        }
        if (!payload.parameters().isEmpty()) {
            line(sdp, "a=fmtp:" + payload.id() + " " + payload.parameters().stream().map(JingleToSdp::parameter)
                    .collect(Collectors.joining(";")));
        }
    }

    private static String parameter(PayloadParameter parameter) {
        return parameter.value().isEmpty() ? parameter.name() : parameter.name() + "=" + parameter.value();
    }

    private static String feedback(RtcpFeedback feedback) {
        return feedback.type() + (feedback.subtype() == null ? "" : " " + feedback.subtype());
    }

    private static String direction(String senders, boolean initiator) {
        String mine = initiator ? "initiator" : "responder";
        return switch (senders) {
            case "none" -> "inactive";
            case "both" -> "sendrecv";
            default -> senders.equals(mine) ? "sendonly" : "recvonly";
        };
    }

    private static void optional(StringBuilder sdp, String name, String value) {
        if (value != null) {
            line(sdp, "a=" + name + ":" + value);
        }
    }

    private static void line(StringBuilder sdp, String line) {
        sdp.append(line).append("\r\n");
    }
}
