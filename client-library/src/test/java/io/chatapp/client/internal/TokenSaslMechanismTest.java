package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exact first messages of the token mechanisms (what the server's TokenSaslServer parses). */
class TokenSaslMechanismTest {

    @Test
    void oauthBearerSendsTheTokenPerRfc7628() {
        assertThat(new TokenSaslMechanism.OAuthBearer().initialResponse("tok.en"))
                .isEqualTo("n,,\u0001auth=Bearer tok.en\u0001\u0001");
    }

    @Test
    void oauthBearerAnswersAnErrorChallengeWithASingleControlA() {
        assertThat(new TokenSaslMechanism.OAuthBearer().evaluateChallenge("{\"status\":\"invalid_token\"}".getBytes()))
                .containsExactly(0x01);
    }

    @Test
    void mechanismsRankBetweenPlainAndSmacksXOauth2() {
        assertThat(new TokenSaslMechanism.XOAuth2().getPriority()).isBetween(401, 409);
        assertThat(new TokenSaslMechanism.OAuthBearer().getPriority()).isBetween(401, 409);
        assertThat(new TokenSaslMechanism.XOAuth2().getName()).isEqualTo("X-OAUTH2");
        assertThat(new TokenSaslMechanism.OAuthBearer().getName()).isEqualTo("OAUTHBEARER");
    }
}
