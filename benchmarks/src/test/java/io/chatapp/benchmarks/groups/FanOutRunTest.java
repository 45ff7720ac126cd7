package io.chatapp.benchmarks.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FanOutRunTest {

    @Test
    void everyMessageIsOwedOneDeliveryPerOccupantAndWhatIsMissingIsLost() throws Exception {
        FanOutRun run = new FanOutRun(3, false, 2);
        run.sending(0);
        run.sending(1_000_000);
        for (int i = 0; i < 5; i++) {
            run.delivered((i + 1) * 1_000_000L);
        }
        run.awaitDelivered(Duration.ZERO);
        run.finish(2.0, Duration.ofMillis(500), 0.2);

        assertThat(run.expectedDeliveries()).isEqualTo(6);
        assertThat(run.delivered()).isEqualTo(5);
        assertThat(run.lost()).isEqualTo(1);
        assertThat(run.deliveriesPerSecond()).isEqualTo(2.5);
        assertThat(run.latency().medianMillis()).isEqualTo(3.0);
        assertThat(run.latency().maxMillis()).isEqualTo(5.0);
        assertThat(run.maxLagMillis()).isEqualTo(1.0);
    }

    @Test
    void serverCpuIsPerSecondOfSendingAndPerThousandDeliveries() {
        FanOutRun run = new FanOutRun(256, true, 20);
        run.sending(0);
        for (int i = 0; i < 2000; i++) {
            run.delivered(1);
        }
        run.finish(4.0, Duration.ofSeconds(1), 0.5);

        assertThat(run.serverCores()).isEqualTo(0.25);
        assertThat(run.serverCpuSeconds()).isEqualTo(1.0);
        assertThat(run.serverCpuMillisPerThousandDeliveries()).isCloseTo(500.0, within(1e-9));
        assertThat(run.clientCores()).isEqualTo(0.125);
    }

    @Test
    void duplicatesDoNotHideLosses() {
        FanOutRun run = new FanOutRun(2, false, 1);
        run.sending(0);
        run.delivered(1);
        run.delivered(1);
        run.delivered(1);
        run.finish(1.0, Duration.ZERO, 0);

        assertThat(run.lost()).isZero();
    }
}
