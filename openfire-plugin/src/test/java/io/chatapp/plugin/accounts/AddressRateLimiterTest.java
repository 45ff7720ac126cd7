package io.chatapp.plugin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AddressRateLimiterTest {

    private final MutableClock clock = new MutableClock("2026-11-24T10:00:00Z");
    private final AddressRateLimiter limiter = new AddressRateLimiter(3, Duration.ofHours(1), clock);

    @Test
    void allowsTheLimitPerWindowThenSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.attempt("192.0.2.1")).as("attempt " + (i + 1)).isEmpty();
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(limiter.attempt("192.0.2.1")).contains(Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(5));
        assertThat(limiter.attempt("192.0.2.1")).as("refused attempts do not extend the window")
                .contains(Duration.ofMinutes(25));
    }

    @Test
    void aNewWindowStartsWhenTheOldOneEnds() {
        for (int i = 0; i < 4; i++) {
            limiter.attempt("192.0.2.1");
        }
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.attempt("192.0.2.1")).isEmpty();
        }
        assertThat(limiter.attempt("192.0.2.1")).contains(Duration.ofHours(1));
    }

    @Test
    void addressesAreCountedSeparately() {
        for (int i = 0; i < 3; i++) {
            limiter.attempt("192.0.2.1");
        }
        assertThat(limiter.attempt("192.0.2.1")).isPresent();
        assertThat(limiter.attempt("192.0.2.2")).isEmpty();
        assertThat(limiter.attempt("2001:db8::1")).isEmpty();
    }

    @Test
    void unknownAddressesShareOneWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.attempt(null)).isEmpty();
        }
        assertThat(limiter.attempt(null)).isPresent();
        assertThat(limiter.attempt("192.0.2.1")).isEmpty();
    }

    @Test
    void forgetOldKeepsRunningWindows() {
        for (int i = 0; i < 4; i++) {
            limiter.attempt("192.0.2.1");
        }
        clock.advance(Duration.ofMinutes(59));
        limiter.forgetOld();
        assertThat(limiter.attempt("192.0.2.1")).as("still limited").isPresent();
        clock.advance(Duration.ofMinutes(1));
        limiter.forgetOld();
        assertThat(limiter.attempt("192.0.2.1")).isEmpty();
    }
}
