package io.chatapp.client.internal.calls.jingle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.internal.calls.CallsProviders;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;

class JingleElementsTest {

    /** A session-initiate in the shape Conversations sends (XEP-0167/0176/0320/0293/0294/0338/0339). */
    static final String SESSION_INITIATE = """
            <iq xmlns='jabber:client' type='set' id='j1' to='bob@example.org/phone'>\
            <jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' initiator='alice@example.org/pc' sid='s1'>\
            <content creator='initiator' name='0' senders='both'>\
            <description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'>\
            <payload-type id='111' name='opus' clockrate='48000' channels='2'>\
            <parameter name='minptime' value='10'/><parameter name='useinbandfec' value='1'/>\
            <rtcp-fb xmlns='urn:xmpp:jingle:apps:rtp:rtcp-fb:0' type='transport-cc'/></payload-type>\
            <payload-type id='0' name='PCMU' clockrate='8000'/>\
            <rtcp-fb xmlns='urn:xmpp:jingle:apps:rtp:rtcp-fb:0' type='nack' subtype='pli'/>\
            <rtp-hdrext xmlns='urn:xmpp:jingle:apps:rtp:rtp-hdrext:0' id='1' uri='urn:ietf:params:rtp-hdrext:ssrc-audio-level'/>\
            <extmap-allow-mixed xmlns='urn:xmpp:jingle:apps:rtp:rtp-hdrext:0'/>\
            <source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='1111'><parameter name='cname' value='c1'/>\
            <parameter name='msid' value='s t'/></source>\
            <ssrc-group xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' semantics='FID'><source ssrc='1111'/>\
            <source ssrc='2222'/></ssrc-group><rtcp-mux/></description>\
            <transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='uf' pwd='pw'>\
            <fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='actpass'>AB:CD</fingerprint>\
            <candidate component='1' foundation='842163049' generation='0' id='c1' ip='10.0.0.2' network='1' \
            port='50000' priority='2122260223' protocol='udp' rel-addr='10.0.0.1' rel-port='9' type='srflx'/>\
            </transport></content>\
            <group xmlns='urn:xmpp:jingle:apps:grouping:0' semantics='BUNDLE'><content name='0'/></group>\
            </jingle></iq>""";

    static JingleIQ parseIq(String xml) throws Exception {
        CallsProviders.register();
        return (JingleIQ) PacketParserUtils.parseStanza(xml);
    }

    @Test
    void sessionInitiateRoundTrips() throws Exception {
        JingleIQ iq = parseIq(SESSION_INITIATE);

        assertThat(iq.action()).isEqualTo("session-initiate");
        assertThat(iq.sid()).isEqualTo("s1");
        assertThat(iq.group().contentNames()).containsExactly("0");
        JingleContent content = iq.contents().get(0);
        RtpDescription description = content.description();
        assertThat(description.media()).isEqualTo("audio");
        assertThat(description.payloadTypes()).extracting(PayloadType::name).containsExactly("opus", "PCMU");
        PayloadType opus = description.payloadTypes().get(0);
        assertThat(opus.channels()).isEqualTo(2);
        assertThat(opus.parameters()).extracting(PayloadParameter::name).containsExactly("minptime", "useinbandfec");
        assertThat(opus.feedback()).extracting(RtcpFeedback::type).containsExactly("transport-cc");
        assertThat(description.feedback().get(0).subtype()).isEqualTo("pli");
        assertThat(description.headerExtensions().get(0).id()).isEqualTo(1);
        assertThat(description.extmapAllowMixed()).isTrue();
        assertThat(description.sources().get(0).parameters()).extracting(SourceParameter::value)
                .containsExactly("c1", "s t");
        assertThat(description.ssrcGroups().get(0).ssrcs()).containsExactly(1111L, 2222L);
        assertThat(description.rtcpMux()).isTrue();
        IceUdpTransport transport = content.transport();
        assertThat(transport.fingerprint().setup()).isEqualTo("actpass");
        assertThat(transport.fingerprint().value()).isEqualTo("AB:CD");
        IceCandidate candidate = transport.candidates().get(0);
        assertThat(candidate.priority()).isEqualTo(2122260223L);
        assertThat(candidate.relatedAddress()).isEqualTo("10.0.0.1");

        String written = iq.toXML().toString();
        assertThat(parseIq(written).toXML().toString()).isEqualTo(written);
        assertThat(written).contains("<rtcp-fb xmlns='urn:xmpp:jingle:apps:rtp:rtcp-fb:0' type='nack' subtype='pli'/>")
                .contains("<fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='actpass'>AB:CD");
    }

