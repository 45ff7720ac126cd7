package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.GroupMessage;
import io.chatapp.client.GroupRemoval;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single group messages in the terminal client: "delivered to all" and "read by all" marks, {@code /info},
 * {@code /remove} (an admin), {@code /retract} and {@code /delete} (for you only), and removals shown as they happen.
 */
@ExtendWith(ChatServerExtension.class)
class CliGroupMessagesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void theShellShowsMessageInfoAndDeletesGroupMessages(DevServer server, TestUsers users, @TempDir Path home)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path aliceConfig = home.resolve("alice");
        CliProcess.login(server, aliceConfig, alice, TIMEOUT);
        try (Clients clients = new Clients(server)) {
            ChatClient b = clients.loggedIn(bob);
            Inbox<Object> bHears = Inbox.groups(b);
            CliProcess shell = CliProcess.interactive(aliceConfig, null);
            String room = shell.createGroup("Team", bob, bHears, TIMEOUT);
            shell.type("/chat Team");
            shell.awaitStdout("Talking to the group Team", TIMEOUT);

            shell.type("hello all");
            shell.awaitStdout("\u2713 sent: \"hello all\" (#1)", TIMEOUT);
            GroupMessage hello = (GroupMessage) bHears.next(m -> m instanceof GroupMessage g && !g.outgoing());
            shell.awaitStdout("\u2713\u2713 delivered to all: \"hello all\" (#1)", TIMEOUT);
            b.groupChat().markRead(room).join();
            shell.awaitStdout("\u2713\u2713 read by all: \"hello all\" (#1)", TIMEOUT);
            shell.type("/info #1");
            shell.awaitStdout("Message info for \"hello all\" (#1) in [Team]:", TIMEOUT);
            shell.awaitStdout("  " + bob.jid() + ": delivered ", TIMEOUT);
            shell.awaitStdout("delivered to 1 of 1, read by 1 of 1", TIMEOUT);

            b.groupChat().send(room, "spam").join();
            shell.awaitStdout("#2 [Team] " + bob.jid() + ": spam", TIMEOUT);
            shell.type("/remove #2 be nice");
            shell.awaitStdout("Removed for everyone: \"spam\" (#2)", TIMEOUT);
            shell.awaitStdout("[Team] * " + alice.jid() + " removed a message: \"spam\" (#2) - reason: be nice",
                    TIMEOUT);
            GroupRemoval removed = (GroupRemoval) bHears.next(x -> x instanceof GroupRemoval);
            assertThat(removed.reason()).isEqualTo("be nice");

            b.groupChat().send(room, "oops").join();
            GroupMessage oops = (GroupMessage) bHears.next(m -> m instanceof GroupMessage g && g.outgoing()
                    && g.body().equals("oops"));
            shell.awaitStdout("#3 [Team] " + bob.jid() + ": oops", TIMEOUT);
            b.groupChat().retract(room, oops.archiveId()).join();
            shell.awaitStdout("[Team] * a message was deleted by its sender: \"oops\" (#3)", TIMEOUT);
            shell.type("/retract #3");
            shell.awaitStdout("not your message (group admins remove it with /remove #3)", TIMEOUT);

            b.groupChat().send(room, "for alice's eyes").join();
            shell.awaitStdout("#4 [Team] " + bob.jid() + ": for alice's eyes", TIMEOUT);
            shell.type("/delete #4");
            shell.awaitStdout("Deleted for you: \"for alice's eyes\" (#4)", TIMEOUT);

            shell.type("/retract #1");
            shell.awaitStdout("Deleted for everyone: \"hello all\" (#1)", TIMEOUT);
            assertThat(((GroupRemoval) bHears.next(x -> x instanceof GroupRemoval r
                    && r.archiveId().equals(hello.archiveId()))).moderated()).isFalse();
            shell.type("/quit");
            assertThat(shell.await(TIMEOUT)).as("stderr: %s", shell.stderr()).isZero();
        }
    }
}
