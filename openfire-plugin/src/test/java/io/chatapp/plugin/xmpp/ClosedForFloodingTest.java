package io.chatapp.plugin.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClosedForFloodingTest {

    private static final String FLOODER = "mallory@example.org/bosh";

    @Test
    void nothingIsRememberedAtFirst() {
        ClosedForFlooding closed = new ClosedForFlooding();

        assertThat(closed.isEmpty()).isTrue();
        assertThat(closed.recentlyClosed(FLOODER, 0)).isFalse();
    }

    @Test
    void aClosedSessionsAddressIsRememberedForTwoMinutesThenForgotten() {
        ClosedForFlooding closed = new ClosedForFlooding();
        closed.remember(FLOODER, 1_000);

        assertThat(closed.recentlyClosed(FLOODER, 1_000 + ClosedForFlooding.REMEMBER_NANOS - 1)).isTrue();
        assertThat(closed.recentlyClosed("mallory@example.org/phone", 2_000)).as("another session of the account")
                .isFalse();
        assertThat(closed.recentlyClosed(FLOODER, 1_000 + ClosedForFlooding.REMEMBER_NANOS)).isFalse();
        assertThat(closed.isEmpty()).as("forgotten once asked after it expired").isTrue();
    }

    @Test
    void atMostTenThousandAreRememberedAndExpiredOnesMakeRoom() {
        ClosedForFlooding closed = new ClosedForFlooding();
        for (int i = 0; i < ClosedForFlooding.MOST; i++) {
            closed.remember("user" + i + "@example.org/r", 0);
        }
        closed.remember(FLOODER, 1);
        assertThat(closed.remembered()).isEqualTo(ClosedForFlooding.MOST);
        assertThat(closed.recentlyClosed(FLOODER, 2)).as("no room while none has expired").isFalse();

        closed.remember(FLOODER, ClosedForFlooding.REMEMBER_NANOS);
        assertThat(closed.recentlyClosed(FLOODER, ClosedForFlooding.REMEMBER_NANOS + 1)).isTrue();
        assertThat(closed.remembered()).isEqualTo(1);
    }
}
