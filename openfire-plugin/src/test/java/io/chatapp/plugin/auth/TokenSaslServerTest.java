package io.chatapp.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.AuthSettings;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.InMemoryAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The token SASL mechanisms as the JDK's SASL framework (and so Openfire) finds and runs them. */
class TokenSaslServerTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static Database database;
    private static TokenService tokens;
    private static TokenSaslProvider provider;
    private static String aliceToken;
    private static String bobToken;

    @BeforeAll
    static void setUp() throws Exception {
        database = Database.open(postgres.settings("sasl"));
        AuthSettings auth = new AuthSettings("chatapp", "chatapp", Duration.ofMinutes(15), Duration.ofDays(30),
                Duration.ofDays(30));
        Clock clock = Clock.systemUTC();
        SigningKeys keys = new SigningKeys(database.dataSource(), auth.keyRotation(), Duration.ofMinutes(16), clock);
        InMemoryAccounts accounts = new InMemoryAccounts().add("alice", "pw").add("bob", "pw");
        tokens = new TokenService(accounts, new AccessTokens(keys, auth, clock),
                new RefreshTokens(database.dataSource(), auth.refreshTokenLifetime(), clock),
                new RevokedAccessTokens(database.dataSource(), clock), auth.refreshTokenLifetime(), AccountStatus.NONE,
                new LoginGuard(TokenServiceTest.LENIENT, clock));
        aliceToken = tokens.login("alice", "pw", "192.0.2.1").access().token();
        bobToken = tokens.login("bob", "pw", "192.0.2.1").access().token();
        provider = new TokenSaslProvider(tokens, "example.org", InvalidAuthzid::new);
        java.security.Security.addProvider(provider);
    }

    @AfterAll
    static void tearDown() {
        java.security.Security.removeProvider(TokenSaslProvider.NAME);
        database.close();
    }

    @Test
    void theJdkFindsBothMechanisms() throws SaslException {
        for (String mechanism : TokenSaslProvider.MECHANISMS) {
            assertThat(server(mechanism)).as(mechanism).isNotNull();
        }
        assertThat(Collections.list(Sasl.getSaslServerFactories()))
                .anyMatch(factory -> java.util.List.of(factory.getMechanismNames(null)).contains("OAUTHBEARER"));
    }

    @Test
    void xOauth2AcceptsTheTokenOfTheNamedUserOnly() throws SaslException {
        SaslServer ok = server("X-OAUTH2");
        assertThat(ok.evaluateResponse(bytes("\u0000alice\u0000" + aliceToken))).isNull();
        assertThat(ok.isComplete()).isTrue();
        assertThat(ok.getAuthorizationID()).isEqualTo("alice");

        SaslServer fullJid = server("X-OAUTH2");
        fullJid.evaluateResponse(bytes("\u0000alice@example.org\u0000" + aliceToken));
        assertThat(fullJid.getAuthorizationID()).isEqualTo("alice");

        for (String bad : new String[] {"\u0000bob\u0000" + aliceToken, "\u0000alice@other.org\u0000" + aliceToken,
                "\u0000alice\u0000garbage", "no separators", "\u0000alice\u0000"}) {
            SaslServer server = server("X-OAUTH2");
            assertThatThrownBy(() -> server.evaluateResponse(bytes(bad))).isInstanceOf(SaslException.class);
            assertThatThrownBy(server::getAuthorizationID).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void xOauth2RefusesAnAuthzidOfAnotherAccountWithInvalidAuthzid() throws SaslException {
        // authzid alice, user bob, bob's genuine token: bob may not act as alice.
        for (String authzid : new String[] {"alice", "alice@example.org", "bob@other.org", "not a name"}) {
            SaslServer server = server("X-OAUTH2");
            assertThatThrownBy(() -> server.evaluateResponse(bytes(authzid + "\u0000bob\u0000" + bobToken)))
                    .as(authzid).isInstanceOf(InvalidAuthzid.class);
            assertThatThrownBy(server::getAuthorizationID).isInstanceOf(IllegalStateException.class);
        }
        // Any spelling of bob's own account is bob.
        for (String authzid : new String[] {"bob", "Bob@example.org", "BOB"}) {
            SaslServer server = server("X-OAUTH2");
            assertThat(server.evaluateResponse(bytes(authzid + "\u0000bob\u0000" + bobToken))).as(authzid).isNull();
            assertThat(server.getAuthorizationID()).isEqualTo("bob");
        }
    }

    @Test
    void oauthBearerRefusesAnAuthzidOfAnotherAccountWithInvalidAuthzidAfterTheErrorChallenge()
            throws SaslException {
        SaslServer server = server("OAUTHBEARER");
        byte[] challenge = server.evaluateResponse(bytes("n,a=alice@example.org,\u0001auth=Bearer " + bobToken
                + "\u0001\u0001"));
        assertThat(new String(challenge, StandardCharsets.UTF_8)).contains("\"status\":\"invalid_token\"");
        assertThatThrownBy(() -> server.evaluateResponse(bytes("\u0001"))).isInstanceOf(InvalidAuthzid.class);

        SaslServer own = server("OAUTHBEARER");
        assertThat(own.evaluateResponse(bytes("n,a=Bob@example.org,\u0001auth=Bearer " + bobToken
                + "\u0001\u0001"))).isNull();
        assertThat(own.getAuthorizationID()).isEqualTo("bob");
    }

    @Test
    void oauthBearerParsesTheGs2HeaderAndKeyValues() throws SaslException {
        SaslServer withAuthzid = server("OAUTHBEARER");
        assertThat(withAuthzid.evaluateResponse(bytes("n,a=alice@example.org,\u0001host=example.org\u0001auth=Bearer "
                + aliceToken + "\u0001\u0001"))).isNull();
        assertThat(withAuthzid.getAuthorizationID()).isEqualTo("alice");

        SaslServer withoutAuthzid = server("OAUTHBEARER");
        withoutAuthzid.evaluateResponse(bytes("n,,\u0001auth=Bearer " + aliceToken + "\u0001\u0001"));
        assertThat(withoutAuthzid.getAuthorizationID()).isEqualTo("alice");
    }

    @Test
    void oauthBearerFailureSendsTheRfcErrorThenFails() throws SaslException {
        SaslServer server = server("OAUTHBEARER");
        byte[] challenge = server.evaluateResponse(bytes("n,a=bob@example.org,\u0001auth=Bearer " + aliceToken
                + "\u0001\u0001"));
        assertThat(new String(challenge, StandardCharsets.UTF_8)).contains("\"status\":\"invalid_token\"");
        assertThat(server.isComplete()).isFalse();
        assertThatThrownBy(() -> server.evaluateResponse(bytes("\u0001"))).isInstanceOf(SaslException.class);
        assertThat(server.isComplete()).isTrue();

        for (String malformed : new String[] {"", "p=tls-unique,,\u0001auth=Bearer x\u0001\u0001", "n,,\u0001\u0001"}) {
            SaslServer other = server("OAUTHBEARER");
            assertThat(other.evaluateResponse(bytes(malformed))).as(malformed).isNotNull();
            assertThatThrownBy(() -> other.evaluateResponse(bytes("\u0001"))).isInstanceOf(SaslException.class);
        }
    }

    private static SaslServer server(String mechanism) throws SaslException {
        return Sasl.createSaslServer(mechanism, "xmpp", "example.org", null, callbacks -> { });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Stands for the server's invalid-authzid failure, so the tests see which refusal was made. */
    private static final class InvalidAuthzid extends SaslException {
        private static final long serialVersionUID = 1L;

        InvalidAuthzid(String message) {
            super(message);
        }
    }
}
