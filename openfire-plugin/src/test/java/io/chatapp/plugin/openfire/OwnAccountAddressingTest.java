package io.chatapp.plugin.openfire;

import static org.assertj.core.api.Assertions.assertThat;

import org.dom4j.DocumentHelper;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;

/**
 * A request a client sends without {@code to} reaches the plugin's handlers as it was sent on Openfire 4.2, but
 * addressed to the sender's bare JID on 5.x (which fills in a missing {@code to}): both are for the server acting
 * for the account, and only another entity's address is not.
 */
class OwnAccountAddressingTest {

    @Test
    void noAddressTheDomainAndTheOwnBareJidAreTheOwnAccount() throws Exception {
        assertThat(AsyncIqHandler.forOwnAccount(request(null))).isTrue();
        assertThat(AsyncIqHandler.forOwnAccount(request("example.org"))).isTrue();
        // What Openfire 5.x makes of a request without 'to' (xmpp.server.rewrite.replace-missing-to).
        assertThat(AsyncIqHandler.forOwnAccount(request("alice@example.org"))).isTrue();
    }

    @Test
    void anotherAccountOrARoomIsNot() throws Exception {
        assertThat(AsyncIqHandler.forOwnAccount(request("bob@example.org"))).isFalse();
        assertThat(AsyncIqHandler.forOwnAccount(request("team@groups.example.org"))).isFalse();
        assertThat(AsyncIqHandler.forOwnAccount(request("alice@example.org/laptop"))).isTrue();
    }

    private static IQ request(String to) throws Exception {
        String address = to == null ? "" : " to='" + to + "'";
        return new IQ(DocumentHelper.parseText("<iq type='get' id='g1' from='alice@example.org/phone'" + address
                + "><groups xmlns='urn:chatapp:groups:0'/></iq>").getRootElement());
    }
}
