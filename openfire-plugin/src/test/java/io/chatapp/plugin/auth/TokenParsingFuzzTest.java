package io.chatapp.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatapp.plugin.config.AccountSettings.LockoutSettings;
import io.chatapp.plugin.config.AuthSettings;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.InMemoryAccounts;
import io.chatapp.plugin.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of everything that reads a token a client presents (jqwik, fixed seed, bounded tries), on a real database:
 * the access-token verifier ({@link TokenService#verify}, through {@link AccessTokens} and {@link TokenClaims}), the
 * refresh path ({@link TokenService#refresh}) and the SASL mechanisms that carry tokens (OAUTHBEARER and X-OAUTH2,
 * behind the login guard as Openfire runs them). Forged tokens start from a real one ({@link TokenForgery}); SASL
 * messages follow the mechanisms' grammar ({@link SaslFuzzMessage}). Only the documented refusals may come out:
 * {@link TokenRejectedException} and {@link SaslException}; and nothing is accepted that the issuer did not sign.
 */
class TokenParsingFuzzTest {

    private static final String DOMAIN = "example.org";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final AuthSettings AUTH = new AuthSettings("chatapp", "chatapp", Duration.ofMinutes(15),
            Duration.ofDays(30), Duration.ofDays(30));
    /** The claims are held to the same strictness as {@link TokenClaims}: a name twice is never what we issued. */
    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final MutableClock CLOCK = new MutableClock(NOW);
    /** A guard that never locks: thousands of failed logins must still reach the mechanism. */
    private static final LoginGuard NEVER_LOCKS = new LoginGuard(new LockoutSettings(Integer.MAX_VALUE,
            Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1)), CLOCK);

    private static EmbeddedDatabase postgres;
    private static Database database;
    private static SigningKeys keys;
    private static TokenService tokens;
    private static PrivateKey otherKey;
    private static String aliceToken;
    private static String bobToken;
    private static String refreshToken;

    @BeforeContainer
    static void start() throws Exception {
        postgres = EmbeddedDatabase.start();
        database = Database.open(postgres.settings("tokenfuzz"));
        keys = new SigningKeys(database.dataSource(), AUTH.keyRotation(),
                AUTH.accessTokenLifetime().plus(AccessTokens.CLOCK_SKEW), CLOCK);
        tokens = new TokenService(new InMemoryAccounts().add("alice", "alice-pw").add("bob", "bob-pw"),
                new AccessTokens(keys, AUTH, CLOCK),
                new RefreshTokens(database.dataSource(), AUTH.refreshTokenLifetime(), CLOCK),
                new RevokedAccessTokens(database.dataSource(), CLOCK), AUTH.refreshTokenLifetime(),
                AccountStatus.NONE, NEVER_LOCKS);
        TokenPair alice = tokens.login("alice", "alice-pw", "192.0.2.1");
        aliceToken = alice.access().token();
        refreshToken = alice.refreshToken();
        bobToken = tokens.login("bob", "bob-pw", "192.0.2.1").access().token();
        otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
    }

    @AfterContainer
    static void stop() {
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Property(tries = 4_000, seed = "1515")
    void onlyTokensTheIssuerSignedAreAccepted(@ForAll("forgeries") TokenForgery forgery) {
        TokenForgery.Forged forged = forgery.apply(aliceToken, data -> sign(keys.current().privateKey(), data),
                data -> sign(otherKey, data));
        AccessToken accepted;
        try {
            accepted = tokens.verify(forged.token());
        } catch (TokenRejectedException refused) {
            assertThat(forged.token()).as("the real token itself").isNotEqualTo(aliceToken);
            return;
        }
        if (forged.token().equals(aliceToken)) {
            return;
        }
        assertThat(forged.signedByIssuer()).as("accepted %s", forged).isTrue();
        assertIssuedAsWritten(forged, accepted);
    }

    @Property(tries = 300, seed = "1515")
    void onlyTheExactRefreshTokenRefreshes(@ForAll("mutationLists") List<TextMutation> mutations,
                                           @ForAll("texts") String text, @ForAll boolean mutated) {
        String presented = mutated ? TextMutation.applyAll(refreshToken, mutations) : text;
        Assume.that(!presented.equals(refreshToken));
        assertThatThrownBy(() -> tokens.refresh(presented)).as("%s", presented)
                .isInstanceOf(TokenRejectedException.class);
    }

    @Property(tries = 4_000, seed = "1515")
    void saslLogsInOnlyWithAValidTokenAndRefusesWithSaslException(@ForAll("saslMessages") SaslFuzzMessage message)
            throws SaslException {
        byte[] response = message.bytes(aliceToken, bobToken);
        SaslServer server = new GuardedSaslServer(new TokenSaslServer(message.mechanism(), tokens, DOMAIN,
                SaslRefusals.NOT_AUTHORIZED), NEVER_LOCKS, AccountStatus.NONE, DOMAIN, "192.0.2.1");
        byte[] challenge;
        try {
            challenge = server.evaluateResponse(response);
        } catch (SaslException refused) {
            return;
        }
        if (challenge != null) {
            // Only OAUTHBEARER's error challenge; the client's acknowledgement ends the exchange as a failure.
            assertThat(message.mechanism()).isEqualTo(TokenSaslServer.OAUTHBEARER);
            assertThat(server.isComplete()).isFalse();
            assertThatThrownBy(() -> server.evaluateResponse(new byte[] {1})).isInstanceOf(SaslException.class);
            return;
        }
        assertThat(server.isComplete()).as("%s", message).isTrue();
        String user = server.getAuthorizationID();
        assertThat(user).isIn("alice", "bob");
        assertThat(new String(response, StandardCharsets.UTF_8)).as("logged in as %s with %s", user, message)
                .contains(user.equals("alice") ? aliceToken : bobToken);
        if (message.random() == null && message.badBytes() == null) {
            String other = user.equals("alice") ? "bob" : "alice";
            assertThat(String.valueOf(message.authzid()).toLowerCase()).as("authzid").doesNotStartWith(other);
            if (message.mechanism().equals(TokenSaslServer.X_OAUTH2)) {
                assertThat(message.user().toLowerCase()).as("user").doesNotStartWith(other);
            }
        }
        assertThatThrownBy(() -> server.evaluateResponse(response)).isInstanceOf(SaslException.class);
    }

    @Provide
    Arbitrary<TokenForgery> forgeries() {
        return TokenForgery.any();
    }

    @Provide
    Arbitrary<List<TextMutation>> mutationLists() {
        return TextMutation.any().list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.of(FuzzJson.STRINGS), Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                        .ofLength(43));
    }

    @Provide
    Arbitrary<SaslFuzzMessage> saslMessages() {
        return SaslFuzzMessage.any();
    }

    /**
     * A token the issuer's key signed was accepted: its JSON must say what our issuer writes, with the values the
     * verifier reported. This is the documented rule set of {@link TokenClaims}, checked from the outside.
     */
    private static void assertIssuedAsWritten(TokenForgery.Forged forged, AccessToken accepted) {
        JsonNode header = readOrNull(new ObjectMapper(), forged.headerJson());
        JsonNode claims = readOrNull(STRICT_JSON, forged.claimsJson());
        assertThat(header).as("accepted an unreadable header: %s", forged).isNotNull();
        assertThat(claims).as("accepted unreadable or duplicated claims: %s", forged).isNotNull();
        assertThat(header.path("alg").isTextual() && header.get("alg").textValue().equals("EdDSA")).isTrue();
        assertThat(header.path("kid").isTextual() && header.get("kid").textValue().equals(keys.current().kid()))
                .isTrue();
        assertThat(claims.path("iss").textValue()).isEqualTo("chatapp");
        JsonNode audience = claims.path("aud");
        assertThat(audience.isTextual() ? audience.textValue().equals("chatapp")
                : audience.isArray() && textsOf(audience).contains("chatapp")).as("aud %s", audience).isTrue();
        assertThat(claims.path("sub").textValue()).isEqualTo(accepted.subject()).isIn("alice@example.org",
                "bob@example.org");
        assertThat(claims.path("jti").textValue()).isEqualTo(accepted.jti()).isNotEmpty();
        assertThat(textsOf(claims.path("roles"))).isEqualTo(new TreeSet<>(accepted.roles()));
        long iat = seconds(claims, "iat");
        long nbf = seconds(claims, "nbf");
        long exp = seconds(claims, "exp");
        long now = NOW.getEpochSecond();
        long skew = AccessTokens.CLOCK_SKEW.toSeconds();
        assertThat(iat <= nbf && nbf < exp && nbf <= now + skew && iat <= now + skew && exp >= now - skew
                && exp <= now + AUTH.accessTokenLifetime().toSeconds() + skew).as("times %s", forged).isTrue();
    }

    private static long seconds(JsonNode claims, String name) {
        JsonNode value = claims.path(name);
        assertThat(value.isIntegralNumber() && value.canConvertToLong()).as(name + " " + value).isTrue();
        return value.longValue();
    }

    private static Set<String> textsOf(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(element -> {
            assertThat(element.isTextual()).as("%s", array).isTrue();
            texts.add(element.textValue());
        });
        return texts;
    }

    private static JsonNode readOrNull(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
