package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SendWindowTest {

    @Test
    void admitsUpToItsCapacityThenTimesOut() throws Exception {
        SendWindow window = new SendWindow(2);
        assertThat(window.acquire("a", 0)).isTrue();
        assertThat(window.acquire("b", 0)).isTrue();
        assertThat(window.acquire("c", 20)).isFalse();
        assertThat(window.inFlight()).isEqualTo(2);
    }

    @Test
    void anAcknowledgementMakesRoomForAWaitingSender() throws Exception {
        SendWindow window = new SendWindow(1);
        window.acquire("a", 0);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return window.acquire("b", 5_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(waiting).isNotDone();
        window.release("a");
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isTrue();
        assertThat(window.inFlight()).isEqualTo(1);
    }

    @Test
    void unknownAcknowledgementsAreIgnoredAndResetFreesEverything() throws Exception {
        SendWindow window = new SendWindow(2);
        window.acquire("a", 0);
        window.acquire("b", 0);
        window.release("not-ours");
        window.release(null);
        assertThat(window.inFlight()).isEqualTo(2);
        window.reset();
        assertThat(window.inFlight()).isZero();
        assertThat(window.acquire("c", 0)).isTrue();
    }
}
