package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.PresenceMode;
import io.chatapp.client.PresenceUpdate;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One-to-one chat through a real Openfire with the plugin: registration, login, messages, offline, presence. */
@ExtendWith(ChatServerExtension.class)
class MessagingTest {

    private final DevServer server;
    private final TestUsers users;
    private Clients clients;

    MessagingTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @BeforeEach
    void openClients() {
        clients = new Clients(server);
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void twoUsersRegisterInBandLogInAndChat() throws Exception {
        TestUser alice = users.unregistered("alice");
        TestUser bob = users.unregistered("bob");
        try (ChatClient registrar = clients.open()) {
            registrar.register(alice.username(), alice.password()).join();
        }
        try (ChatClient registrar = clients.open()) {
            registrar.register(bob.username(), bob.password()).join();
        }
        assertThat(server.userExists(alice.username())).isTrue();

        ChatClient aliceClient = clients.loggedIn(alice);
        ChatClient bobClient = clients.loggedIn(bob);
        assertThat(aliceClient.jid()).hasValueSatisfying(jid -> assertThat(jid).startsWith(alice.jid() + "/"));
        Inbox<ChatMessage> bobInbox = Inbox.messages(bobClient);

        Instant before = Instant.now().minusSeconds(1);
        String id = aliceClient.sendMessage(bob.jid(), "Hi Bob, it's Alice").join();

        ChatMessage received = bobInbox.next();
        assertThat(received.body()).isEqualTo("Hi Bob, it's Alice");
        assertThat(received.from()).isEqualTo(alice.jid());
        assertThat(received.to()).isEqualTo(bob.jid());
        assertThat(received.id()).isEqualTo(id);
        assertThat(received.delayed()).isFalse();
        assertThat(received.sentAt()).isAfter(before);
    }

    @Test
    void registeringATakenNameFailsClearly() {
        TestUser taken = users.create("carol");
        try (ChatClient registrar = clients.open()) {
            assertThatThrownBy(() -> registrar.register(taken.username(), "another-password").join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(ChatClientException.class)
                    .satisfies(e -> assertThat(((ChatClientException) e).reason())
                            .isEqualTo(ChatClientException.Reason.ACCOUNT_EXISTS));
        }
    }

    @Test
    void wrongPasswordIsRejected() {
        TestUser dave = users.create("dave");
        ChatClient client = clients.open();
        assertThatThrownBy(() -> client.login(dave.username(), "not-the-password").join())
                .cause().isInstanceOf(ChatClientException.class)
                .satisfies(e -> assertThat(((ChatClientException) e).reason())
                        .isEqualTo(ChatClientException.Reason.NOT_AUTHORIZED));
    }

    @Test
    void messagesToAnOfflineUserAreDeliveredWhenTheyLogIn() throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        ChatClient aliceClient = clients.loggedIn(alice);
        aliceClient.sendMessage(bob.jid(), "first, while you were away").join();
        aliceClient.sendMessage(bob.jid(), "second, still away").join();
        // A clean logout flushes the stream, so both messages have reached the server.
        aliceClient.logout().join();

        ChatClient bobClient = clients.open();
        Inbox<ChatMessage> bobInbox = Inbox.messages(bobClient);
        bobClient.login(bob.username(), bob.password()).join();

        ChatMessage first = bobInbox.next();
        ChatMessage second = bobInbox.next();
        assertThat(first.body()).isEqualTo("first, while you were away");
        assertThat(second.body()).isEqualTo("second, still away");
        assertThat(first.from()).isEqualTo(alice.jid());
        assertThat(first.delayed()).as("offline messages carry their original time").isTrue();
        assertThat(first.sentAt()).isBefore(Instant.now());
    }

    @Test
    void contactsSeeEachOthersPresenceAfterAMutualAdd() throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        ChatClient aliceClient = clients.loggedIn(alice);
        ChatClient bobClient = clients.loggedIn(bob);
        Inbox<String> bobRequests = new Inbox<>();
        bobClient.contacts().onRequest(bobRequests::add);
        Inbox<PresenceUpdate> alicePresences = Inbox.presences(aliceClient);

        aliceClient.contacts().add(bob.jid(), "Bob").join();
        assertThat(bobRequests.next()).isEqualTo(alice.jid());
        bobClient.contacts().accept(alice.jid()).join();

        PresenceUpdate bobOnline = alicePresences.next(p -> p.from().equals(bob.jid()) && p.available());
        assertThat(bobOnline.mode()).isEqualTo(PresenceMode.AVAILABLE);
        MutualContacts.awaitMutual(aliceClient, bob.jid());
        MutualContacts.awaitMutual(bobClient, alice.jid());

        bobClient.setStatus(PresenceMode.AWAY, "in a meeting").join();
        PresenceUpdate away = alicePresences.next(p -> p.from().equals(bob.jid()) && p.mode() == PresenceMode.AWAY);
        assertThat(away.status()).isEqualTo("in a meeting");

        bobClient.logout().join();
        PresenceUpdate offline = alicePresences.next(p -> p.from().equals(bob.jid()) && !p.available());
        assertThat(offline.mode()).isEqualTo(PresenceMode.OFFLINE);
    }
}
