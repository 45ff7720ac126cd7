package io.chatapp.plugin.groups.openfire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.List;
import java.util.Map;
import org.dom4j.DocumentHelper;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;

/**
 * An IQ to a room readdressed to the plugin's handler comes back exactly as the client sent it; one a client sent the
 * server itself under a readdressed name is refused.
 */
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

    /**
     * Regression (found by {@code GroupsFuzzTest}): a client may send an element of a readdressed name to the server
     * itself; without a room it reached the handlers without an addressee (a NullPointerException, answered
     * internal-server-error), and without the shape the interceptor checks (a {@code moderate} whose payload is no
     * moderation) the handler's reading of it failed the same way. Both are {@code bad-request} now.
     */
    @Test
    void aReaddressedElementAClientSentItselfIsABadRequest() throws Exception {
        for (String child : List.of("<vcard xmlns='urn:chatapp:groups:0'/>",
                "<nothing-to-destroy xmlns='urn:chatapp:groups:0' chatapp-room='example.org' chatapp-element='query'"
                        + " chatapp-namespace='http://jabber.org/protocol/muc#owner'/>",
                "<moderate xmlns='urn:chatapp:groups:0' chatapp-room='team@groups.example.org' chatapp-element='x'"
                        + " chatapp-namespace='urn:other' id='1'/>")) {
            assertThatThrownBy(() -> GroupIqHandler.restored(toServer(child)))
                    .isInstanceOfSatisfying(StanzaErrorException.class,
                            refusal -> assertThat(refusal.error()).isEqualTo(StanzaError.BAD_REQUEST));
        }
        assertThatThrownBy(() -> GroupIqHandler.refusal(toServer("<refused xmlns='urn:chatapp:groups:0'"
                + " chatapp-room='team@groups.example.org' chatapp-element='query' chatapp-namespace='urn:xmpp:mam:2'"
                + "/>"))).isInstanceOfSatisfying(StanzaErrorException.class,
                        refusal -> assertThat(refusal.error()).isEqualTo(StanzaError.BAD_REQUEST));
    }

    @Test
    void aRealReaddressedRequestIsRestoredForItsHandler() throws Exception {
        IQ sent = toServer("<query xmlns='urn:xmpp:mam:2'/>");
        sent.setTo("team@groups.example.org");
        RoomIqReaddressing.readdress(sent, "example.org", GroupMam.READDRESSED, Map.of());
        assertThat(GroupIqHandler.restored(sent).getTo().toString()).isEqualTo("team@groups.example.org");
    }

    private static IQ toServer(String child) throws Exception {
        return new IQ(DocumentHelper.parseText("<iq type='set' id='f1' from='alice@example.org/phone'"
                + " to='example.org'>" + child + "</iq>").getRootElement());
    }
}
