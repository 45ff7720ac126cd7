package io.chatapp.plugin.groups.openfire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dom4j.DocumentHelper;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;

/** An IQ to a room readdressed to the plugin's handler comes back exactly as the client sent it. */
class RoomIqReaddressingTest {

    @Test
    void readdressedThenRestoredIsTheOriginal() throws Exception {
        IQ sent = new IQ(DocumentHelper.parseText("<iq type='get' id='q1' from='alice@example.org/phone'"
                + " to='team@groups.example.org'><query xmlns='urn:xmpp:mam:2' queryid='x'><x xmlns='jabber:x:data'"
                + " type='submit'/></query></iq>").getRootElement());
        String original = sent.toXML();

        IQ readdressed = sent.createCopy();
        RoomIqReaddressing.readdress(readdressed, "example.org", GroupMam.READDRESSED, Map.of("chatapp-extra", "1"));
        assertThat(readdressed.getTo().toString()).isEqualTo("example.org");
        assertThat(readdressed.getChildElement().getNamespaceURI()).isEqualTo(GroupIqHandler.NAMESPACE);
        assertThat(readdressed.getChildElement().getName()).isEqualTo(GroupMam.READDRESSED);
        assertThat(RoomIqReaddressing.extra(readdressed, "chatapp-extra")).isEqualTo("1");

        assertThat(RoomIqReaddressing.restore(readdressed, "chatapp-extra").toXML()).isEqualTo(original);
    }
}
