package io.chatapp.plugin.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeapPressureTest {

    @Test
    void highOverTheShareOfTheMaximumReadAtMostEveryTenthOfASecond() {
        AtomicLong used = new AtomicLong(600);
        AtomicLong reads = new AtomicLong();
        HeapPressure pressure = new HeapPressure(70, 1_000, () -> {
            reads.incrementAndGet();
            return used.get();
        });
        assertThat(pressure.high(0)).isFalse();
        used.set(701);
        assertThat(pressure.high(HeapPressure.RECHECK_NANOS - 1)).as("not read again yet").isFalse();
        assertThat(pressure.high(HeapPressure.RECHECK_NANOS)).isTrue();
        assertThat(reads.get()).isEqualTo(2);
        used.set(700);
        assertThat(pressure.high(2 * HeapPressure.RECHECK_NANOS)).isFalse();
    }

    @Test
    void oneHundredPercentIsNeverHighAndNonsenseIsRefused() {
        assertThat(new HeapPressure(100, 1_000, () -> 1_000).high(0)).isFalse();
        assertThat(new HeapPressure(100).percent()).isEqualTo(100);
        assertThatThrownBy(() -> new HeapPressure(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeapPressure(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
