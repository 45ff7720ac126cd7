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
            assertThat(limit.allows("c1", 0)).as("stanza %d of the burst", i).isTrue();
        }
        assertThat(limit.allows("c1", 0)).isFalse();
        // A second later, ten more.
        for (int i = 0; i < 10; i++) {
            assertThat(limit.allows("c1", SECOND)).isTrue();
        }
        assertThat(limit.allows("c1", SECOND)).isFalse();
    }

    @Test
    void eachConnectionHasItsOwnBudgetAndAForgottenOneStartsFull() {
        StanzaRateLimit limit = new StanzaRateLimit(1, 2);
        assertThat(limit.allows("c1", 0)).isTrue();
        assertThat(limit.allows("c1", 0)).isTrue();
        assertThat(limit.allows("c1", 0)).isFalse();
        assertThat(limit.allows("c2", 0)).isTrue();
        limit.forget("c1");
        assertThat(limit.allows("c1", 0)).isTrue();
    }

    @Test
    void aQuietConnectionRefillsOnlyUpToTheBurst() {
        StanzaRateLimit limit = new StanzaRateLimit(100, 5);
        assertThat(limit.allows("c1", 0)).isTrue();
        int passed = 0;
        while (limit.allows("c1", 3600 * SECOND)) {
            passed++;
        }
        assertThat(passed).isEqualTo(5);
        assertThat(limit.refusal()).isEqualTo("more than 100 stanzas a second (burst 5)");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new StanzaRateLimit(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StanzaRateLimit(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
