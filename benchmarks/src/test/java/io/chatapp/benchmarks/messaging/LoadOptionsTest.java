package io.chatapp.benchmarks.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void noArgumentsGiveTheDefaults() {
        assertThat(LoadOptions.parse(new String[0])).isEqualTo(LoadOptions.defaults());
        assertThat(LoadOptions.defaults().order()).containsExactly(false, true);
    }

    @Test
    void readsEachOption() {
        LoadOptions options = LoadOptions.parse(new String[] {"--pairs", "8", "--rate", "500", "--seconds", "30",
                "--warmup", "0", "--saturation-seconds", "0", "--window", "4", "--body-bytes", "64",
                "--sender-threads", "3", "--server-heap", "512m", "--order", "with,without,with",
                "--tcp-nodelay", "false"});

        assertThat(options).isEqualTo(new LoadOptions(8, 500, 30, 0, 0, 4, 64, 3, "512m",
                List.of(true, false, true), false));
    }

    @Test
    void neverMoreSenderThreadsThanPairs() {
        assertThat(LoadOptions.parse(new String[] {"--pairs", "1", "--sender-threads", "4"}).senderThreads())
                .isEqualTo(1);
    }

    @Test
    void refusesWhatItCannotUse() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--pairs"}))
                .hasMessageContaining("--pairs needs a value");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--pair", "5"}))
                .hasMessageContaining("unknown option --pair");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--rate", "0"}))
                .hasMessageContaining("--rate must be positive");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--rate", "fast"}))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--order", "with,plain"}))
                .hasMessageContaining("not plain");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--server-heap", "-Xmx1g"}))
                .hasMessageContaining("--server-heap");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--tcp-nodelay", "yes"}))
                .hasMessageContaining("true or false");
    }

    @Test
    void threadsTakeTurnsSoThatTheTotalRateIsEven() {
        LoadOptions options = LoadOptions.parse(new String[] {"--rate", "2000", "--sender-threads", "2"});

        // 2,000 msg/s overall: one every 500 µs, the two threads alternating.
        assertThat(options.offsetNanos(0, 0)).isZero();
        assertThat(options.offsetNanos(1, 0)).isEqualTo(500_000);
        assertThat(options.offsetNanos(0, 1)).isEqualTo(1_000_000);
        assertThat(options.offsetNanos(1, 1)).isEqualTo(1_500_000);
        // The 120,000th message overall (thread 1's 60,000th) is due just before the end of a 60 s run.
        assertThat(options.offsetNanos(1, 59_999)).isEqualTo(59_999_500_000L);
    }

    @Test
    void offsetsDoNotDriftAtRatesThatDoNotDivideASecond() {
        LoadOptions options = LoadOptions.parse(new String[] {"--rate", "3", "--sender-threads", "1"});

        assertThat(options.offsetNanos(0, 1)).isEqualTo(333_333_333L);
        assertThat(options.offsetNanos(0, 3)).isEqualTo(1_000_000_000L);
        assertThat(options.offsetNanos(0, 3_000_000)).isEqualTo(1_000_000_000_000_000L);
    }
}
