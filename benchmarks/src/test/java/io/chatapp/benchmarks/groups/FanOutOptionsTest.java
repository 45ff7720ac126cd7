package io.chatapp.benchmarks.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FanOutOptionsTest {

    @Test
    void noArgumentsGiveTheIssuesScenario() {
        FanOutOptions options = FanOutOptions.parse(new String[0]);

        assertThat(options).isEqualTo(FanOutOptions.defaults());
        assertThat(options.members()).isEqualTo(256);
        assertThat(options.rate()).isEqualTo(20);
        assertThat(options.receipts()).containsExactly(false, true);
        assertThat(options.order()).containsExactly(false, true);
    }

    @Test
    void readsEachOption() {
        FanOutOptions options = FanOutOptions.parse(new String[] {"--members", "16", "--rate", "5", "--senders",
                "2", "--seconds", "10", "--warmup", "0", "--receipts", "on", "--body-bytes", "64",
                "--login-threads", "3", "--server-heap", "512m", "--order", "with,without,with",
                "--tcp-nodelay", "false"});

        assertThat(options).isEqualTo(new FanOutOptions(16, 5, 2, 10, 0, List.of(true), 64, 3, "512m",
                List.of(true, false, true), false));
        assertThat(FanOutOptions.parse(new String[] {"--receipts", "off"}).receipts()).containsExactly(false);
    }

    @Test
    void refusesWhatItCannotUse() {
        assertThatThrownBy(() -> FanOutOptions.parse(new String[] {"--members", "1"}))
                .hasMessageContaining("--members must be at least 2");
        assertThatThrownBy(() -> FanOutOptions.parse(new String[] {"--members", "4", "--senders", "5"}))
                .hasMessageContaining("--senders must not exceed --members");
        assertThatThrownBy(() -> FanOutOptions.parse(new String[] {"--receipts", "sometimes"}))
                .hasMessageContaining("off, on or both");
        assertThatThrownBy(() -> FanOutOptions.parse(new String[] {"--rate", "0"}))
                .hasMessageContaining("--rate must be positive");
        assertThatThrownBy(() -> FanOutOptions.parse(new String[] {"--member", "5"}))
                .hasMessageContaining("unknown option --member");
        assertThatThrownBy(() -> FanOutOptions.parse(new String[] {"--order", "plain"}))
                .hasMessageContaining("not plain");
    }

    @Test
    void messagesArePacedEvenlyAndTheSendersTakeTurns() {
        FanOutOptions options = FanOutOptions.parse(new String[] {"--rate", "20", "--senders", "4"});

        assertThat(options.offsetNanos(0)).isZero();
        assertThat(options.offsetNanos(1)).isEqualTo(50_000_000);
        assertThat(options.offsetNanos(20)).isEqualTo(1_000_000_000);
        assertThat(List.of(options.sender(0), options.sender(1), options.sender(3), options.sender(4)))
                .containsExactly(0, 1, 3, 0);
    }
}
