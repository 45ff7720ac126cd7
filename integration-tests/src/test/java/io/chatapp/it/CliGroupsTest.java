package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.GroupMessage;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Groups in the terminal client: /group commands, group messages and events shown inline. */
@ExtendWith(ChatServerExtension.class)
class CliGroupsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void theShellManagesAGroupAndShowsItsMessagesAndEvents(DevServer server, TestUsers users, @TempDir Path home)
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

            b.groupChat().send(room, "hi team").join();
            shell.awaitStdout("[Team] " + bob.jid() + ": hi team", TIMEOUT);
            shell.type("/group say Team hello bob");
            assertThat(((GroupMessage) bHears.next(m -> m instanceof GroupMessage g && !g.outgoing())).body())
                    .isEqualTo("hello bob");
            shell.type("/chat Team");
            shell.awaitStdout("Talking to the group Team", TIMEOUT);
            shell.type("typed in the group");
            assertThat(((GroupMessage) bHears.next(m -> m instanceof GroupMessage g && !g.outgoing())).body())
                    .isEqualTo("typed in the group");

            shell.type("/group admin Team " + bob.username());
            shell.awaitStdout("[Team] * " + bob.username() + " is now an admin", TIMEOUT);
            b.groups().setInfo(room, "Team 2", null).join();
            shell.awaitStdout("[Team 2] * " + bob.username() + " changed the group name to", TIMEOUT);
            shell.type("/group info \"Team 2\"");
            shell.awaitStdout("  " + bob.jid() + " - admin", TIMEOUT);
            shell.type("/group");
            // Bob's "hi team" is unread: the shell's own messages and the group's events do not count.
            shell.awaitStdout("Team 2 (" + room + ") [1 unread] - 2 members", TIMEOUT);
            java.nio.file.Path png = java.nio.file.Files.write(home.resolve("team.png"), java.util.Base64.getDecoder()
                    .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="));
            shell.type("/group image \"Team 2\" " + png);
            shell.awaitStdout("[Team 2] * " + alice.username() + " changed the group image", TIMEOUT);
            assertThat(b.groups().image(room).join().orElseThrow().bytes()).isEqualTo(java.nio.file.Files.readAllBytes(png));

            shell.type("/group remove " + room + " " + bob.username());
            bHears.next(("left:" + room)::equals);
            shell.awaitStdout("[Team 2] * " + alice.username() + " removed " + bob.username(), TIMEOUT);
            shell.type("/group leave Team 2");
            shell.awaitStdout("chatapp: no group", TIMEOUT);
            shell.type("/group leave \"Team 2\"");
            shell.awaitStdout("You left Team 2", TIMEOUT);
            shell.type("/quit");
            assertThat(shell.await(TIMEOUT)).as("stderr: %s", shell.stderr()).isZero();
            assertThat(b.groups().list().join()).isEmpty();
        }
    }
}
