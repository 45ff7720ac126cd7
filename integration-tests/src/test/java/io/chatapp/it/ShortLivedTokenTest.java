package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.TokenSet;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.util.JiveGlobals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With the shortest access token lifetime the server allows (one minute), the client refreshes by itself. */
@ExtendWith(ChatServerExtension.class)
class ShortLivedTokenTest {

    @Test
    void theClientRefreshesBeforeTheAccessTokenExpires(DevServer server, TestUsers users) throws Exception {
        JiveGlobals.setProperty("chatapp.auth.accessTokenMinutes", "1");
        server.restartPluginInPlace();
        TestUser ivan = users.create("ivan");
        try (Clients clients = new Clients(server)) {
            TokenSet first = clients.tokenApi().obtainTokens(ivan.username(), ivan.password()).join();
            assertThat(Duration.between(Instant.now(), first.accessTokenExpiresAt())).isLessThanOrEqualTo(
                    Duration.ofMinutes(1));
            ChatClient client = clients.open(clients.tokenConfig());
            CompletableFuture<TokenSet> refreshed = new CompletableFuture<>();
            client.onTokensRefreshed(refreshed::complete);
            client.loginWithToken(first).join();

            // Halfway through a one-minute life: about 30 s from now, well before the token expires.
            TokenSet second = refreshed.get(50, TimeUnit.SECONDS);
            assertThat(Instant.now()).isBefore(first.accessTokenExpiresAt());
            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(client.tokens()).hasValue(second);
            assertThat(client.isLoggedIn()).isTrue();
        }
    }
}
