package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.ConnectionState;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A client whose network drops abruptly reconnects by itself and keeps receiving messages. */
@ExtendWith(ChatServerExtension.class)
class ReconnectionTest {

    @Test
    void clientReconnectsAfterAnAbruptConnectionLossAndKeepsReceiving(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server); TcpProxy network = new TcpProxy(server.xmppPort())) {
            ChatClient aliceClient = clients.loggedIn(alice);
            ChatClient bobClient = clients.open(clients.config().toBuilder().port(network.port())
                    .reconnectDelay(Duration.ofSeconds(1)).build());
            Inbox<ConnectionState> bobStates = new Inbox<>();
            bobClient.onConnectionState(bobStates::add);
            Inbox<ChatMessage> bobInbox = Inbox.messages(bobClient);
            bobClient.login(bob.username(), bob.password()).join();

            aliceClient.sendMessage(bob.jid(), "before the cut").join();
            assertThat(bobInbox.next().body()).isEqualTo("before the cut");

            network.cutAll();
            bobStates.next(state -> state == ConnectionState.RECONNECTING);
            ConnectionState back = bobStates.next(state -> state == ConnectionState.AUTHENTICATED
                    || state == ConnectionState.RESUMED);
            System.out.println("Reconnected with state " + back);

            aliceClient.sendMessage(bob.jid(), "after the cut").join();
            assertThat(bobInbox.next(m -> m.body().equals("after the cut")).from()).isEqualTo(alice.jid());
        }
    }
}
