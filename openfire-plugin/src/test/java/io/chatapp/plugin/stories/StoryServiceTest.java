package io.chatapp.plugin.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.StorySettings;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of stories on real PostgreSQL, with contacts given as a map: expiry, audiences, views, feed order,
 * mute, bad input and the clean-up.
 */
class StoryServiceTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final String ALICE = "alice@example.org";
    private static final String BOB = "bob@example.org";
    private static final String CAROL = "carol@example.org";
    private static final String DAVE = "dave@example.org";
    /** Knows Alice one way only: not a contact. */
    private static final String MALLORY = "mallory@example.org";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final Map<String, Set<String>> rosters = new HashMap<>();
    private final List<String> told = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private Database database;
    private StoryStore store;
    private StoryService stories;

    @BeforeEach
    void open() {
        database = Database.open(postgres.settings("stories_" + System.nanoTime()));
        store = new StoryStore(database.dataSource());
        contacts(ALICE, BOB, CAROL, DAVE);
        contacts(BOB, ALICE, CAROL);
        contacts(CAROL, ALICE, BOB);
        contacts(DAVE, ALICE);
        StoryEvents events = new StoryEvents() {
            @Override
            public void posted(PostedStory story, Set<String> recipients) {
                recipients.stream().sorted().forEach(recipient -> told.add(recipient + ":" + story.story().id()));
            }

            @Override
            public void removed(Story story) {
                removed.add(story.id());
            }
        };
        stories = new StoryService(store, StoryFiles.NONE, user -> rosters.getOrDefault(user, Set.of()), events,
                new StorySettings(Duration.ofHours(24), 20, Duration.ofMinutes(1), Duration.ofSeconds(60)), clock);
    }

    private void contacts(String user, String... contacts) {
        rosters.put(user, new HashSet<>(List.of(contacts)));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private String post(String owner, String text) throws Exception {
        return stories.post(owner, PostRequest.text(text, "#A0B0C0", "serif")).story().id();
    }

    @Test
    void aTextStoryReachesEveryContactAndNobodyElse() throws Exception {
        String id = post(ALICE, "hello");

        assertThat(told).containsExactly(BOB + ":" + id, CAROL + ":" + id, DAVE + ":" + id);
        assertThat(stories.fetch(BOB, ALICE)).singleElement().satisfies(story -> {
            assertThat(story.story().body()).isEqualTo("hello");
            assertThat(story.story().color()).isEqualTo("#a0b0c0");
            assertThat(story.story().font()).isEqualTo("serif");
            assertThat(story.seen()).isFalse();
            assertThat(story.viewCount()).isNull();
        });
        assertThat(stories.fetch(MALLORY, ALICE)).isEmpty();
        assertThatThrownBy(() -> stories.view(MALLORY, id)).isInstanceOf(StoryException.class)
                .hasMessage("No such story.");
    }

    @Test
    void exceptAndOnlyApplyToStoriesPostedAfterTheChange() throws Exception {
        String before = post(ALICE, "before");
        stories.setAudience(ALICE, AudienceMode.EXCEPT, List.of(BOB));
        String except = post(ALICE, "except");
        stories.setAudience(ALICE, AudienceMode.ONLY, List.of(CAROL, MALLORY));
        String only = post(ALICE, "only");

        assertThat(ids(stories.fetch(BOB, ALICE))).containsExactly(before);
        assertThat(ids(stories.fetch(CAROL, ALICE))).containsExactly(before, except, only);
        assertThat(ids(stories.fetch(DAVE, ALICE))).containsExactly(before, except);
        assertThat(ids(stories.fetch(MALLORY, ALICE))).as("listed but not a contact").isEmpty();
        assertThat(told).contains(CAROL + ":" + only).doesNotContain(BOB + ":" + except, DAVE + ":" + only,
                MALLORY + ":" + only);
        assertThatThrownBy(() -> stories.view(BOB, except)).isInstanceOf(StoryException.class)
                .hasMessage("No such story.");
    }

    @Test
    void aStoryIsHiddenAtExpiryAndTheCleanUpDeletesItWithItsViews() throws Exception {
        String id = post(ALICE, "short-lived");
        stories.view(BOB, id);
        clock.advance(Duration.ofHours(24));

        assertThat(stories.fetch(BOB, ALICE)).isEmpty();
        assertThat(stories.fetch(ALICE, ALICE)).isEmpty();
        assertThat(stories.feed(BOB)).isEmpty();
        assertThatThrownBy(() -> stories.viewers(ALICE, id)).isInstanceOf(StoryException.class);
        assertThat(store.story(id)).as("hidden, not yet deleted").isPresent();

        int deleted = new StoryCleanup(database.dataSource(), store, stories, clock).run();

        assertThat(deleted).isEqualTo(1);
        assertThat(store.story(id)).isEmpty();
        assertThat(store.seenBy(BOB, List.of(id))).isEmpty();
        assertThat(removed).containsExactly(id);
    }

    @Test
    void viewsAreRecordedOnceAndListedOnlyForReceiptsOn() throws Exception {
        String id = post(ALICE, "seen?");
        stories.view(BOB, id);
        clock.advance(Duration.ofMinutes(1));
        stories.view(BOB, id);
        stories.view(CAROL, id);
        stories.view(ALICE, id);

        assertThat(stories.viewers(ALICE, id)).extracting(StoryViewer::jid).containsExactly(BOB, CAROL);
        assertThat(stories.viewers(ALICE, id).get(0).viewedAt()).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(stories.fetch(ALICE, ALICE).get(0).viewCount()).isEqualTo(2);
        assertThat(stories.fetch(BOB, ALICE).get(0).seen()).isTrue();
        assertThatThrownBy(() -> stories.viewers(BOB, id)).isInstanceOf(StoryException.class)
                .hasMessage("No such story.");

        stories.setReadReceipts(CAROL, false);
        assertThat(stories.viewers(ALICE, id)).extracting(StoryViewer::jid).containsExactly(BOB);

        stories.setReadReceipts(ALICE, false);
        assertThatThrownBy(() -> stories.viewers(ALICE, id)).isInstanceOfSatisfying(StoryException.class,
                e -> assertThat(e.problem()).isEqualTo(StoryException.Problem.NOT_ALLOWED));
    }

    @Test
    void theFeedListsUnseenFirstAndMutedLastAndMutedOwnersAreNotTold() throws Exception {
        post(BOB, "bob 1");
        clock.advance(Duration.ofMinutes(1));
        String carol = post(CAROL, "carol 1");
        clock.advance(Duration.ofMinutes(1));
        post(DAVE, "dave 1");
        stories.view(ALICE, carol);

        assertThat(stories.feed(ALICE)).extracting(FeedEntry::owner).containsExactly(DAVE, BOB, CAROL);
        stories.mute(ALICE, DAVE, true);
        assertThat(stories.feed(ALICE)).extracting(FeedEntry::owner).containsExactly(BOB, CAROL, DAVE);
        assertThat(stories.feed(ALICE).get(2).muted()).isTrue();

        told.clear();
        String again = post(DAVE, "dave 2");
        assertThat(told).doesNotContain(ALICE + ":" + again);
        assertThat(ids(stories.fetch(ALICE, DAVE))).as("muted, still reachable").hasSize(2);

        stories.mute(ALICE, DAVE, false);
        assertThat(stories.feed(ALICE).get(0).owner()).isEqualTo(DAVE);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws Exception {
        assertProblem(() -> post(ALICE, "x".repeat(21)), StoryException.Problem.TEXT_TOO_LONG);
        assertProblem(() -> stories.post(ALICE, PostRequest.text("hi", "red", null)),
                StoryException.Problem.BAD_REQUEST);
        assertProblem(() -> stories.post(ALICE, PostRequest.text(" ", null, null)),
                StoryException.Problem.BAD_REQUEST);
        assertProblem(() -> stories.post(ALICE, PostRequest.media("http://elsewhere.example/x.jpg", null)),
                StoryException.Problem.MEDIA_REFUSED);
        assertThat(stories.fetch(ALICE, ALICE)).isEmpty();

        String bobs = post(BOB, "mine");
        assertProblem(() -> stories.delete(ALICE, bobs), StoryException.Problem.NOT_FOUND);
        assertProblem(() -> stories.viewers(ALICE, bobs), StoryException.Problem.NOT_FOUND);
        assertProblem(() -> stories.view(ALICE, "not-an-id"), StoryException.Problem.NOT_FOUND);
        assertProblem(() -> stories.setAudience(ALICE, AudienceMode.ONLY, List.of("no-at-sign")),
                StoryException.Problem.BAD_REQUEST);
        assertThat(ids(stories.fetch(ALICE, BOB))).containsExactly(bobs);
        assertThat(stories.preferences(ALICE)).isEqualTo(StoryPreferences.DEFAULT);
    }

    @Test
    void theOwnerDeletesEarly() throws Exception {
        String id = post(ALICE, "oops");
        stories.delete(ALICE, id);

        assertThat(stories.fetch(BOB, ALICE)).isEmpty();
        assertThat(store.story(id)).isEmpty();
        assertThat(removed).containsExactly(id);
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static void assertProblem(Call call, StoryException.Problem problem) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StoryException.class,
                e -> assertThat(e.problem()).isEqualTo(problem));
    }

    private static List<String> ids(List<PostedStory> stories) {
        return stories.stream().map(story -> story.story().id()).toList();
    }
}
