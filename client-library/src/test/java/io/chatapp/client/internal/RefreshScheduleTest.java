package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.TestTokens;
import io.chatapp.client.TokenSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static TokenSet expiringIn(Duration lifetime) {
        return TestTokens.tokens("r", NOW.plus(lifetime));
    }

    @Test
    void aLongLivedTokenIsRefreshedAMinuteBeforeItExpires() {
        assertThat(RefreshSchedule.delayUntilRefresh(expiringIn(Duration.ofMinutes(15)), NOW))
                .isEqualTo(Duration.ofMinutes(14));
    }

    @Test
    void aShortLivedTokenIsRefreshedHalfwayToExpiry() {
        assertThat(RefreshSchedule.delayUntilRefresh(expiringIn(Duration.ofSeconds(60)), NOW))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(RefreshSchedule.delayUntilRefresh(expiringIn(Duration.ofSeconds(20)), NOW))
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anExpiredTokenIsRefreshedAtOnce() {
        assertThat(RefreshSchedule.delayUntilRefresh(expiringIn(Duration.ZERO), NOW)).isZero();
        assertThat(RefreshSchedule.delayUntilRefresh(expiringIn(Duration.ofMinutes(-5)), NOW)).isZero();
    }

    @Test
    void failedRefreshesAreRetriedWithinOneToThirtySeconds() {
        assertThat(RefreshSchedule.retryDelay(expiringIn(Duration.ofMinutes(10)), NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RefreshSchedule.retryDelay(expiringIn(Duration.ofSeconds(20)), NOW)).isEqualTo(Duration.ofSeconds(10));
        assertThat(RefreshSchedule.retryDelay(expiringIn(Duration.ofMillis(500)), NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RefreshSchedule.retryDelay(expiringIn(Duration.ofMinutes(-1)), NOW)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aTokenAboutToExpireIsNotUsedToLogIn() {
        assertThat(RefreshSchedule.usableForLogin(expiringIn(Duration.ofSeconds(11)), NOW)).isTrue();
        assertThat(RefreshSchedule.usableForLogin(expiringIn(Duration.ofSeconds(10)), NOW)).isFalse();
        assertThat(RefreshSchedule.usableForLogin(expiringIn(Duration.ofSeconds(-1)), NOW)).isFalse();
    }
}
