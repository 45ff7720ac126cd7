package io.chatapp.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15's stanza flood over BOSH (XEP-0124/XEP-0206, Openfire's {@code /http-bind/} on its HTTP port): one client
 * sends chat messages, {@value BoshXmppClient#STANZAS_PER_BODY} to a body, as fast as its session's requests come
 * back, for up to 15 s, while other users chat, log in and ask /health ({@link TransportFlood}, with the budget of
 * {@link WebSocketFloodTest}). The stanza budget that applies to every client session closes it; what the flooder
 * sees is its next request answered {@code 404} "Invalid SID value.", or {@code type='terminate'} with
 * {@code item-not-found} when that request reaches the session as it closes ({@link BoshXmppClient}). The others
 * (over TCP) are served throughout, the server's heap and thread count stay bounded, and the flooder can open a new
 * session, log in and is served.
 *
 * <p>This test found that what a BOSH session sent before its close was delivered all the same: Openfire 4.2
 * answers a body before its stanzas are handled and queues them for its few BOSH workers, and once the session is
 * closed it routes the rest with no session. The budget now drops those by the closed session's address
 * ({@code ClosedForFlooding}), and {@link TransportFlood} asserts that no more of the flood arrives than the budget
 * allowed (docs/reliability.md, "The stanza flood over BOSH").
 */
class BoshFloodTest {

    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(TransportFlood.SERVER_PROPERTIES);

    @Test
    void oneBoshClientFloodingStanzasLeavesOthersServed(DevServer server, TestUsers users) throws Exception {
        String closed = TransportFlood.floodAndAssert("BOSH", "boshflood", server, users, (username, password) ->
                BoshXmppClient.login(server.boshUri(), server.domain(), username, password));
        assertThat(closed).as("what the flooder saw of the close")
                .matches("HTTP 404 .*Invalid SID value.*|terminate item-not-found");
    }
}