    @Test
    void terminateAndSessionInfoRoundTrip() throws Exception {
        JingleIQ terminate = new JingleIQ("session-terminate", "s1", null, null, List.of(), null,
                new JingleReason("busy", "in another call"), null);
        JingleIQ parsed = parseIq(terminate.toXML().toString());
        assertThat(parsed.reason().condition()).isEqualTo("busy");
        assertThat(parsed.reason().text()).isEqualTo("in another call");

        JingleIQ mute = new JingleIQ("session-info", "s1", null, null, List.of(), null, null,
                new RtpSessionInfo("mute", "initiator", "0"));
        JingleIQ parsedMute = parseIq(mute.toXML().toString());
        assertThat(parsedMute.info().kind()).isEqualTo("mute");
        assertThat(parsedMute.info().name()).isEqualTo("0");
        assertThat(parsedMute.toXML().toString()).isEqualTo(mute.toXML().toString());
    }

    @Test
    void unknownSessionErrorRoundTrips() throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor(UnknownSession.INSTANCE.toXML().toString());
        assertThat(new UnknownSession.Provider().parse(parser)).isSameAs(UnknownSession.INSTANCE);
        assertThat(UnknownSession.INSTANCE.toXML().toString())
                .isEqualTo("<unknown-session xmlns='urn:xmpp:jingle:errors:1'/>");
    }

    @Test
    void malformedRequestsAreReadAsMalformedNotThrown() throws Exception {
        String noSid = "<iq xmlns='jabber:client' type='set' id='x'><jingle xmlns='urn:xmpp:jingle:1' "
                + "action='session-info'/></iq>";
        String badPort = SESSION_INITIATE.replace("port='50000'", "port='many'");
        assertThat(parseIq(noSid).malformed()).contains("sid");
        JingleIQ bad = parseIq(badPort);
        assertThat(bad.malformed()).contains("port");
        assertThat(bad.sid()).isEqualTo("s1");
        assertThat(bad.getStanzaId()).isEqualTo("j1");
        assertThat(parseIq(SESSION_INITIATE).malformed()).isNull();
    }

    @Test
    void aMalformedChildAloneFailsItsOwnParse() {
        assertThatThrownBy(() -> new IceCandidate.Provider().parse(PacketParserUtils.getParserFor(
                "<candidate xmlns='urn:xmpp:jingle:transports:ice-udp:1' component='1' foundation='1' ip='x' "
                + "port='p' priority='1' protocol='udp' type='host'/>"))).isInstanceOf(SmackParsingException.class);
    }

    @Test
    void everyElementRoundTripsAlone() throws Exception {
        assertRoundTrip(new PayloadParameter("apt", "96"), new PayloadParameter.Provider());
        assertRoundTrip(new RtcpFeedback("ccm", "fir"), new RtcpFeedback.Provider());
        assertRoundTrip(new RtpHeaderExtension(3, "urn:x"), new RtpHeaderExtension.Provider());
        assertRoundTrip(new Fingerprint("sha-256", "active", "01:02"), new Fingerprint.Provider());
        assertRoundTrip(RtcpMux.INSTANCE, new RtcpMux.Provider());
        assertRoundTrip(ExtmapAllowMixed.INSTANCE, new ExtmapAllowMixed.Provider());
        assertRoundTrip(new SourceParameter("cname", null), new SourceParameter.Provider());
        assertRoundTrip(new Source(7, List.of(new SourceParameter("cname", "x"))), new Source.Provider());
        assertRoundTrip(new SsrcGroup("FID", List.of(1L, 2L)), new SsrcGroup.Provider());
        assertRoundTrip(new BundleGroup("BUNDLE", List.of("0", "1")), new BundleGroup.Provider());
        assertRoundTrip(new JingleReason("decline", null), new JingleReason.Provider());
        assertRoundTrip(new RtpSessionInfo("active", null, null), new RtpSessionInfo.Provider());
        assertRoundTrip(new IceCandidate("1", 1, "udp", 5, "10.0.0.1", 9, "host", null, -1, 0, "i", 0).element(),
                new IceCandidate.Provider());
        assertRoundTrip(new IceUdpTransport("u", "p", null, List.of()), new IceUdpTransport.Provider());
        assertRoundTrip(new JingleContent("initiator", "0", null, RtpDescription.of("video"), null),
                new JingleContent.Provider());
    }

    static <E extends org.jivesoftware.smack.packet.ExtensionElement> void assertRoundTrip(
            E element, org.jivesoftware.smack.provider.ExtensionElementProvider<E> provider) throws Exception {
        String xml = element.toXML().toString();
        E parsed = provider.parse(PacketParserUtils.getParserFor(xml));
        assertThat(parsed.toXML().toString()).as(xml).isEqualTo(xml);
    }

    @Test
    void unrelatedIqIsUntouched() throws Exception {
        CallsProviders.register();
        IQ ping = (IQ) PacketParserUtils.parseStanza("<iq xmlns='jabber:client' type='get' id='p'>"
                + "<ping xmlns='urn:xmpp:ping'/></iq>");
        assertThat(ping).isNotInstanceOf(JingleIQ.class);
    }
}
