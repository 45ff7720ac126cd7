package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.Retraction;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4 in the terminal client: status marks, typing, history, retraction, last seen, catch-up. */
@ExtendWith(ChatServerExtension.class)
class CliMessagingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final DevServer server;
    private final TestUsers users;

    CliMessagingTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @Test
    void theShellShowsStatusMarksTypingHistoryAndRetracts(@TempDir Path home) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path aliceConfig = home.resolve("alice");
        CliProcess.login(server, aliceConfig, alice, TIMEOUT);
        try (Clients clients = new Clients(server)) {
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);
            Inbox<Retraction> retractions = new Inbox<>();
            b.retractions().onRetraction(retractions::add);

            CliProcess shell = CliProcess.interactive(aliceConfig, null);
            shell.type("/msg " + bob.username() + " status please");
            ChatMessage statusPlease = bobInbox.next();
            assertThat(statusPlease.body()).isEqualTo("status please");
            // "✓ sent" comes first unless Bob's receipt overtakes the server's acknowledgement (delivered implies sent).
            shell.awaitStdout("✓✓ delivered: \"status please\"", TIMEOUT);
            b.receipts().markRead(alice.jid()).join();
            shell.awaitStdout("✓✓ read: \"status please\"", TIMEOUT);

            b.typing().typing(alice.jid());
            shell.awaitStdout("* " + bob.jid() + " is typing…", TIMEOUT);
            b.sendMessage(alice.jid(), "here is my answer").join();
            shell.awaitStdout(bob.jid() + ": here is my answer", TIMEOUT);

            shell.type("/history " + bob.username() + " 5");
            shell.awaitStdout("History with " + bob.jid(), TIMEOUT);
            shell.awaitStdout("End of history with " + bob.jid(), TIMEOUT);
            assertThat(shell.stdout()).contains("you: status please  ✓✓ read");

            shell.type("/retract " + bob.username() + " " + statusPlease.id());
            shell.awaitStdout("Deleted for everyone", TIMEOUT);
            assertThat(retractions.next().peer()).isEqualTo(alice.jid());

            shell.type("/lastseen nobody");
            shell.type("/lastseen");
            shell.awaitStdout("Last seen visible to: nobody", TIMEOUT);
            shell.type("/quit");
            assertThat(shell.await(TIMEOUT)).as("stderr: %s", shell.stderr()).isZero();
        }
    }

    @Test
    void listenCatchesUpWhatItMissedExactlyOnceAndHistoryPrintsTheConversation(@TempDir Path home)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser carol = users.create("carol");
        Path carolConfig = home.resolve("carol");
        CliProcess.login(server, carolConfig, carol, TIMEOUT);
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            CliProcess first = CliProcess.start(carolConfig, null, "listen", "--count", "1", "--timeout", "30");
            first.awaitStderr("Listening as", TIMEOUT);
            a.sendMessage(carol.jid(), "first, while listening").join();
            assertThat(first.await(TIMEOUT)).as("stderr: %s", first.stderr()).isZero();

            for (int i = 1; i <= 3; i++) {
                a.sendMessage(carol.jid(), "missed " + i).join();
            }
            CliProcess second = CliProcess.start(carolConfig, null, "listen", "--count", "3", "--timeout", "30");
            assertThat(second.await(TIMEOUT)).as("stderr: %s", second.stderr()).isZero();
            assertThat(second.stdout()).contains("missed 1", "missed 2", "missed 3")
                    .doesNotContain("first, while listening");
            assertThat(second.stdout().split("missed 2", -1)).hasSize(2);

            CliProcess history = CliProcess.start(carolConfig, null, "history", alice.username(), "10");
            assertThat(history.await(TIMEOUT)).as("stderr: %s", history.stderr()).isZero();
            String printed = history.stdout();
            assertThat(printed.indexOf("first, while listening")).isLessThan(printed.indexOf("missed 3"));
        }
    }
}
