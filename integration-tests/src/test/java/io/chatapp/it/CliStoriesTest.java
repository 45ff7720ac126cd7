package io.chatapp.it;

import static io.chatapp.it.HeardStories.awaitEvent;
import static io.chatapp.it.HeardStories.events;
import static io.chatapp.it.MutualContacts.befriend;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.Story;
import io.chatapp.client.StoryKind;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status stories in the terminal client: /status post, list, view, viewers, delete, privacy, mute, the live line in the
 * shell and in {@code chatapp listen}.
 */
@ExtendWith(ChatServerExtension.class)
class CliStoriesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void theShellPostsViewsAndManagesStatusUpdates(DevServer server, TestUsers users, @TempDir Path home)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path aliceConfig = home.resolve("alice");
        CliProcess.login(server, aliceConfig, alice, TIMEOUT);
        try (Clients clients = new Clients(server)) {
            ChatClient aliceLibrary = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            befriend(aliceLibrary, alice, b, bob);
            List<Story> bobHeard = events(b);

            CliProcess shell = CliProcess.interactive(aliceConfig, null);
            shell.type("/status list");
            shell.awaitStdout("No status updates from your contacts", TIMEOUT);

            b.stories().postText("hi from bob", null, null).join();
            shell.awaitStdout("\u2726 " + bob.jid() + " posted a status: \"hi from bob\"", TIMEOUT);
            shell.type("/status view " + bob.username());
            shell.awaitStdout("Status of " + bob.jid(), TIMEOUT);
            shell.awaitStdout("\"hi from bob\"", TIMEOUT);

            shell.type("/status post \"Hello world\" --color #112233");
            shell.awaitStdout("Posted your status: \"Hello world\"", TIMEOUT);
            Story text = bobHeard.stream().filter(s -> "Hello world".equals(s.text())).findFirst()
                    .orElseGet(() -> awaitText(b, alice));
            assertThat(text.color()).isEqualTo("#112233");
            assertThat(b.stories().viewers(b.stories().mine().join().get(0).id()).join())
                    .as("the shell's /status view marked Bob's story viewed").singleElement()
                    .satisfies(viewer -> assertThat(viewer.jid()).isEqualTo(alice.jid()));

            Path photo = MediaFiles.png(Files.createDirectory(home.resolve("pictures")), "view.png", 200, 100);
            shell.type("/status post " + photo + " the view");
            shell.awaitStdout("Posted your status: [image", TIMEOUT);
            List<Story> alices = b.stories().fetch(alice.jid()).join();
            assertThat(alices).extracting(Story::kind).containsExactly(StoryKind.TEXT, StoryKind.IMAGE);
            assertThat(alices.get(1).caption()).isEqualTo("the view");
            awaitEvent(bobHeard, alices.get(1).id());

            Path clip = MediaFiles.mp4(home.resolve("pictures"), "clip.mp4");
            shell.type("/status post " + clip);
            shell.awaitStdout("Posted your status: [video", TIMEOUT);
            assertThat(b.stories().fetch(alice.jid()).join()).extracting(Story::kind)
                    .containsExactly(StoryKind.TEXT, StoryKind.IMAGE, StoryKind.VIDEO);

            b.stories().view(alices.get(0).id()).join();
            shell.type("/status viewers");
            shell.awaitStdout("1. ", TIMEOUT);
            shell.awaitStdout("\"Hello world\" - 1 view: " + bob.jid(), TIMEOUT);

            shell.type("/status post \"" + "x".repeat(701) + "\"");
            shell.awaitStdout("chatapp: ", TIMEOUT);
            shell.type("/status privacy except " + bob.username());
            shell.awaitStdout("Your future status updates are for your contacts except " + bob.jid(), TIMEOUT);
            shell.type("/status mute " + bob.username());
            shell.awaitStdout("Muted the status updates of " + bob.jid(), TIMEOUT);
            shell.type("/status list");
            shell.awaitStdout("  " + bob.jid() + " - 1, latest ", TIMEOUT);
            shell.awaitStdout("[muted]", TIMEOUT);
            shell.awaitStdout("Your status: 3 updates", TIMEOUT);

            shell.type("/status delete 1");
            shell.awaitStdout("Deleted your status 1 for everyone", TIMEOUT);
            assertThat(b.stories().fetch(alice.jid()).join()).extracting(Story::kind)
                    .containsExactly(StoryKind.IMAGE, StoryKind.VIDEO);
            shell.type("/status delete 5");
            shell.awaitStdout("chatapp: you have no status 5 (you have 2)", TIMEOUT);

            shell.type("/status unmute " + bob.username());
            shell.awaitStdout("Unmuted the status updates of " + bob.jid(), TIMEOUT);
            shell.type("/quit");
            assertThat(shell.await(TIMEOUT)).as("stderr: %s", shell.stderr()).isZero();

            CliProcess listen = CliProcess.start(aliceConfig, null, "listen", "--count", "1", "--timeout", "30");
            listen.awaitStderr("Listening as", TIMEOUT);
            b.stories().postText("seen by listen", null, null).join();
            listen.awaitStdout("\u2726 " + bob.jid() + " posted a status: \"seen by listen\"", TIMEOUT);
            b.sendMessage(alice.jid(), "done").join();
            assertThat(listen.await(TIMEOUT)).as("stderr: %s", listen.stderr()).isZero();
        }
    }

    private static Story awaitText(ChatClient client, TestUser owner) {
        return client.stories().fetch(owner.jid()).join().stream().filter(s -> s.kind() == StoryKind.TEXT)
                .findFirst().orElseThrow();
    }
}
