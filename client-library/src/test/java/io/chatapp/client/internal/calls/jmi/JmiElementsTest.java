package io.chatapp.client.internal.calls.jmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.internal.calls.CallsProviders;
import io.chatapp.client.internal.calls.jingle.JingleReason;
import io.chatapp.client.internal.calls.jingle.RtpDescription;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.Test;

class JmiElementsTest {

    private static JmiElement roundTrip(JmiElement element) throws Exception {
        CallsProviders.register();
        String xml = "<message xmlns='jabber:client' type='chat' to='bob@example.org' id='m1'>"
                + element.toXML() + "<store xmlns='urn:xmpp:hints'/></message>";
        JmiElement parsed = JmiElement.from((Message) PacketParserUtils.parseStanza(xml));
        assertThat(parsed.toXML().toString()).isEqualTo(element.toXML().toString());
        return parsed;
    }

    @Test
    void proposeWithDescriptionsAsXep0353Shows() throws Exception {
        Propose propose = new Propose("ca3cf894-5325-482f-a412-a6e9f832298d",
                List.of(RtpDescription.of("audio"), RtpDescription.of("video")));
        assertThat(propose.toXML().toString()).isEqualTo("<propose xmlns='urn:xmpp:jingle-message:0' "
                + "id='ca3cf894-5325-482f-a412-a6e9f832298d'>"
                + "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'/>"
                + "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='video'/></propose>");
        Propose parsed = (Propose) roundTrip(propose);
        assertThat(parsed.video()).isTrue();
        assertThat(parsed.id()).isEqualTo(propose.id());
    }

    @Test
    void answersAndEndsRoundTrip() throws Exception {
        assertThat(roundTrip(new Ringing("r", null))).isInstanceOf(Ringing.class);
        assertThat(roundTrip(new Proceed("p", null))).isInstanceOf(Proceed.class);
        Reject reject = (Reject) roundTrip(new Reject("j", JingleReason.of("busy")));
        assertThat(reject.reason().condition()).isEqualTo("busy");
        Retract retract = (Retract) roundTrip(new Retract("t", new JingleReason("cancel", "gone")));
        assertThat(retract.reason().text()).isEqualTo("gone");
        Finish finish = (Finish) roundTrip(new Finish("f", JingleReason.of("success"), null));
        assertThat(finish.migratedTo()).isNull();
        Finish migrated = (Finish) roundTrip(new Finish("f", JingleReason.of("expired"), "f2"));
        assertThat(migrated.migratedTo()).isEqualTo("f2");
        assertThat(migrated.toXML().toString()).contains("<migrated to='f2'/>")
                .contains("<reason xmlns='urn:xmpp:jingle:1'><expired/></reason>");
    }

    @Test
    void missingIdFailsTheParse() {
        CallsProviders.register();
        assertThatThrownBy(() -> PacketParserUtils.parseStanza("<message xmlns='jabber:client' type='chat'>"
                + "<proceed xmlns='urn:xmpp:jingle-message:0'/></message>"))
                .isInstanceOf(SmackParsingException.class);
    }

    @Test
    void aMessageWithoutJmiHasNone() throws Exception {
        Message message = (Message) PacketParserUtils.parseStanza(
                "<message xmlns='jabber:client' type='chat'><body>hi</body></message>");
        assertThat(JmiElement.from(message)).isNull();
    }
}
