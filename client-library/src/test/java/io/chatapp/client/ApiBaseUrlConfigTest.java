package io.chatapp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiBaseUrlConfigTest {

    private static ChatClientConfig.Builder builder() {
        return ChatClientConfig.builder("example.org");
    }

    @Test
    void theBaseUrlAlwaysEndsWithASlash() {
        assertThat(builder().apiBaseUrl(URI.create("https://chat.example.org")).build().apiBaseUrl())
                .hasValue(URI.create("https://chat.example.org/"));
        assertThat(builder().apiBaseUrl(URI.create("https://chat.example.org:8443/chat")).build().apiBaseUrl())
                .hasValue(URI.create("https://chat.example.org:8443/chat/"));
        assertThat(builder().build().apiBaseUrl()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/", "/relative", "https:///nohost", "https://u:p@example.org/",
            "https://example.org/?q=1", "https://example.org/#f"})
    void onlyPlainHttpOrHttpsUrlsWithAHostAreAccepted(String url) {
        assertThatThrownBy(() -> builder().apiBaseUrl(URI.create(url))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainHttpNeedsTlsSwitchedOffUnlessItStaysOnThisMachine() {
        assertThatThrownBy(() -> builder().apiBaseUrl(URI.create("http://chat.example.org:9097/")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        for (String local : new String[] {"http://localhost:9097/", "http://127.0.0.1:9097/", "http://[::1]:9097/"}) {
            assertThat(builder().apiBaseUrl(URI.create(local)).build().apiBaseUrl()).isPresent();
        }
        assertThat(builder().tlsPolicy(TlsPolicy.DISABLED).apiBaseUrl(URI.create("http://chat.example.org:9097/"))
                .build().apiBaseUrl()).isPresent();
    }

    @Test
    void copiesKeepTheTokenSettings() {
        ChatClientConfig config = builder().apiBaseUrl(URI.create("https://chat.example.org/"))
                .tokenMechanism(TokenMechanism.X_OAUTH2).build();
        ChatClientConfig copy = config.toBuilder().replyTimeout(Duration.ofSeconds(3)).build();

        assertThat(copy.apiBaseUrl()).isEqualTo(config.apiBaseUrl());
        assertThat(copy.tokenMechanism()).isEqualTo(TokenMechanism.X_OAUTH2);
        assertThat(builder().build().tokenMechanism()).isEqualTo(TokenMechanism.OAUTHBEARER);
    }

    @Test
    void aTokenLoginWithoutAnApiUrlOrWithAnotherDomainsTokenFailsClearly() {
        TokenSet tokens = new TokenSet(TestTokens.accessToken("alice@example.org"), java.time.Instant.now(),
                "r", java.time.Instant.now());
        try (ChatClient client = ChatClient.create(builder().build())) {
            assertThat(client.loginWithToken(tokens)).failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("No API URL");
        }
        TokenSet foreign = new TokenSet(TestTokens.accessToken("alice@other.org"), java.time.Instant.now(),
                "r", java.time.Instant.now());
        try (ChatClient client = ChatClient.create(builder().apiBaseUrl(URI.create("http://localhost:1/")).build())) {
            assertThat(client.loginWithToken(foreign)).failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("not an account on example.org");
            assertThat(client.tokens()).isEmpty();
            assertThat(client.refreshTokens()).failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("Not logged in with a token");
        }
    }
}
