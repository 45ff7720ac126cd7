package io.chatapp.plugin.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LastSeenServiceTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(postgres.settings("last_seen_" + System.nanoTime()));
    }

    @AfterEach
    void close() {
        database.close();
        executor.shutdownNow();
    }

    private LastSeenService service() {
        return new LastSeenService(database.dataSource(), LastSeenVisibility.CONTACTS, executor, clock);
    }

    @Test
    void usersHaveTheDefaultUntilTheyChooseAndAChoiceReachesOtherNodesOnReload() throws Exception {
        LastSeenService here = service();
        LastSeenService otherNode = service();
        assertThat(here.visibility("bob")).isEqualTo(LastSeenVisibility.CONTACTS);

        here.setVisibility("bob", LastSeenVisibility.NOBODY).join();
        assertThat(here.visibility("bob")).isEqualTo(LastSeenVisibility.NOBODY);
        assertThat(otherNode.visibility("bob")).isEqualTo(LastSeenVisibility.CONTACTS);
        otherNode.reload();
        assertThat(otherNode.visibility("bob")).isEqualTo(LastSeenVisibility.NOBODY);
        here.reload();
        assertThat(here.visibility("bob")).isEqualTo(LastSeenVisibility.NOBODY);
    }

    @Test
    void offlineTimesAreAnsweredAtOnceAndSurviveARestartOnceFlushed() throws Exception {
        LastSeenService first = service();
        assertThat(first.lastSeen("alice").join()).isEmpty();
        first.wentOffline("alice");
        assertThat(first.lastSeen("alice").join()).contains(clock.instant());
        first.flush();

        Instant firstTime = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        LastSeenService restarted = service();
        assertThat(restarted.lastSeen("alice").join()).contains(firstTime);

        // A later time replaces it; an earlier one written late never moves it back.
        restarted.wentOffline("alice");
        restarted.flush();
        assertThat(service().lastSeen("alice").join()).contains(clock.instant());
    }

    @Test
    void aDeletedAccountIsForgotten() throws Exception {
        LastSeenService service = service();
        service.setVisibility("carol", LastSeenVisibility.EVERYONE).join();
        service.wentOffline("carol");
        service.flush();
        service.remove("carol");
        service.reload();
        assertThat(service.visibility("carol")).isEqualTo(LastSeenVisibility.CONTACTS);
        assertThat(service.lastSeen("carol").join()).isEmpty();
    }
}
