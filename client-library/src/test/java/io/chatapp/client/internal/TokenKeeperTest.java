package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.TestTokens;
import io.chatapp.client.TokenSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenKeeperTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private final FakeClock clock = new FakeClock(START);
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<TokenSet> refreshed = new ArrayList<>();
    private final List<ChatClientException> expired = new ArrayList<>();
    private final List<String> presented = new ArrayList<>();
    /** What the fake server answers to the next refreshes: a failure, or null for new tokens. */
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    private int issued;

    private final TokenKeeper.Events events = new TokenKeeper.Events() {
        @Override
        public void refreshed(TokenSet tokens) {
            refreshed.add(tokens);
        }

        @Override
        public void expired(ChatClientException failure) {
            expired.add(failure);
        }
    };

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private TokenSet issue() {
        return TestTokens.tokens("refresh-" + ++issued, clock.instant().plus(LIFETIME));
    }

    private TokenSet serverRefresh(TokenSet current) {
        presented.add(current.refreshToken());
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        return issue();
    }

    private TokenKeeper keeper(TokenSet initial) {
        return new TokenKeeper(initial, this::serverRefresh, events, clock, scheduler);
    }

    @Test
    void aFreshTokenIsUsedAsItIs() {
        TokenSet initial = issue();
        TokenKeeper keeper = keeper(initial);

        assertThat(keeper.accessTokenForLogin()).isEqualTo(initial.accessToken());
        assertThat(presented).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefreshedBeforeALoginAndTheNewOnesAreReported() {
        TokenKeeper keeper = keeper(issue());
        clock.advance(LIFETIME.plusSeconds(1));

        String token = keeper.accessTokenForLogin();

        assertThat(presented).containsExactly("refresh-1");
        assertThat(refreshed).hasSize(1);
        assertThat(token).isEqualTo(refreshed.get(0).accessToken());
        assertThat(keeper.current()).isEqualTo(refreshed.get(0));
        assertThat(keeper.accessTokenForLogin()).as("fresh now: no second refresh").isEqualTo(token);
        assertThat(presented).hasSize(1);
    }

    @Test
    void refreshesAreScheduledAMinuteBeforeExpiryAndChainWithRotatedTokens() {
        TokenKeeper keeper = keeper(issue());
        keeper.start();
        assertThat(scheduler.lastDelay()).isEqualTo(Duration.ofMinutes(14));

        clock.advance(Duration.ofMinutes(14));
        scheduler.runLast();
        assertThat(presented).containsExactly("refresh-1");
        assertThat(scheduler.lastDelay()).as("the next one, for the new token").isEqualTo(Duration.ofMinutes(14));

        clock.advance(Duration.ofMinutes(14));
        scheduler.runLast();
        assertThat(presented).containsExactly("refresh-1", "refresh-2");
        assertThat(refreshed).extracting(TokenSet::refreshToken).containsExactly("refresh-2", "refresh-3");
    }

    @Test
    void aScheduledRefreshThatIsNoLongerDueOnlyReschedules() {
        TokenKeeper keeper = keeper(issue());
        keeper.start();
        clock.advance(Duration.ofMinutes(14));
        keeper.refreshNow(); // e.g. the app asked, just before the schedule fired
        scheduler.runFirst(); // the old, cancelled task runs anyway in this fake

        assertThat(presented).containsExactly("refresh-1");
    }

    @Test
    void aPassingFailureIsRetriedAndTheTokenStaysUntilThen() {
        TokenSet initial = issue();
        TokenKeeper keeper = keeper(initial);
        keeper.start();
        clock.advance(Duration.ofMinutes(14));
        failures.add(new ChatClientException(Reason.NETWORK, "Cannot reach the server"));

        scheduler.runLast();

        assertThat(keeper.current()).isEqualTo(initial);
        assertThat(scheduler.lastDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(expired).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        scheduler.runLast();
        assertThat(refreshed).hasSize(1);
    }

    @Test
    void aRefusedRefreshTokenEndsTheLoginOnceAndForAll() {
        TokenKeeper keeper = keeper(issue());
        keeper.start();
        clock.advance(LIFETIME);
        failures.add(new ChatClientException(Reason.SESSION_EXPIRED, "The login has expired or was revoked"));

        assertThatThrownBy(keeper::accessTokenForLogin).isInstanceOfSatisfying(ChatClientException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_EXPIRED));
        assertThatThrownBy(keeper::refreshNow).isInstanceOf(ChatClientException.class);

        assertThat(presented).as("never presented again").hasSize(1);
        assertThat(expired).hasSize(1);
        assertThat(keeper.isExpired()).isTrue();
        assertThat(scheduler.pending()).as("no more scheduled refreshes").isZero();
    }

    @Test
    void anExpiredRefreshTokenIsNotEvenSent() {
        TokenSet old = new TokenSet("a.b.c", START.minusSeconds(60), "refresh-old", START.minusSeconds(1));
        TokenKeeper keeper = keeper(old);

        assertThatThrownBy(keeper::accessTokenForLogin).isInstanceOfSatisfying(ChatClientException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_EXPIRED));
        assertThat(presented).isEmpty();
        assertThat(expired).hasSize(1);
    }

    @Test
    void stopCancelsTheScheduledRefresh() {
        TokenKeeper keeper = keeper(issue());
        keeper.start();
        keeper.stop();

        assertThat(scheduler.pending()).isZero();
    }

    /** A clock the test moves by hand. */
    static final class FakeClock extends Clock {

        private Instant now;

        FakeClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Records scheduled tasks instead of running them; the test runs them when it has moved the clock. */
    static final class ManualScheduler extends ScheduledThreadPoolExecutor {

        private final List<Runnable> tasks = new ArrayList<>();
        private final List<Duration> delays = new ArrayList<>();
        private final List<ScheduledFuture<?>> futures = new ArrayList<>();

        ManualScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
            tasks.add(task);
            delays.add(Duration.ofMillis(unit.toMillis(delay)));
            // Never due on its own: the test decides when it runs.
            ScheduledFuture<?> future = super.schedule(() -> { }, 1, TimeUnit.DAYS);
            futures.add(future);
            return future;
        }

        Duration lastDelay() {
            return delays.get(delays.size() - 1);
        }

        void runLast() {
            tasks.get(tasks.size() - 1).run();
        }

        void runFirst() {
            tasks.get(0).run();
        }

        long pending() {
            return futures.stream().filter(future -> !future.isCancelled()).count();
        }
    }
}
