package io.chatapp.client.internal.calls.jingle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** XEP-0166 content-add, content-accept, content-reject and content-remove, as a video upgrade sends them. */
class ContentActionsTest {

    /** A content-add adding video to an audio call, in the shape Conversations sends it: one content and the group. */
    static final String CONTENT_ADD = """
            <iq xmlns='jabber:client' type='set' id='a1' to='alice@example.org/pc'>\
            <jingle xmlns='urn:xmpp:jingle:1' action='content-add' sid='s1'>\
            <content creator='responder' name='1' senders='both'>\
            <description xmlns='urn:xmpp:jingle:apps:rtp:1' media='video'>\
            <payload-type id='96' name='VP8' clockrate='90000'>\
            <rtcp-fb xmlns='urn:xmpp:jingle:apps:rtp:rtcp-fb:0' type='nack' subtype='pli'/></payload-type>\
            <payload-type id='97' name='rtx' clockrate='90000'><parameter name='apt' value='96'/></payload-type>\
            <source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='1450622455'>\
            <parameter name='cname' value='LQP3V6Ii0VMpPEsE'/></source><rtcp-mux/></description>\
            <transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='OneR' pwd='x8Eb0nVnHtrEyVZGLnK5cArv'>\
            <fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='active'>3E:67</fingerprint>\
            </transport></content>\
            <group xmlns='urn:xmpp:jingle:apps:grouping:0' semantics='BUNDLE'><content name='0'/>\
            <content name='1'/></group></jingle></iq>""";

    @Test
    void contentAddRoundTripsWithItsContentAndTheWholeBundle() throws Exception {
        JingleIQ add = JingleElementsTest.parseIq(CONTENT_ADD);

        assertThat(add.action()).isEqualTo("content-add");
        assertThat(add.malformed()).isNull();
        JingleContent video = add.contents().get(0);
        assertThat(video.creator()).isEqualTo("responder");
        assertThat(video.name()).isEqualTo("1");
        assertThat(video.description().media()).isEqualTo("video");
        assertThat(video.description().payloadTypes()).extracting(PayloadType::name).containsExactly("VP8", "rtx");
        assertThat(video.transport().fingerprint().setup()).isEqualTo("active");
        assertThat(add.group().contentNames()).containsExactly("0", "1");
        String written = add.toXML().toString();
        assertThat(JingleElementsTest.parseIq(written).toXML().toString()).isEqualTo(written);
    }

    @Test
    void contentAcceptRoundTrips() throws Exception {
        String accept = CONTENT_ADD.replace("content-add", "content-accept").replace("creator='responder'",
                "creator='responder'").replace("setup='active'", "setup='passive'");
        JingleIQ parsed = JingleElementsTest.parseIq(accept);
        assertThat(parsed.action()).isEqualTo("content-accept");
        assertThat(parsed.contents().get(0).transport().fingerprint().setup()).isEqualTo("passive");
        String written = parsed.toXML().toString();
        assertThat(JingleElementsTest.parseIq(written).toXML().toString()).isEqualTo(written);
    }

    @Test
    void contentRejectAndRemoveNameTheContentOnlyAndRoundTrip() throws Exception {
        JingleIQ reject = new JingleIQ("content-reject", "s1", null, null,
                List.of(new JingleContent("responder", "1", null, null, null)), null, JingleReason.of("decline"),
                null);
        assertThat(reject.toXML().toString()).contains("<jingle xmlns='urn:xmpp:jingle:1' action='content-reject' "
                + "sid='s1'><content creator='responder' name='1'/><reason><decline/></reason></jingle>");
        JingleIQ parsedReject = JingleElementsTest.parseIq(reject.toXML().toString());
        assertThat(parsedReject.reason().condition()).isEqualTo("decline");
        assertThat(parsedReject.contents()).extracting(JingleContent::name).containsExactly("1");
        assertThat(parsedReject.toXML().toString()).isEqualTo(reject.toXML().toString());

        JingleIQ remove = new JingleIQ("content-remove", "s1", null, null,
                List.of(new JingleContent("initiator", "1", null, null, null)), null, JingleReason.of("success"),
                null);
        JingleIQ parsedRemove = JingleElementsTest.parseIq(remove.toXML().toString());
        assertThat(parsedRemove.contents().get(0).description()).isNull();
        assertThat(parsedRemove.toXML().toString()).isEqualTo(remove.toXML().toString());
    }
}
