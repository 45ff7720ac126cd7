package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.TokenSet;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenResponsesTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void lifetimesCountFromWhenTheAnswerArrived() {
        TokenSet tokens = TokenResponses.tokens("{\"access_token\":\"eyJ.x.y\",\"token_type\":\"Bearer\","
                + "\"expires_in\":899,\"refresh_token\":\"NYgU-_r\",\"refresh_expires_in\":2592000,"
                + "\"roles\":[\"user\"]}", RECEIVED);

        assertThat(tokens.accessToken()).isEqualTo("eyJ.x.y");
        assertThat(tokens.accessTokenExpiresAt()).isEqualTo(RECEIVED.plusSeconds(899));
        assertThat(tokens.refreshToken()).isEqualTo("NYgU-_r");
        assertThat(tokens.refreshTokenExpiresAt()).isEqualTo(RECEIVED.plusSeconds(2592000));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"token_type\":\"Bearer\",\"expires_in\":1,\"refresh_token\":\"r\",\"refresh_expires_in\":1}",
        "{\"access_token\":\"a\",\"token_type\":\"mac\",\"expires_in\":1,\"refresh_token\":\"r\",\"refresh_expires_in\":1}",
        "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":\"1\",\"refresh_token\":\"r\",\"refresh_expires_in\":1}",
        "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":1.5,\"refresh_token\":\"r\",\"refresh_expires_in\":1}",
        "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":0,\"refresh_token\":\"r\",\"refresh_expires_in\":1}",
        "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":1,\"refresh_token\":\"\",\"refresh_expires_in\":1}",
        "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":1,\"refresh_token\":\"r\"}",
        "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":1,\"refresh_token\":\"r\",\"refresh_expires_in\":99999999999}",
        "[]", "<html>"})
    void incompleteOrOddAnswersAreRefused(String body) {
        assertThatThrownBy(() -> TokenResponses.tokens(body, RECEIVED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorMessagesAreReadWhenThereAreAny() {
        assertThat(TokenResponses.errorMessage("{\"error\":\"invalid_grant\",\"message\":\"Wrong.\"}"))
                .hasValue("Wrong.");
        assertThat(TokenResponses.errorMessage("{\"error\":\"x\"}")).isEmpty();
        assertThat(TokenResponses.errorMessage("<html>Bad gateway</html>")).isEmpty();
    }
}
