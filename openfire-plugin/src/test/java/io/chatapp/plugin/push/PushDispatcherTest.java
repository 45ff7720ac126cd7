package io.chatapp.plugin.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.PushSettings;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dispatcher on real registrations and preferences (PostgreSQL), with an app server that answers as told: what
 * is batched, what waits, what is retried, what disables a device, and that connected devices get nothing.
 */
class PushDispatcherTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final PushSettings SETTINGS = new PushSettings(Duration.ofMillis(100), Duration.ofMillis(600), 3,
            Duration.ofMillis(100), Duration.ofSeconds(1), 4096, 2, false, "", false);
    private static final PushRegistration PHONE = new PushRegistration("bob", "phone", "push.example", "n1",
            "<x xmlns=\"jabber:x:data\" type=\"submit\"/>");

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    private final Set<String> connected = ConcurrentHashMap.newKeySet();
    private final AppServer appServer = new AppServer();
    private Database database;
    private PushRegistrations registrations;
    private NotificationPreferences preferences;
    private PushDispatcher dispatcher;

    /** Records every publish and answers with the next outcome it was given (delivered when none is left). */
    private static final class AppServer implements PushGateway {
        final BlockingQueue<PushSummary> published = new LinkedBlockingQueue<>();
        final Deque<PublishOutcome> outcomes = new ConcurrentLinkedDeque<>();

        @Override
        public synchronized CompletableFuture<PublishOutcome> publish(PushRegistration registration,
                                                                      PushSummary summary) {
            // The outcome is taken before the publish is made visible: a test that sees this publish and then queues
            // the outcome of the next one must not have it taken by this one (seen on JDK 25).
            PublishOutcome outcome = outcomes.poll();
            published.add(summary);
            return CompletableFuture.completedFuture(outcome == null ? PublishOutcome.DELIVERED : outcome);
        }

        PushSummary next() throws InterruptedException {
            PushSummary summary = published.poll(5, TimeUnit.SECONDS);
            assertThat(summary).as("a publish").isNotNull();
            return summary;
        }

        List<PushSummary> within(Duration wait) throws InterruptedException {
            Thread.sleep(wait.toMillis());
            List<PushSummary> all = new java.util.ArrayList<>();
            published.drainTo(all);
            return all;
        }
    }

    @BeforeEach
    void start() {
        database = Database.open(postgres.settings("push_" + System.nanoTime()));
        registrations = new PushRegistrations(database.dataSource(), executor, Clock.systemUTC(), 2);
        preferences = new NotificationPreferences(database.dataSource(), executor, Clock.systemUTC(), false);
        dispatcher = new PushDispatcher(executor, registrations, preferences,
                (user, resource) -> connected.contains(user + "/" + resource), appServer, SETTINGS,
                Clock.systemUTC());
        registrations.enable(PHONE).join();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        database.close();
    }

    private static Notification message(String sender, String body) {
        return new Notification(NotificationKind.MESSAGE, sender, sender, body, false);
    }

    @Test
    void aBurstIsOnePublishWithItsCountAndTheTextOnlyWithPreviews() throws Exception {
        dispatcher.notify("bob", message("alice@example", "one"));
        dispatcher.notify("bob", message("carol@example", "two"));
        dispatcher.notify("bob", message("alice@example", "three"));
        assertThat(appServer.next()).isEqualTo(new PushSummary(3, "alice@example", null, false));
        assertThat(appServer.within(Duration.ofMillis(300))).isEmpty();

        preferences.setPreviews("bob", true).join();
        dispatcher.notify("bob", message("alice@example", "four"));
        assertThat(appServer.next()).isEqualTo(new PushSummary(1, "alice@example", "four", false));
    }

    @Test
    void aConnectedDeviceGetsNothingAndOneThatCameBackBeforeThePublishNeither() throws Exception {
        connected.add("bob/phone");
        dispatcher.notify("bob", message("alice@example", "online"));
        assertThat(appServer.within(Duration.ofMillis(300))).isEmpty();

        connected.clear();
        dispatcher.notify("bob", message("alice@example", "offline"));
        connected.add("bob/phone");
        assertThat(appServer.within(Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void publishesToADeviceAreSpacedButACallGoesAtOnce() throws Exception {
        dispatcher.notify("bob", message("alice@example", "first"));
        appServer.next();
        long sent = System.nanoTime();
        dispatcher.notify("bob", message("alice@example", "second"));
        appServer.next();
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(450));

        sent = System.nanoTime();
        dispatcher.notify("bob", new Notification(NotificationKind.CALL, "alice@example", "alice@example", null,
                false));
        assertThat(appServer.next().urgent()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofMillis(450));
    }

    @Test
    void aFailedPublishIsRetriedWithWhatCameMeanwhileAndGoneDisablesTheDevice() throws Exception {
        appServer.outcomes.add(PublishOutcome.FAILED);
        dispatcher.notify("bob", message("alice@example", "one"));
        assertThat(appServer.next().messageCount()).isEqualTo(1);
        dispatcher.notify("bob", message("carol@example", "two"));
        assertThat(appServer.next()).isEqualTo(new PushSummary(2, "carol@example", null, false));

        appServer.outcomes.add(PublishOutcome.GONE);
        Thread.sleep(SETTINGS.minInterval().toMillis());
        dispatcher.notify("bob", message("alice@example", "three"));
        appServer.next();
        Thread.sleep(200);
        assertThat(registrations.of("bob")).isEmpty();
        dispatcher.notify("bob", message("alice@example", "four"));
        assertThat(appServer.within(Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void registrationsAreOnePerNodeMostPerUserAndOnlyTheirOwnerDisablesThem() throws Exception {
        registrations.enable(new PushRegistration("bob", "tablet", "push.example", "n1", null)).join();
        assertThat(registrations.of("bob")).extracting(PushRegistration::resource).containsExactly("tablet");
        registrations.enable(new PushRegistration("bob", "phone", "push.example", "n2", null)).join();
        assertThatThrownBy(() -> registrations.enable(new PushRegistration("bob", "laptop", "push.example", "n3",
                null)).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(TooManyRegistrationsException.class);

        assertThat(registrations.disable("mallory", "push.example", null).join()).isZero();
        assertThat(registrations.of("bob")).hasSize(2);
        PushRegistrations otherNode = new PushRegistrations(database.dataSource(), executor, Clock.systemUTC(), 2);
        otherNode.reload();
        assertThat(otherNode.of("bob")).hasSize(2);
        assertThat(registrations.disable("bob", "push.example", "n1").join()).isEqualTo(1);
        assertThat(registrations.of("bob")).extracting(PushRegistration::node).containsExactly("n2");
    }

    @Test
    void mutesExpireAndGroupLevelsDecideWithMentions() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        NotificationPreferences prefs = new NotificationPreferences(database.dataSource(), executor, clock, false);
        prefs.setChat("bob", "alice@example", new ChatSetting(clock.instant().plus(Duration.ofHours(1)), null))
                .join();
        assertThat(prefs.wants("bob", message("alice@example", "hi"))).isFalse();
        assertThat(prefs.wants("bob", new Notification(NotificationKind.CALL, "alice@example", "alice@example",
                null, false))).as("a muted chat's call still rings").isTrue();
        clock.advance(Duration.ofHours(2));
        assertThat(prefs.wants("bob", message("alice@example", "hi"))).isTrue();

        String room = "g1@groups.example";
        prefs.setChat("bob", room, new ChatSetting(null, GroupLevel.MENTIONS)).join();
        assertThat(prefs.wants("bob", new Notification(NotificationKind.GROUP_MESSAGE, room, "alice@example", "x",
                false))).isFalse();
        assertThat(prefs.wants("bob", new Notification(NotificationKind.GROUP_MESSAGE, room, "alice@example", "x",
                true))).isTrue();
        prefs.setChat("bob", room, new ChatSetting(null, GroupLevel.OFF)).join();
        NotificationPreferences reloaded = new NotificationPreferences(database.dataSource(), executor, clock, false);
        reloaded.reload();
        assertThat(reloaded.chat("bob", room).level()).isEqualTo(GroupLevel.OFF);
        assertThat(reloaded.wants("bob", new Notification(NotificationKind.GROUP_MESSAGE, room, "alice@example",
                "x", true))).isFalse();
    }

    /**
     * Stories: off until the user turns them on (kept across a reload), then pushed unless the owner's chat is
     * muted.
     */
    @Test
    void storiesArePushedOnlyToUsersWhoTurnedThemOn() throws Exception {
        Notification story = new Notification(NotificationKind.STORY, "alice@example", "alice@example", "beach",
                false);
        assertThat(preferences.wants("bob", story)).as("off by default").isFalse();
        preferences.setStoryPushes("bob", true).join();
        NotificationPreferences reloaded = new NotificationPreferences(database.dataSource(), executor,
                Clock.systemUTC(), false);
        reloaded.reload();
        assertThat(reloaded.storyPushes("bob")).isTrue();
        assertThat(reloaded.previews("bob")).as("a story choice leaves previews at the default").isFalse();

        new StoryPushes("example", dispatcher).posted(new io.chatapp.plugin.stories.Story("s1", "alice@example",
                io.chatapp.plugin.stories.StoryKind.TEXT, "beach", null, null, null, null, Instant.now(),
                Instant.now().plus(Duration.ofDays(1))), Set.of("bob@example", "carol@elsewhere"));
        PushSummary summary = appServer.next();
        assertThat(summary.kind()).isEqualTo("story");
        assertThat(summary.lastSender()).isEqualTo("alice@example");
        assertThat(summary.lastBody()).as("no previews").isNull();

        preferences.setChat("bob", "alice@example", new ChatSetting(Instant.now().plus(Duration.ofHours(1)), null))
                .join();
        assertThat(preferences.wants("bob", story)).as("a muted contact").isFalse();
    }
}
