package io.chatapp.it;

import static io.chatapp.it.ClientFailures.failureOf;
import static io.chatapp.it.ClientFailures.reasonOf;
import static io.chatapp.it.HeardStories.awaitEvent;
import static io.chatapp.it.HeardStories.events;
import static io.chatapp.it.MutualContacts.befriend;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.MediaAttachment;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.Story;
import io.chatapp.client.StoryAudience;
import io.chatapp.client.StoryFeedEntry;
import io.chatapp.client.StoryKind;
import io.chatapp.client.StoryViewer;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 through the client library against the real server: text and media stories reach their audience live and
 * through the feed; each privacy mode (an excluded contact, a non-contact); views once, hidden with read receipts
 * off; mute; deletion; bad input refused without changing anything.
 */
@ExtendWith(ChatServerExtension.class)
class StoriesClientTest {

    private final DevServer server;
    private final TestUsers users;
    private Clients clients;
    private TestUser alice;
    private TestUser bob;
    private TestUser carol;
    private TestUser mallory;
    private ChatClient aliceClient;
    private ChatClient bobClient;
    private ChatClient carolClient;
    private ChatClient malloryClient;

    @TempDir
    Path files;

    StoriesClientTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    /** Alice with two contacts, Bob and Carol; Mallory is no contact of anyone. */
    @BeforeEach
    void people() throws Exception {
        clients = new Clients(server);
        alice = users.create("alice");
        bob = users.create("bob");
        carol = users.create("carol");
        mallory = users.create("mallory");
        aliceClient = clients.loggedInWithToken(alice);
        bobClient = clients.loggedInWithToken(bob);
        carolClient = clients.loggedIn(carol);
        malloryClient = clients.loggedInWithToken(mallory);
        befriend(aliceClient, alice, bobClient, bob);
        befriend(aliceClient, alice, carolClient, carol);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void aTextStoryReachesContactsLiveAndInTheFeedAndItsViewsAreRecordedOnce() throws Exception {
        List<Story> bobHeard = events(bobClient);
        List<Story> malloryHeard = events(malloryClient);

        Story posted = aliceClient.stories().postText("Hello from the beach", "#0088CC", "serif").join();
        assertThat(posted.kind()).isEqualTo(StoryKind.TEXT);
        assertThat(posted.color()).isEqualTo("#0088cc");
        assertThat(posted.expiresAt()).isEqualTo(posted.postedAt().plusSeconds(86_400));

        Story heard = awaitEvent(bobHeard, posted.id());
        assertThat(heard.text()).isEqualTo("Hello from the beach");
        assertThat(heard.owner()).isEqualTo(alice.jid());
        assertThat(bobClient.stories().feed().join()).containsExactly(
                new StoryFeedEntry(alice.jid(), 1, 1, posted.postedAt(), false));
        Story fetched = bobClient.stories().fetch(alice.jid()).join().get(0);
        assertThat(fetched.seen()).isFalse();
        assertThat(fetched.views()).as("only the owner sees view counts").isNull();

        bobClient.stories().view(posted.id()).join();
        bobClient.stories().view(posted.id()).join();
        assertThat(bobClient.stories().feed().join().get(0).unseen()).isZero();
        List<StoryViewer> viewers = aliceClient.stories().viewers(posted.id()).join();
        assertThat(viewers).extracting(StoryViewer::jid).containsExactly(bob.jid());
        assertThat(aliceClient.stories().fetch(alice.jid()).join().get(0).views()).isEqualTo(1);
        assertThat(reasonOf(() -> bobClient.stories().viewers(posted.id()).join())).isEqualTo(Reason.NOT_FOUND);

        assertThat(malloryClient.stories().fetch(alice.jid()).join()).isEmpty();
        assertThat(malloryClient.stories().feed().join()).isEmpty();
        assertThat(reasonOf(() -> malloryClient.stories().view(posted.id()).join())).isEqualTo(Reason.NOT_FOUND);
        assertThat(malloryHeard).isEmpty();
    }

    @Test
    void theAudienceOfExceptAndOnlyIsFixedWhenPosted() throws Exception {
        List<Story> bobHeard = events(bobClient);
        List<Story> carolHeard = events(carolClient);
        aliceClient.stories().setAudience(StoryAudience.EXCEPT, List.of(bob.jid())).join();
        Story except = aliceClient.stories().postText("not for Bob", null, null).join();
        aliceClient.stories().setAudience(StoryAudience.ONLY, List.of(bob.jid(), mallory.jid())).join();
        Story only = aliceClient.stories().postText("only Bob", null, null).join();
        assertThat(aliceClient.stories().privacy().join().members()).containsExactlyInAnyOrder(bob.jid(),
                mallory.jid());

        awaitEvent(carolHeard, except.id());
        awaitEvent(bobHeard, only.id());
        assertThat(bobHeard).extracting(Story::id).doesNotContain(except.id());
        assertThat(carolHeard).extracting(Story::id).doesNotContain(only.id());
        assertThat(bobClient.stories().fetch(alice.jid()).join()).extracting(Story::id).containsExactly(only.id());
        assertThat(carolClient.stories().fetch(alice.jid()).join()).extracting(Story::id)
                .containsExactly(except.id());
        assertThat(malloryClient.stories().fetch(alice.jid()).join()).as("listed, but no contact").isEmpty();
        ChatClient malloryAsked = malloryClient;
        assertThat(failureOf(() -> malloryAsked.stories().view(only.id()).join()).getMessage())
                .isEqualTo(failureOf(() -> malloryAsked.stories().view("0".repeat(32)).join()).getMessage());
        assertThat(reasonOf(() -> bobClient.stories().view(except.id()).join())).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void viewersWithReadReceiptsOffAreNotListedAndSeeNoViewers() throws Exception {
        Story posted = aliceClient.stories().postText("who looks?", null, null).join();
        bobClient.stories().setReadReceipts(false).join();
        bobClient.stories().view(posted.id()).join();
        carolClient.stories().view(posted.id()).join();

        assertThat(aliceClient.stories().viewers(posted.id()).join()).extracting(StoryViewer::jid)
                .containsExactly(carol.jid());
        assertThat(bobClient.stories().feed().join().get(0).unseen()).as("Bob still knows he saw it").isZero();

        aliceClient.stories().setReadReceipts(false).join();
        assertThat(reasonOf(() -> aliceClient.stories().viewers(posted.id()).join())).isEqualTo(Reason.NOT_ALLOWED);
    }

    @Test
    void aMutedContactIsListedLastAndDoesNotNotify() throws Exception {
        befriend(bobClient, bob, carolClient, carol);
        List<Story> bobHeard = events(bobClient);
        bobClient.stories().mute(alice.jid(), true).join();
        Story fromAlice = aliceClient.stories().postText("muted", null, null).join();
        Story fromCarol = carolClient.stories().postText("not muted", null, null).join();

        awaitEvent(bobHeard, fromCarol.id());
        assertThat(bobHeard).extracting(Story::id).doesNotContain(fromAlice.id());
        assertThat(bobClient.stories().feed().join()).extracting(StoryFeedEntry::owner, StoryFeedEntry::muted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(carol.jid(), false),
                        org.assertj.core.groups.Tuple.tuple(alice.jid(), true));
        assertThat(bobClient.stories().fetch(alice.jid()).join()).as("still reachable").hasSize(1);
    }

    @Test
    void anImageStoryIsUploadedWithProgressAndItsUrlIsForTheAudienceUntilDeleted() throws Exception {
        List<Story> bobHeard = events(bobClient);
        Path photo = MediaFiles.png(Files.createDirectory(files.resolve("out")), "sunset.png", 640, 480);
        List<long[]> progress = new ArrayList<>();

        Story posted = aliceClient.stories().postMedia(photo, "Sunset", (done, total) ->
                progress.add(new long[] {done, total})).join();

        assertThat(progress.get(progress.size() - 1)).containsExactly(Files.size(photo), Files.size(photo));
        assertThat(posted.kind()).isEqualTo(StoryKind.IMAGE);
        assertThat(posted.caption()).isEqualTo("Sunset");
        Story heard = awaitEvent(bobHeard, posted.id());
        assertThat(heard.media().mediaType()).isEqualTo("image/png");
        assertThat(get(heard.media().url())).isEqualTo(200);
        MediaAttachment asFile = new MediaAttachment(heard.media().url(), heard.media().name(),
                heard.media().mediaType(), heard.media().size(), null, null, null, null, null);
        assertThat(bobClient.media().freshUrl(asFile).join().url()).as("the audience may refresh the URL")
                .isNotBlank();
        assertThat(reasonOf(() -> malloryClient.media().freshUrl(asFile).join())).isEqualTo(Reason.NOT_ALLOWED);

        assertThat(reasonOf(() -> bobClient.stories().delete(posted.id()).join())).isEqualTo(Reason.NOT_FOUND);
        aliceClient.stories().delete(posted.id()).join();
        assertThat(bobClient.stories().fetch(alice.jid()).join()).isEmpty();
        assertThat(get(heard.media().url())).isEqualTo(404);
    }

    @Test
    void aVideoStoryReachesTheAudience() throws Exception {
        List<Story> bobHeard = events(bobClient);
        Path clip = MediaFiles.mp4(Files.createDirectory(files.resolve("clips")), "clip.mp4");

        Story posted = aliceClient.stories().postMedia(clip, "Waves", MediaProgressListener.NONE).join();

        assertThat(posted.kind()).isEqualTo(StoryKind.VIDEO);
        Story heard = awaitEvent(bobHeard, posted.id());
        assertThat(heard.media().mediaType()).startsWith("video/");
        assertThat(heard.media().size()).isEqualTo(Files.size(clip));
        assertThat(heard.caption()).isEqualTo("Waves");
        assertThat(get(heard.media().url())).isEqualTo(200);
        bobClient.stories().view(posted.id()).join();
        assertThat(aliceClient.stories().viewers(posted.id()).join()).extracting(StoryViewer::jid)
                .containsExactly(bob.jid());
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws Exception {
        Path document = MediaFiles.pdf(Files.createDirectory(files.resolve("docs")), "notes.pdf");
        assertThat(reasonOf(() -> aliceClient.stories().postText("x".repeat(701), null, null).join()))
                .isEqualTo(Reason.INVALID_INPUT);
        assertThat(reasonOf(() -> aliceClient.stories().postText("hi", "red", null).join()))
                .isEqualTo(Reason.INVALID_INPUT);
        assertThat(reasonOf(() -> aliceClient.stories().postMedia(document, null, MediaProgressListener.NONE)
                .join())).isEqualTo(Reason.INVALID_INPUT);
        assertThat(aliceClient.stories().fetch(alice.jid()).join()).isEmpty();

        Story bobs = bobClient.stories().postText("mine", null, null).join();
        assertThat(reasonOf(() -> aliceClient.stories().delete(bobs.id()).join())).isEqualTo(Reason.NOT_FOUND);
        assertThat(aliceClient.stories().fetch(bob.jid()).join()).extracting(Story::id).containsExactly(bobs.id());
    }

    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
