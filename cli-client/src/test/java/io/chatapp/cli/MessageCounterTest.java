package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageCounterTest {

    @Test
    void countStopsAfterTheLimit() {
        ListenCommand.MessageCounter counter = new ListenCommand.MessageCounter(2);

        assertThat(counter.take()).isTrue();
        assertThat(counter.exhausted()).isFalse();
        assertThat(counter.take()).isTrue();
        assertThat(counter.exhausted()).isTrue();
        assertThat(counter.take()).isFalse();
    }

    @Test
    void withoutCountEverythingIsPrinted() {
        ListenCommand.MessageCounter counter = new ListenCommand.MessageCounter(null);

        for (int i = 0; i < 1000; i++) {
            assertThat(counter.take()).isTrue();
        }
        assertThat(counter.exhausted()).isFalse();
    }
}
