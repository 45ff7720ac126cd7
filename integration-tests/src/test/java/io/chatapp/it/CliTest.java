package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatMessage;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The {@code chatapp} terminal client, run as its own process against the real server. */
@ExtendWith(ChatServerExtension.class)
class CliTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final DevServer server;
    private final TestUsers users;

    CliTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @Test
    void sendAndListenBetweenTwoCliUsers(@TempDir Path home) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path aliceConfig = home.resolve("alice");
        Path bobConfig = home.resolve("bob");
        login(aliceConfig, alice);
        login(bobConfig, bob);

        CliProcess listen = CliProcess.start(bobConfig, null, "listen", "--count", "1", "--timeout", "30");
        listen.awaitStderr("Listening as", TIMEOUT);

        CliProcess send = CliProcess.start(aliceConfig, null, "send", bob.username(), "hello", "from", "the", "CLI");
        assertThat(send.await(TIMEOUT)).as("send exit code; stderr: %s", send.stderr()).isZero();

        assertThat(listen.await(TIMEOUT)).as("listen exit code; stderr: %s", listen.stderr()).isZero();
        assertThat(listen.stdout()).contains(alice.jid() + ": hello from the CLI");
    }

    @Test
    void listenPrintsMessagesStoredWhileOffline(@TempDir Path home) throws Exception {
        TestUser alice = users.create("alice");
        TestUser dave = users.create("dave");
        Path daveConfig = home.resolve("dave");
        login(daveConfig, dave);
        try (Clients clients = new Clients(server)) {
            ChatClient aliceClient = clients.loggedIn(alice);
            aliceClient.sendMessage(dave.jid(), "sent while you were offline").join();
            aliceClient.logout().join();
        }
        CliProcess listen = CliProcess.start(daveConfig, null, "listen", "--count", "1", "--timeout", "30");
        assertThat(listen.await(TIMEOUT)).as("stderr: %s", listen.stderr()).isZero();
        assertThat(listen.stdout()).contains(alice.jid() + ": sent while you were offline");
    }

    @Test
    void aCliMessageReachesALibraryClient(@TempDir Path home) throws Exception {
        TestUser erin = users.create("erin");
        TestUser frank = users.create("frank");
        Path erinConfig = home.resolve("erin");
        login(erinConfig, erin);
        try (Clients clients = new Clients(server)) {
            ChatClient frankClient = clients.loggedIn(frank);
            Inbox<ChatMessage> inbox = Inbox.messages(frankClient);
            CliProcess send = CliProcess.start(erinConfig, null, "send", frank.jid(), "to a full address");
            assertThat(send.await(TIMEOUT)).isZero();
            ChatMessage received = inbox.next();
            assertThat(received.body()).isEqualTo("to a full address");
            assertThat(received.from()).isEqualTo(erin.jid());
        }
    }

    @Test
    void theInteractiveShellSendsAndShowsMessages(@TempDir Path home) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path aliceConfig = home.resolve("alice");
        login(aliceConfig, alice);
        try (Clients clients = new Clients(server)) {
            ChatClient bobClient = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(bobClient);

            CliProcess shell = CliProcess.interactive(aliceConfig, null);
            shell.type("/msg " + bob.username() + " typed in the shell");
            ChatMessage received = bobInbox.next();
            assertThat(received.body()).isEqualTo("typed in the shell");
            assertThat(received.from()).isEqualTo(alice.jid());

            bobClient.sendMessage(alice.jid(), "and a reply").join();
            shell.awaitStdout("and a reply", TIMEOUT);
            shell.type("/quit");
            assertThat(shell.await(TIMEOUT)).as("shell exit; stderr: %s", shell.stderr()).isZero();
        }
    }

    @Test
    void errorsAreOneClearLineWithANonZeroExit(@TempDir Path home) throws Exception {
        CliProcess noAccount = CliProcess.start(home.resolve("nobody"), null, "send", "bob", "hi");
        assertThat(noAccount.await(TIMEOUT)).isNotZero();
        assertThat(noAccount.stderr().strip()).startsWith("chatapp: ").doesNotContain("\n").doesNotContain("Exception");

        TestUser grace = users.create("grace");
        CliProcess wrongPassword = CliProcess.start(home.resolve("grace"), "wrong-password", "login",
                "--server", "127.0.0.1", "--port", Integer.toString(server.xmppPort()), "--domain", server.domain(),
                "--trust", server.certificate().toString(), "--api-url", server.pluginHttpUri().toString(),
                grace.username());
        assertThat(wrongPassword.await(TIMEOUT)).isNotZero();
        assertThat(wrongPassword.stderr().strip()).startsWith("chatapp: ").doesNotContain("\n")
                .containsIgnoringCase("password");
    }

    private void login(Path config, TestUser user) throws Exception {
        CliProcess.login(server, config, user, TIMEOUT);
    }
}
