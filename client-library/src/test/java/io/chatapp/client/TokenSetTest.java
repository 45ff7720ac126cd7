package io.chatapp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenSetTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void theAccountComesFromTheAccessTokensSubject() {
        TokenSet tokens = new TokenSet(TestTokens.accessToken("alice@example.org"), NOW, "refresh", NOW);
        assertThat(tokens.jid()).isEqualTo("alice@example.org");
    }

    @Test
    void aTokenThatIsNoJwtOrNamesNoAccountIsInvalidInput() {
        for (String token : new String[] {"opaque", "a.b", "a.%%%.c", TestTokens.accessToken("")}) {
            TokenSet tokens = new TokenSet(token, NOW, "refresh", NOW);
            assertThatThrownBy(tokens::jid).isInstanceOfSatisfying(ChatClientException.class,
                    e -> assertThat(e.reason()).isEqualTo(ChatClientException.Reason.INVALID_INPUT));
        }
    }

    @Test
    void toStringHidesTheTokens() {
        TokenSet tokens = new TokenSet("secret-access", NOW, "secret-refresh", NOW.plusSeconds(60));
        assertThat(tokens.toString()).doesNotContain("secret").contains(NOW.toString());
    }

    @Test
    void tokensMustBePrintableAndPresent() {
        assertThatThrownBy(() -> new TokenSet("", NOW, "r", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSet("a b", NOW, "r", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSet("a", NOW, "r\n", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSet("a", null, "r", NOW)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void validityChecksUseTheGivenTime() {
        TokenSet tokens = new TokenSet("a", NOW.plusSeconds(30), "r", NOW.plusSeconds(90));
        assertThat(tokens.accessTokenValidFor(Duration.ofSeconds(10), NOW)).isTrue();
        assertThat(tokens.accessTokenValidFor(Duration.ofSeconds(30), NOW)).isFalse();
        assertThat(tokens.refreshTokenExpired(NOW.plusSeconds(89))).isFalse();
        assertThat(tokens.refreshTokenExpired(NOW.plusSeconds(90))).isTrue();
    }
}
