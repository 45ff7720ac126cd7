package io.chatapp.it.faults;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15's stanza flood over WebSocket (RFC 7395, Openfire's {@code /ws/} on its HTTP port): one client sends chat
 * messages as fast as its WebSocket takes them, for up to 15 s, while other users chat, log in and ask /health
 * ({@link TransportFlood}). Unlike its TCP connections, Openfire reads a WebSocket's next frame only once it has
 * handled the last, so the flood queues nothing and holds no memory; the stanza budget that applies to every client
 * session closes it. The budget here is a fifth of the default ({@link TransportFlood#SERVER_PROPERTIES}), so that
 * the close comes within the flood whatever the machine's speed (the default budget is {@link StanzaFloodTest}'s).
 * The others are served throughout, the server's heap and thread count stay bounded, and the flooder can log in
 * again and is served.
 */
class WebSocketFloodTest {

    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(TransportFlood.SERVER_PROPERTIES);

    @Test
    void oneWebSocketClientFloodingStanzasLeavesOthersServed(DevServer server, TestUsers users) throws Exception {
        TransportFlood.floodAndAssert("WebSocket", "wsflood", server, users, (username, password) ->
                WebSocketXmppClient.login(server.webSocketUri(), server.domain(), username, password));
    }
}
