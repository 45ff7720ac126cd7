package io.chatapp.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private final VerifiedTokenCache cache = new VerifiedTokenCache();

    @Test
    void findsOnlyTheExactTokenWithinItsWindow() {
        VerifiedTokenCache.Entry entry = entry("header.payload.signature");
        cache.remember(entry);
        assertThat(cache.find("header.payload.signature")).isSameAs(entry);
        assertThat(cache.find("header.payload.signaturE")).isNull();
        assertThat(cache.find("header.payload.signature.")).isNull();
        assertThat(entry.validAt(100)).isTrue();
        assertThat(entry.validAt(200)).isTrue();
        assertThat(entry.validAt(99)).isFalse();
        assertThat(entry.validAt(201)).isFalse();
    }

    @Test
    void staysBoundedAndKeepsTheNewestOfTokensThatShareASlot() {
        for (int i = 0; i < VerifiedTokenCache.CAPACITY * 4; i++) {
            cache.remember(entry("token-" + i));
        }
        int found = 0;
        for (int i = 0; i < VerifiedTokenCache.CAPACITY * 4; i++) {
            found += cache.find("token-" + i) == null ? 0 : 1;
        }
        assertThat(found).isPositive().isLessThanOrEqualTo(VerifiedTokenCache.CAPACITY);
        assertThat(cache.find("token-" + (VerifiedTokenCache.CAPACITY * 4 - 1))).as("the last one stays").isNotNull();
    }

    private static VerifiedTokenCache.Entry entry(String token) {
        return new VerifiedTokenCache.Entry(token, "k1",
                new AccessToken(token, "alice@example.org", Set.of("user"), "jti", Instant.EPOCH, Instant.EPOCH), 100,
                200);
    }
}
