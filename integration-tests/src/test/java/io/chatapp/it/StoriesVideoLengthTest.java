package io.chatapp.it;

import static io.chatapp.it.ClientFailures.failureOf;
import static io.chatapp.it.MutualContacts.befriend;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.Story;
import io.chatapp.client.StoryFeedEntry;
import io.chatapp.client.StoryKind;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The video length limit of stories ({@code chatapp.stories.maxVideoSeconds}, lowered to 10 s): the server reads the
 * play length from the uploaded MP4 and refuses a longer video, through the library, HTTP and the CLI, posting
 * nothing.
 */
class StoriesVideoLengthTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(Map.of(
            "chatapp.stories.maxVideoSeconds", "10"));

    @TempDir
    Path files;

    @Test
    void aShortVideoIsPostedAndALongOneRefusedWithTheRule(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path aliceConfig = files.resolve("alice");
        CliProcess.login(server, aliceConfig, alice, TIMEOUT);
        try (Clients clients = new Clients(server)) {
            ChatClient aliceClient = clients.loggedIn(alice);
            ChatClient bobClient = clients.loggedIn(bob);
            befriend(aliceClient, alice, bobClient, bob);
            Path shortClip = MediaFiles.mp4(files, "short.mp4", 8);
            Path longClip = MediaFiles.mp4(files, "long.mp4", 25);

            Story posted = aliceClient.stories().postMedia(shortClip, "Waves", MediaProgressListener.NONE).join();

            assertThat(bobClient.stories().feed().join()).extracting(StoryFeedEntry::owner)
                    .containsExactly(alice.jid());
            assertThat(bobClient.stories().fetch(alice.jid()).join()).singleElement().satisfies(story -> {
                assertThat(story.id()).isEqualTo(posted.id());
                assertThat(story.kind()).isEqualTo(StoryKind.VIDEO);
            });

            ChatClientException refused = failureOf(() -> aliceClient.stories()
                    .postMedia(longClip, null, MediaProgressListener.NONE).join());
            assertThat(refused.reason()).isEqualTo(Reason.INVALID_INPUT);
            assertThat(refused.serverText()).hasValueSatisfying(text -> assertThat(text)
                    .contains("at most 10 s").contains("25 s"));
            assertThat(bobClient.stories().fetch(alice.jid()).join()).extracting(Story::id)
                    .containsExactly(posted.id());

            String longUrl = aliceClient.media().send(bob.jid(), longClip, MediaProgressListener.NONE).join()
                    .attachment().url();
            PluginApi api = new PluginApi(server);
            PluginApi.Answer token = api.token(alice.username(), alice.password());
            PluginApi.Answer overHttp = api.post("/api/v1/stories", token.text("access_token"),
                    PluginApi.json("mediaUrl", longUrl));
            assertThat(overHttp.status()).as("%s", overHttp).isEqualTo(400);
            assertThat(overHttp.text("error")).isEqualTo("video_too_long");

            CliProcess shell = CliProcess.interactive(aliceConfig, null);
            shell.type("/status post " + longClip);
            shell.awaitStdout("A video story may play at most 10 s; this one plays 25 s", TIMEOUT);
            shell.type("/quit");
            assertThat(shell.await(TIMEOUT)).as("stderr: %s", shell.stderr()).isZero();
            assertThat(aliceClient.stories().mine().join()).extracting(Story::id).containsExactly(posted.id());
        }
    }
}
