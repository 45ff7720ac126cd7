package io.chatapp.benchmarks.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallBenchmarkOptionsTest {

    @Test
    void setupOptionsHaveTheirDefaultsAndRefuseNonsense() {
        assertThat(CallSetupBenchmark.Options.parse(new String[0]))
                .isEqualTo(new CallSetupBenchmark.Options(50, 3, true));
        assertThat(CallSetupBenchmark.Options.parse(new String[] {"--calls", "5", "--warmup-calls", "0", "--media",
                "audio"})).isEqualTo(new CallSetupBenchmark.Options(5, 0, false));
        assertThatThrownBy(() -> CallSetupBenchmark.Options.parse(new String[] {"--media", "smell"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallSetupBenchmark.Options.parse(new String[] {"--calls", "0"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPartysSetupLineGivesTheTimesToFirstSoundAndFrame() {
        assertThat(CallSetupBenchmark.Setup.parse("SETUP 812 -1")).isEqualTo(new CallSetupBenchmark.Setup(812, -1));
        assertThatThrownBy(() -> CallSetupBenchmark.Setup.parse("MEDIA 1 2 3"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void relayOptions() {
        assertThat(TurnRelayBenchmark.Options.parse(new String[0])).isEqualTo(new TurnRelayBenchmark.Options(30));
        assertThatThrownBy(() -> TurnRelayBenchmark.Options.parse(new String[] {"--seconds", "-1"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
