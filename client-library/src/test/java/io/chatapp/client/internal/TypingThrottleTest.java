package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypingThrottleTest {

    /** A clock and timer the test moves by hand. */
    private static final class ManualTime extends Clock {
        private Instant now = Instant.parse("2026-11-24T12:00:00Z");
        private final List<Object[]> tasks = new ArrayList<>();

        Runnable schedule(Runnable task, Duration delay) {
            Object[] entry = {now.plus(delay), task};
            tasks.add(entry);
            return () -> tasks.remove(entry);
        }

        void advance(Duration by) {
            now = now.plus(by);
            List<Runnable> due = new ArrayList<>();
            for (Iterator<Object[]> it = tasks.iterator(); it.hasNext(); ) {
                Object[] entry = it.next();
                if (!((Instant) entry[0]).isAfter(now)) {
                    it.remove();
                    due.add((Runnable) entry[1]);
                }
            }
            due.forEach(Runnable::run);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualTime time = new ManualTime();
    private final List<String> sent = new ArrayList<>();
    private final TypingThrottle throttle = new TypingThrottle(time, time::schedule,
            (peer, state) -> sent.add(peer + ":" + state), Duration.ofSeconds(5));

    private void typeFor(String peer, Duration length, Duration everyKey) {
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(length) < 0; elapsed = elapsed.plus(everyKey)) {
            throttle.typing(peer);
            time.advance(everyKey);
        }
    }

    @Test
    void composingAtMostOncePerIntervalWhileTypingThenPausedAfterAnInterval() {
        typeFor("bob", Duration.ofSeconds(12), Duration.ofMillis(200));
        // Typing from 0 s to 11.8 s: composing at 0, 5 and 10 s.
        assertThat(sent).containsExactly("bob:COMPOSING", "bob:COMPOSING", "bob:COMPOSING");
        time.advance(Duration.ofMillis(4700));
        assertThat(sent).hasSize(3);
        time.advance(Duration.ofMillis(200)); // 5 s after the last key
        assertThat(sent).containsExactly("bob:COMPOSING", "bob:COMPOSING", "bob:COMPOSING", "bob:PAUSED");
        time.advance(Duration.ofMinutes(1));
        assertThat(sent).hasSize(4);
    }

    @Test
    void sendingAMessageEndsTypingWithoutPaused() {
        throttle.typing("bob");
        time.advance(Duration.ofSeconds(1));
        throttle.messageSent("bob");
        time.advance(Duration.ofSeconds(10));
        assertThat(sent).containsExactly("bob:COMPOSING");

        // Typing the next message starts with composing at once.
        throttle.typing("bob");
        assertThat(sent).containsExactly("bob:COMPOSING", "bob:COMPOSING");
    }

    @Test
    void typingAgainAfterAPauseSendsComposingAtOnce() {
        throttle.typing("bob");
        time.advance(Duration.ofSeconds(5));
        assertThat(sent).containsExactly("bob:COMPOSING", "bob:PAUSED");
        time.advance(Duration.ofSeconds(1));
        throttle.typing("bob");
        assertThat(sent).containsExactly("bob:COMPOSING", "bob:PAUSED", "bob:COMPOSING");
    }

    @Test
    void conversationsAreThrottledSeparately() {
        throttle.typing("bob");
        throttle.typing("carol");
        time.advance(Duration.ofSeconds(1));
        throttle.typing("bob");
        throttle.messageSent("carol");
        time.advance(Duration.ofSeconds(6));
        assertThat(sent).containsExactly("bob:COMPOSING", "carol:COMPOSING", "bob:PAUSED");
    }

    @Test
    void aPauseTimerThatFiresAfterItWasReplacedSendsNothing() {
        List<Runnable> fired = new ArrayList<>();
        // A timer whose cancel does nothing: the stale task still runs, as a race with cancellation would allow.
        TypingThrottle racy = new TypingThrottle(time, (task, delay) -> {
            fired.add(task);
            return () -> { };
        }, (peer, state) -> sent.add(peer + ":" + state), Duration.ofSeconds(5));
        racy.typing("bob");
        racy.typing("bob");
        fired.get(0).run();
        assertThat(sent).containsExactly("bob:COMPOSING");
        fired.get(1).run();
        assertThat(sent).containsExactly("bob:COMPOSING", "bob:PAUSED");
        racy.reset();
    }
}
