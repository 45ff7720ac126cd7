package io.chatapp.client.internal.calls.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.internal.calls.CallsProviders;
import io.chatapp.client.internal.calls.jingle.IceCandidate;
import io.chatapp.client.internal.calls.jingle.JingleContent;
import io.chatapp.client.internal.calls.jingle.JingleIQ;
import io.chatapp.client.internal.calls.jingle.PayloadType;
import io.chatapp.client.internal.calls.jingle.RtpDescription;
import java.util.List;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.Test;

class SdpJingleMappingTest {

    /**
     * An offer as libwebrtc writes it on Android, which is what Conversations maps (trimmed to one codec family per
     * media, keeping every attribute kind): BUNDLE, extmap-allow-mixed, ICE credentials, fingerprint, rtcp-mux,
     * rtcp-fb, fmtp, extmap, ssrc and an FID ssrc-group.
     */
    static final String WEBRTC_OFFER = String.join("\r\n",
            "v=0",
            "o=- 5318225735049413224 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1",
            "a=extmap-allow-mixed",
            "a=msid-semantic: WMS my-media-stream",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 0",
            "c=IN IP4 0.0.0.0",
            "a=rtcp:9 IN IP4 0.0.0.0",
            "a=ice-ufrag:OneR",
            "a=ice-pwd:x8Eb0nVnHtrEyVZGLnK5cArv",
            "a=ice-options:trickle renomination",
            "a=fingerprint:sha-256 3E:67:2C:6F:BF:8F:27:0C:93:13:1C:93:1E:6A:1E:35:71:42:33:D8:F8:D3:C2:F7:F5",
            "a=setup:actpass",
            "a=mid:0",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "a=sendrecv",
            "a=msid:my-media-stream my-audio-track",
            "a=rtcp-mux",
            "a=rtpmap:111 opus/48000/2",
            "a=rtcp-fb:111 transport-cc",
            "a=fmtp:111 minptime=10;useinbandfec=1",
            "a=rtpmap:63 red/48000/2",
            "a=fmtp:63 111/111",
            "a=rtpmap:0 PCMU/8000",
            "a=ssrc:3822473498 cname:LQP3V6Ii0VMpPEsE",
            "a=ssrc:3822473498 msid:my-media-stream my-audio-track",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97",
            "c=IN IP4 0.0.0.0",
            "a=rtcp:9 IN IP4 0.0.0.0",
            "a=ice-ufrag:OneR",
            "a=ice-pwd:x8Eb0nVnHtrEyVZGLnK5cArv",
            "a=fingerprint:sha-256 3E:67:2C:6F:BF:8F:27:0C:93:13:1C:93:1E:6A:1E:35:71:42:33:D8:F8:D3:C2:F7:F5",
            "a=setup:actpass",
            "a=mid:1",
            "a=extmap:14 urn:ietf:params:rtp-hdrext:toffset",
            "a=sendonly",
            "a=rtcp-mux",
            "a=rtcp-rsize",
            "a=rtpmap:96 VP8/90000",
            "a=rtcp-fb:96 goog-remb",
            "a=rtcp-fb:96 nack",
            "a=rtcp-fb:96 nack pli",
            "a=rtpmap:97 rtx/90000",
            "a=fmtp:97 apt=96",
            "a=ssrc-group:FID 1450622455 4202101392",
            "a=ssrc:1450622455 cname:LQP3V6Ii0VMpPEsE",
            "a=ssrc:4202101392 cname:LQP3V6Ii0VMpPEsE",
            "");

    /**
     * A session-accept in the form Dino writes it (it builds Jingle directly, not from SDP): opus and
     * telephone-event, per-payload rtcp-fb, rtp-hdrext, rtcp-mux, one host candidate and a passive fingerprint.
     */
    static final String DINO_ACCEPT = """
            <iq xmlns='jabber:client' type='set' id='d1'>\
            <jingle xmlns='urn:xmpp:jingle:1' action='session-accept' sid='s1' responder='bob@example.org/dino'>\
            <content creator='initiator' name='0'>\
            <description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'>\
            <payload-type id='111' name='opus' clockrate='48000' channels='2'>\
            <parameter name='useinbandfec' value='1'/>\
            <rtcp-fb xmlns='urn:xmpp:jingle:apps:rtp:rtcp-fb:0' type='transport-cc'/></payload-type>\
            <payload-type id='101' name='telephone-event' clockrate='48000'/>\
            <rtp-hdrext xmlns='urn:xmpp:jingle:apps:rtp:rtp-hdrext:0' id='1' uri='urn:ietf:params:rtp-hdrext:ssrc-audio-level'/>\
            <source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='7'><parameter name='cname' value='dino'/></source>\
            <rtcp-mux/></description>\
            <transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='dUf' pwd='dinoPassword1234567890'>\
            <fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='active'>AA:BB</fingerprint>\
            <candidate component='1' foundation='1' generation='0' id='x1' ip='192.168.1.5' network='0' port='40000' \
            priority='2130706431' protocol='udp' type='host'/></transport></content>\
            <group xmlns='urn:xmpp:jingle:apps:grouping:0' semantics='BUNDLE'><content name='0'/></group>\
            </jingle></iq>""";

