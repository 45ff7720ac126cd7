package io.chatapp.client.internal.calls.sdp;

import io.chatapp.client.internal.calls.jingle.BundleGroup;
import io.chatapp.client.internal.calls.jingle.Fingerprint;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a WebRTC offer or answer to Jingle contents. Media sections other than audio and video (data channels) are
 * left out, since a Jingle RTP session has no place for them; attributes absent from a section are taken from the
 * session level (ice-ufrag, ice-pwd, fingerprint, setup, extmap-allow-mixed), where some SDP writers put them.
 */
public final class SdpToJingle {

    private SdpToJingle() {
    }

    /**
     * @param sdp       the SDP text
     * @param initiator whether the SDP is the session initiator's (the offer), which decides what its direction
     *                  attributes mean as Jingle {@code senders}
     */
    public static JingleContents map(String sdp, boolean initiator) {
        SessionDescription session = SessionDescription.parse(sdp);
        List<JingleContent> contents = new ArrayList<>();
        for (SdpMedia media : session.media()) {
            if (!media.media().equals("audio") && !media.media().equals("video")) {
                continue;
            }
            String mid = media.first("mid");
            if (mid == null) {
                throw new IllegalArgumentException("Media section without a=mid: " + media.media());
            }
            contents.add(new JingleContent("initiator", mid, senders(media, initiator), description(session, media),
                    transport(session, media)));
        }
        return new JingleContents(contents, group(session));
    }

    private static BundleGroup group(SessionDescription session) {
        String group = session.first("group");
        if (group == null) {
            return null;
        }
        String[] parts = group.strip().split(" ");
        return new BundleGroup(parts[0], List.of(parts).subList(1, parts.length));
    }

    /** Jingle's default (both) is left out; otherwise the direction as seen from the SDP's writer. */
    private static String senders(SdpMedia media, boolean initiator) {
        String mine = initiator ? "initiator" : "responder";
        String theirs = initiator ? "responder" : "initiator";
        if (media.has("sendonly")) {
            return mine;
        } else if (media.has("recvonly")) {
            return theirs;
        } else if (media.has("inactive")) {
            return "none";
        }
        return null;
    }

    private static RtpDescription description(SessionDescription session, SdpMedia media) {
        RtpDescription.Builder description = new RtpDescription.Builder(media.media());
        Map<String, PayloadParts> payloads = new LinkedHashMap<>();
        for (String format : media.formats()) {
            payloads.put(format, new PayloadParts());
        }
        for (String rtpmap : media.all("rtpmap")) {
            String[] parts = rtpmap.split(" ", 2);
            PayloadParts payload = payloads.get(parts[0]);
            if (payload != null && parts.length == 2) {
                payload.rtpmap = parts[1].split("/");
            }
        }
        for (String fmtp : media.all("fmtp")) {
            String[] parts = fmtp.split(" ", 2);
            PayloadParts payload = payloads.get(parts[0]);
            if (payload != null && parts.length == 2) {
                payload.parameters.addAll(parameters(parts[1]));
            }
        }
        for (String feedback : media.all("rtcp-fb")) {
            String[] parts = feedback.split(" ");
            RtcpFeedback element = new RtcpFeedback(parts[1], parts.length > 2 ? parts[2] : null);
            if (parts[0].equals("*")) {
                description.feedback(element);
            } else if (payloads.containsKey(parts[0])) {
                payloads.get(parts[0]).feedback.add(element);
            }
        }
        payloads.forEach((id, parts) -> description.payloadType(parts.payloadType(id)));
        for (String extmap : media.all("extmap")) {
            String[] parts = extmap.split(" ");
            description.headerExtension(new RtpHeaderExtension(Integer.parseInt(parts[0].split("/")[0]), parts[1]));
        }
        description.extmapAllowMixed(media.has("extmap-allow-mixed")
                || session.attributes().stream().anyMatch(a -> a.name().equals("extmap-allow-mixed")));
        sources(media).forEach(description::source);
        for (String group : media.all("ssrc-group")) {
            String[] parts = group.split(" ");
            List<Long> ssrcs = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                ssrcs.add(Long.parseLong(parts[i]));
            }
            description.ssrcGroup(new SsrcGroup(parts[0], ssrcs));
        }
        return description.rtcpMux(media.has("rtcp-mux")).build();
    }

    /** {@code a=fmtp:111 minptime=10;useinbandfec=1}: one parameter per {@code key=value}. */
    private static List<PayloadParameter> parameters(String fmtp) {
        List<PayloadParameter> parameters = new ArrayList<>();
        for (String pair : fmtp.split(";")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            parameters.add(equals < 0 ? new PayloadParameter(trimmed, "")
                    : new PayloadParameter(trimmed.substring(0, equals), trimmed.substring(equals + 1)));
        }
        return parameters;
    }

    private static List<Source> sources(SdpMedia media) {
        Map<Long, List<SourceParameter>> sources = new LinkedHashMap<>();
        for (String ssrc : media.all("ssrc")) {
            String[] parts = ssrc.split(" ", 2);
            List<SourceParameter> parameters = sources.computeIfAbsent(Long.parseLong(parts[0]),
                    k -> new ArrayList<>());
            if (parts.length == 2) {
                int colon = parts[1].indexOf(':');
                parameters.add(colon < 0 ? new SourceParameter(parts[1], null)
                        : new SourceParameter(parts[1].substring(0, colon), parts[1].substring(colon + 1)));
            }
        }
        List<Source> list = new ArrayList<>();
        sources.forEach((ssrc, parameters) -> list.add(new Source(ssrc, parameters)));
        return list;
    }

    private static IceUdpTransport transport(SessionDescription session, SdpMedia media) {
        String ufrag = orSession(media, session, "ice-ufrag");
        String pwd = orSession(media, session, "ice-pwd");
        String fingerprintValue = orSession(media, session, "fingerprint");
        Fingerprint fingerprint = null;
        if (fingerprintValue != null) {
            String[] parts = fingerprintValue.split(" ", 2);
            fingerprint = new Fingerprint(parts[0], orSession(media, session, "setup"), parts[1]);
        }
        List<IceCandidate> candidates = new ArrayList<>();
        for (String candidate : media.all("candidate")) {
            candidates.add(CandidateLines.parse(candidate));
        }
        return new IceUdpTransport(ufrag, pwd, fingerprint, candidates);
    }

    private static String orSession(SdpMedia media, SessionDescription session, String name) {
        String value = media.first(name);
        return value != null ? value : session.first(name);
    }

    /** What the rtpmap, fmtp and rtcp-fb lines of one payload type say. */
    private static final class PayloadParts {
        String[] rtpmap;
        final List<PayloadParameter> parameters = new ArrayList<>();
        final List<RtcpFeedback> feedback = new ArrayList<>();

        PayloadType payloadType(String id) {
            String name = rtpmap == null ? null : rtpmap[0];
            int clockRate = rtpmap == null || rtpmap.length < 2 ? 0 : Integer.parseInt(rtpmap[1]);
            int channels = rtpmap == null || rtpmap.length < 3 ? 1 : Integer.parseInt(rtpmap[2]);
            return new PayloadType(Integer.parseInt(id), name, clockRate, channels, parameters, feedback);
        }
    }
}
