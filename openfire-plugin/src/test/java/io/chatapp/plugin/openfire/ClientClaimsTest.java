package io.chatapp.plugin.openfire;

import static org.assertj.core.api.Assertions.assertThat;

import org.dom4j.DocumentHelper;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.Message;

/** Review for issue 12: what only the server or a room may say is removed from a client's message. */
class ClientClaimsTest {

    private static Message parse(String xml) throws Exception {
        return new Message(DocumentHelper.parseText(xml).getRootElement());
    }

    @Test
    void everyStanzaIdAClientAddedIsRemovedWhateverItsSpelling() throws Exception {
        Message message = parse("<message from='mallory@example.org/a' to='bob@example.org' type='chat'>"
                + "<active xmlns='http://jabber.org/protocol/chatstates'/>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' by='BOB@Example.org' id='9223372036854775807'/>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' by='bob@example.org' id='1'/>"
                + "<origin-id xmlns='urn:xmpp:sid:0' id='o-1'/></message>");
        ClientClaims.removeStanzaIds(message);
        assertThat(message.getElement().elements("stanza-id")).isEmpty();
        assertThat(message.getChildElement("origin-id", "urn:xmpp:sid:0")).as("the client's own id stays").isNotNull();
        assertThat(message.getChildElement("active", "http://jabber.org/protocol/chatstates")).isNotNull();
    }

    @Test
    void aGroupMessageLosesAClaimedSenderAddress() throws Exception {
        Message message = parse("<message from='mallory@example.org/a' to='g1@groups.example.org' type='groupchat'>"
                + "<body>hi</body><x xmlns='http://jabber.org/protocol/muc#user'><item jid='alice@example.org'/></x>"
                + "<x xmlns='jabber:x:oob'><url>https://example.org/f</url></x>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' by='g1@groups.example.org' id='5'/></message>");
        ClientClaims.removeFromGroupMessage(message);
        assertThat(message.getChildElement("x", "http://jabber.org/protocol/muc#user")).isNull();
        assertThat(message.getElement().elements("stanza-id")).isEmpty();
        assertThat(message.getChildElement("x", "jabber:x:oob")).as("other x elements stay").isNotNull();
        assertThat(message.getBody()).isEqualTo("hi");
    }
}