    @Test
    void webrtcOfferMapsToJingleAsConversationsDoes() {
        JingleContents jingle = SdpToJingle.map(WEBRTC_OFFER, true);

        assertThat(jingle.group().semantics()).isEqualTo("BUNDLE");
        assertThat(jingle.group().contentNames()).containsExactly("0", "1");
        JingleContent audio = jingle.contents().get(0);
        assertThat(audio.name()).isEqualTo("0");
        assertThat(audio.senders()).isEqualTo("both");
        RtpDescription description = audio.description();
        assertThat(description.payloadTypes()).extracting(PayloadType::id).containsExactly(111, 63, 0);
        PayloadType opus = description.payloadTypes().get(0);
        assertThat(opus.name()).isEqualTo("opus");
        assertThat(opus.clockRate()).isEqualTo(48000);
        assertThat(opus.channels()).isEqualTo(2);
        assertThat(opus.parameters()).extracting(p -> p.name() + "=" + p.value())
                .containsExactly("minptime=10", "useinbandfec=1");
        assertThat(description.payloadTypes().get(1).parameters().get(0).name()).isEqualTo("111/111");
        assertThat(description.extmapAllowMixed()).as("session-level extmap-allow-mixed").isTrue();
        assertThat(description.headerExtensions()).extracting(e -> e.id() + " " + e.uri()).contains(
                "1 urn:ietf:params:rtp-hdrext:ssrc-audio-level");
        assertThat(description.sources().get(0).ssrc()).isEqualTo(3822473498L);
        assertThat(description.rtcpMux()).isTrue();
        assertThat(audio.transport().ufrag()).isEqualTo("OneR");
        assertThat(audio.transport().fingerprint().setup()).isEqualTo("actpass");

        JingleContent video = jingle.contents().get(1);
        assertThat(video.senders()).as("sendonly from the initiator").isEqualTo("initiator");
        assertThat(video.description().payloadTypes().get(0).feedback())
                .extracting(f -> f.type() + "/" + f.subtype()).containsExactly("goog-remb/null", "nack/null",
                        "nack/pli");
        assertThat(video.description().ssrcGroups().get(0).ssrcs()).containsExactly(1450622455L, 4202101392L);
    }

    @Test
    void jingleBackToSdpKeepsEverythingWebrtcNeeds() {
        JingleContents jingle = SdpToJingle.map(WEBRTC_OFFER, true);
        String sdp = JingleToSdp.map(jingle, "s1", true);

        assertThat(sdp).contains("a=group:BUNDLE 0 1\r\n", "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 0\r\n",
                "a=rtpmap:111 opus/48000/2\r\n", "a=fmtp:111 minptime=10;useinbandfec=1\r\n",
                "a=rtcp-fb:111 transport-cc\r\n", "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n",
                "a=ice-ufrag:OneR\r\n", "a=setup:actpass\r\n", "a=mid:1\r\n", "a=sendonly\r\n", "a=rtcp-mux\r\n",
                "a=ssrc-group:FID 1450622455 4202101392\r\n", "a=ssrc:3822473498 cname:LQP3V6Ii0VMpPEsE\r\n",
                "a=rtpmap:0 PCMU/8000\r\n");
        // a second trip through both mappings changes nothing
        assertThat(JingleToSdp.map(SdpToJingle.map(sdp, true), "s1", true)).isEqualTo(sdp);
    }

    @Test
    void dinoAcceptMapsToAnAnswer() throws Exception {
        CallsProviders.register();
        JingleIQ accept = (JingleIQ) PacketParserUtils.parseStanza(DINO_ACCEPT);
        String sdp = JingleToSdp.map(new JingleContents(accept.contents(), accept.group()), "s1", false);

        assertThat(sdp).contains("a=group:BUNDLE 0\r\n", "m=audio 9 UDP/TLS/RTP/SAVPF 111 101\r\n",
                "a=rtpmap:111 opus/48000/2\r\n", "a=fmtp:111 useinbandfec=1\r\n",
                "a=rtpmap:101 telephone-event/48000\r\n", "a=setup:active\r\n", "a=fingerprint:sha-256 AA:BB\r\n",
                "a=candidate:1 1 udp 2130706431 192.168.1.5 40000 typ host generation 0\r\n",
                "a=sendrecv\r\n", "a=ssrc:7 cname:dino\r\n");
    }

    @Test
    void candidateLinesMapBothWays() {
        String line = "candidate:842163049 1 udp 1677729535 203.0.113.7 52200 typ srflx raddr 10.0.0.2 rport 41000 "
                + "generation 0 ufrag OneR network-id 1 network-cost 10";
        IceCandidate candidate = CandidateLines.parse("a=" + line);
        assertThat(candidate.type()).isEqualTo("srflx");
        assertThat(candidate.relatedPort()).isEqualTo(41000);
        assertThat(candidate.network()).isEqualTo(1);
        assertThat(CandidateLines.format(candidate)).isEqualTo("candidate:842163049 1 udp 1677729535 203.0.113.7 "
                + "52200 typ srflx raddr 10.0.0.2 rport 41000 generation 0 network-id 1");
        assertThatThrownBy(() -> CandidateLines.parse("candidate:1 1 udp")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void aContentWithoutTransportIsRefused() {
        JingleContents jingle = new JingleContents(List.of(new JingleContent("initiator", "0", null,
                RtpDescription.of("audio"), null)), null);
        assertThatThrownBy(() -> JingleToSdp.map(jingle, "s", true)).isInstanceOf(IllegalArgumentException.class);
    }
}
