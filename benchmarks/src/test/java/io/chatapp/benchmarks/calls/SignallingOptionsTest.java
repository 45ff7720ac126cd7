package io.chatapp.benchmarks.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignallingOptionsTest {

    @Test
    void readsTheOptionsWithTheirDefaults() {
        assertThat(SignallingBenchmark.Options.parse(new String[0]))
                .isEqualTo(new SignallingBenchmark.Options(20, 250, 100, "1g", List.of(false, true)));
        assertThat(SignallingBenchmark.Options.parse(new String[] {"--pairs", "3", "--calls", "7", "--warmup-calls",
                "0", "--server-heap", "512m", "--order", "with"}))
                .isEqualTo(new SignallingBenchmark.Options(3, 7, 0, "512m", List.of(true)));
        assertThatThrownBy(() -> SignallingBenchmark.Options.parse(new String[] {"--calls", "0"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void costIsServerCpuPerThousandMessages() {
        SignallingBenchmark.Result result = new SignallingBenchmark.Result("with", 4_000, Duration.ofMillis(2_000),
                Duration.ofMillis(400), Duration.ofSeconds(3));
        assertThat(result.cpuMillisPerThousand()).isEqualTo(500.0);
        assertThat(result.databaseMillisPerThousand()).isEqualTo(100.0);
    }
}
