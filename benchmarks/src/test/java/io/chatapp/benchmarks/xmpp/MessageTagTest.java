package io.chatapp.benchmarks.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTagTest {

    @Test
    void anIdNamesItsTag() {
        MessageTag tag = new MessageTag('p', 17, 1234, 98_765_432_100L);

        assertThat(tag.id()).isEqualTo("p17-1234-98765432100");
        assertThat(MessageTag.parse(tag.id())).isEqualTo(tag);
    }

    @Test
    void idsThatAreNotOursAreIgnored() {
        assertThat(MessageTag.parse(null)).isNull();
        assertThat(MessageTag.parse("check-bench-sender-1")).isNull();
        assertThat(MessageTag.parse("rp17-1234-98765432100")).isNull();
        assertThat(MessageTag.parse("p17-1234--5")).isNull();
        assertThat(MessageTag.parse("p17-1234")).isNull();
        assertThat(MessageTag.parse("7Hw3k-91")).isNull();
        assertThat(MessageTag.parse("p-1-2")).isNull();
    }

    @Test
    void refusesNegativeTimes() {
        assertThatThrownBy(() -> new MessageTag('p', 1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
