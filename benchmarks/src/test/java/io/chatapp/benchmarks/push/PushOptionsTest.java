package io.chatapp.benchmarks.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PushOptionsTest {

    @Test
    void defaultsMakeTenThousandOfflineDevices() {
        PushBenchmark.Options options = PushBenchmark.Options.parse(new String[0]);
        assertThat(options.members() * options.devicesPerMember()).isEqualTo(10_000);
        assertThat(PushBenchmark.Options.parse(new String[] {"--members", "10", "--devices-per-member", "2"}))
                .extracting(PushBenchmark.Options::members, PushBenchmark.Options::devicesPerMember)
                .containsExactly(10, 2);
        assertThatThrownBy(() -> PushBenchmark.Options.parse(new String[] {"--pairs", "0"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PushBenchmark.Options.parse(new String[] {"--unknown", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
