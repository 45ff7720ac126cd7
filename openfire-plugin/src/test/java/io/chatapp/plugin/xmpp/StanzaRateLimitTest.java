package io.chatapp.plugin.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StanzaRateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstPassesThenTheSustainedRateAndNoMore() {
        StanzaRateLimit limit = new StanzaRateLimit(10, 50);
        for (int i = 0; i < 50; i++) {
            assertThat(limit.allows("c1", 0, false)).as("stanza %d of the burst", i).isTrue();
        }
        assertThat(limit.allows("c1", 0, false)).isFalse();
        // A second later, ten more.
        for (int i = 0; i < 10; i++) {
            assertThat(limit.allows("c1", SECOND, false)).isTrue();
        }
        assertThat(limit.allows("c1", SECOND, false)).isFalse();
    }

    @Test
    void eachConnectionHasItsOwnBudgetAndAForgottenOneStartsFull() {
        StanzaRateLimit limit = new StanzaRateLimit(1, 2);
        assertThat(limit.allows("c1", 0, false)).isTrue();
        assertThat(limit.allows("c1", 0, false)).isTrue();
        assertThat(limit.allows("c1", 0, false)).isFalse();
        assertThat(limit.allows("c2", 0, false)).isTrue();
        limit.forget("c1");
        assertThat(limit.allows("c1", 0, false)).isTrue();
    }

    @Test
    void aQuietConnectionRefillsOnlyUpToTheBurst() {
        StanzaRateLimit limit = new StanzaRateLimit(100, 5);
        assertThat(limit.allows("c1", 0, false)).isTrue();
        int passed = 0;
        while (limit.allows("c1", 3600 * SECOND, false)) {
            passed++;
        }
        assertThat(passed).isEqualTo(5);
        assertThat(limit.refusal(false)).isEqualTo("more than 100 stanzas a second (burst 5)");
    }

    @Test
    void underHeapPressureAConnectionBusierThanATenthOfTheRateIsRefusedEvenWithItsBucketFull() {
        StanzaRateLimit limit = new StanzaRateLimit(500, 5_000);
        // A flood handled slower than the sustained rate: 300 a second never empties the bucket.
        long at = 0;
        for (int second = 0; second < 20; second++) {
            for (int i = 0; i < 300; i++) {
                at = second * SECOND + i * (SECOND / 300);
                assertThat(limit.allows("flooder", at, false)).as("second %d, stanza %d", second, i).isTrue();
            }
        }
        // A chatting user: 20 a second.
        for (int i = 0; i < 40; i++) {
            assertThat(limit.allows("chatter", i * (SECOND / 20), false)).isTrue();
        }
        assertThat(limit.allows("flooder", at + 1, true)).isFalse();
        assertThat(limit.allows("chatter", 2 * SECOND + 1, true)).isTrue();
        assertThat(limit.refusal(true)).isEqualTo("more than 50 stanzas a second while the server's memory is short");
    }

    @Test
    void underHeapPressureOnlyTheLastSecondCounts() {
        StanzaRateLimit limit = new StanzaRateLimit(500, 5_000);
        for (int i = 0; i < 400; i++) {
            assertThat(limit.allows("burst", i, false)).isTrue();
        }
        // Quiet for two seconds: the burst is history.
        assertThat(limit.allows("burst", 3 * SECOND, true)).isTrue();
    }

    @Test
    void quietConnectionsAreSweptAtMostOnceASecond() {
        StanzaRateLimit limit = new StanzaRateLimit(500, 5_000);
        long second = 1_000_000_000L;
        for (int i = 0; i <= StanzaRateLimit.SWEEP_ABOVE; i++) {
            assertThat(limit.allows("c" + i, 0, false)).isTrue();
        }
        assertThat(limit.allows("busy", 0, false)).as("the first sweep: every bucket just used").isTrue();
        assertThat(limit.connections()).isEqualTo(StanzaRateLimit.SWEEP_ABOVE + 2);

        // Half a second later all of them are full again (a token takes 2 ms), yet no sweep runs before a second.
        assertThat(limit.allows("late", second / 2, false)).isTrue();
        assertThat(limit.connections()).isEqualTo(StanzaRateLimit.SWEEP_ABOVE + 3);

        assertThat(limit.allows("next", second, false)).isTrue();
        assertThat(limit.connections()).as("every full bucket forgotten, the one just used kept").isEqualTo(1);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new StanzaRateLimit(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StanzaRateLimit(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
