package io.chatapp.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.AccountSettings.LockoutSettings;
import io.chatapp.plugin.config.AuthSettings;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.InMemoryAccounts;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Token issuance and verification, and the attacks on them, against a real PostgreSQL. */
class TokenServiceTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final AuthSettings AUTH = new AuthSettings("chatapp", "chatapp", Duration.ofMinutes(15),
            Duration.ofDays(30), Duration.ofDays(30));

    /** Lockout settings that never lock within a test. */
    static final LockoutSettings LENIENT = new LockoutSettings(1_000, 1_000, Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofMinutes(1));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final InMemoryAccounts accounts = new InMemoryAccounts().add("alice", "alice-pw").admin("root", "root-pw");
    private Database database;
    private SigningKeys keys;
    private TokenService tokens;

    @BeforeEach
    void open() {
        database = Database.open(postgres.settings("auth_" + System.nanoTime()));
        keys = new SigningKeys(database.dataSource(), AUTH.keyRotation(),
                AUTH.accessTokenLifetime().plus(AccessTokens.CLOCK_SKEW), clock);
        tokens = service(keys);
    }

    private TokenService service(SigningKeys signingKeys) {
        return new TokenService(accounts, new AccessTokens(signingKeys, AUTH, clock),
                new RefreshTokens(database.dataSource(), AUTH.refreshTokenLifetime(), clock),
                new RevokedAccessTokens(database.dataSource(), clock), AUTH.refreshTokenLifetime(), AccountStatus.NONE,
                new LoginGuard(LENIENT, clock));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void loginIssuesAVerifiableTokenWithTheRightClaims() throws Exception {
        TokenPair pair = tokens.login("alice", "alice-pw", "192.0.2.1");
        AccessToken verified = tokens.verify(pair.access().token());
        assertThat(verified.subject()).isEqualTo("alice@example.org");
        assertThat(verified.roles()).containsExactly("user");
        assertThat(verified.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(header(pair.access().token())).contains("\"alg\":\"EdDSA\"").contains("\"kid\":\"");
        assertThat(payload(pair.access().token())).contains("\"iss\":\"chatapp\"").contains("\"aud\":")
                .contains("\"jti\":\"").contains("\"iat\":").contains("\"nbf\":");
        assertThat(tokens.verify(tokens.login("root", "root-pw", "192.0.2.1").access().token()).roles())
                .containsExactlyInAnyOrder("user", "admin");
    }

    @Test
    void otherSpellingsOfANameGetTheCanonicalAccount() throws Exception {
        for (String spelling : new String[] {"ALICE", "Alice@example.org"}) {
            assertThat(tokens.verify(tokens.login(spelling, "alice-pw", "192.0.2.1").access().token()).subject())
                    .as(spelling).isEqualTo("alice@example.org");
        }
        assertThatThrownBy(() -> tokens.login("alice@elsewhere.org", "alice-pw", "192.0.2.1"))
                .isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefusedAlike() {
        assertThatThrownBy(() -> tokens.login("alice", "nope", "192.0.2.1")).isInstanceOf(TokenRejectedException.class)
                .hasMessage("wrong user name or password");
        assertThatThrownBy(() -> tokens.login("mallory", "nope", "192.0.2.1")).isInstanceOf(TokenRejectedException.class)
                .hasMessage("wrong user name or password");
    }

    @Test
    void unsignedTokensAreRefused() throws Exception {
        String token = tokens.login("alice", "alice-pw", "192.0.2.1").access().token();
        String none = b64("{\"alg\":\"none\"}") + "." + token.split("\\.")[1] + ".";
        assertThatThrownBy(() -> tokens.verify(none)).isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void hmacSignedWithThePublicKeyIsRefused() throws Exception {
        String token = tokens.login("alice", "alice-pw", "192.0.2.1").access().token();
        String kid = keys.current().kid();
        String header = b64("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}");
        String body = token.split("\\.")[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.current().publicKey().getEncoded(), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal((header + "." + body).getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> tokens.verify(header + "." + body + "." + signature))
                .isInstanceOf(TokenRejectedException.class).hasMessageContaining("HS256");
    }

    @Test
    void expiredAndNotYetValidTokensAreRefused() throws Exception {
        String token = tokens.login("alice", "alice-pw", "192.0.2.1").access().token();
        clock.advance(Duration.ofMinutes(15).plusSeconds(31));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("Expired");

        clock.advance(Duration.ofMinutes(-30));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("Premature");
    }

    @Test
    void wrongIssuerOrAudienceIsRefused() throws Exception {
        AuthSettings otherIssuer = new AuthSettings("evil", "chatapp", AUTH.accessTokenLifetime(),
                AUTH.refreshTokenLifetime(), AUTH.keyRotation());
        AuthSettings otherAudience = new AuthSettings("chatapp", "elsewhere", AUTH.accessTokenLifetime(),
                AUTH.refreshTokenLifetime(), AUTH.keyRotation());
        for (AuthSettings other : List.of(otherIssuer, otherAudience)) {
            // Signed with our own key, so only the claim is wrong.
            String token = new AccessTokens(keys, other, clock).issue("alice@example.org", List.of("user")).token();
            assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(TokenRejectedException.class);
        }
    }

    @Test
    void unknownKeyIdAndForeignKeysAreRefused() throws Exception {
        String token = tokens.login("alice", "alice-pw", "192.0.2.1").access().token();
        String[] parts = token.split("\\.");
        String otherKid = b64("{\"alg\":\"EdDSA\",\"kid\":\"no-such-key\"}");
        assertThatThrownBy(() -> tokens.verify(otherKid + "." + parts[1] + "." + parts[2]))
                .isInstanceOf(TokenRejectedException.class).hasMessageContaining("unknown key id");

        // A token signed by someone else's Ed25519 key but claiming our kid.
        var foreign = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String forged = io.jsonwebtoken.Jwts.builder().header().keyId(keys.current().kid()).and()
                .issuer("chatapp").audience().add("chatapp").and().subject("alice@example.org").id("x")
                .expiration(java.util.Date.from(clock.instant().plusSeconds(600)))
                .signWith(foreign.getPrivate(), io.jsonwebtoken.Jwts.SIG.EdDSA)
                .json(new io.jsonwebtoken.jackson.io.JacksonSerializer<>()).compact();
        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String token = tokens.login("alice", "alice-pw", "192.0.2.1").access().token();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"user\"", "\"admin\"");
        assertThatThrownBy(() -> tokens.verify(parts[0] + "." + b64(payload) + "." + parts[2]))
                .isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void aDeletedAccountsTokensStopWorking() throws Exception {
        accounts.add("carol", "carol-pw");
        TokenPair pair = tokens.login("carol", "carol-pw", "192.0.2.1");
        accounts.delete("carol");
        assertThatThrownBy(() -> tokens.verify(pair.access().token())).isInstanceOf(TokenRejectedException.class);
        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken())).isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() throws Exception {
        TokenPair first = tokens.login("alice", "alice-pw", "192.0.2.1");
        TokenPair second = tokens.refresh(first.refreshToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(tokens.verify(second.access().token()).subject()).isEqualTo("alice@example.org");

        assertThatThrownBy(() -> tokens.refresh(first.refreshToken())).isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("reused");
        assertThatThrownBy(() -> tokens.refresh(second.refreshToken())).isInstanceOf(TokenRejectedException.class)
                .as("the thief's reuse also kills the legitimate newest token").hasMessageContaining("revoked");
        TokenPair otherDevice = tokens.login("alice", "alice-pw", "192.0.2.1");
        assertThat(tokens.refresh(otherDevice.refreshToken())).as("other families are untouched").isNotNull();
    }

    @Test
    void expiredRefreshTokensAreRefused() throws Exception {
        TokenPair pair = tokens.login("alice", "alice-pw", "192.0.2.1");
        clock.advance(Duration.ofDays(31));
        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken())).isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void logoutRevokesTheRefreshFamilyAndTheAccessToken() throws Exception {
        TokenPair pair = tokens.login("alice", "alice-pw", "192.0.2.1");
        AccessToken access = tokens.verify(pair.access().token());
        tokens.logout(pair.refreshToken(), access);
        assertThatThrownBy(() -> tokens.verify(pair.access().token())).isInstanceOf(TokenRejectedException.class)
                .hasMessage("revoked");
        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken())).isInstanceOf(TokenRejectedException.class);

        // Another node learns of the revocation from the database.
        RevokedAccessTokens otherNode = new RevokedAccessTokens(database.dataSource(), clock);
        otherNode.reload();
        assertThat(otherNode.isRevoked(access.jti())).isTrue();
    }

    @Test
    void rotatedKeysKeepVerifyingUntilTheirTokensExpire() throws Exception {
        String oldKid = keys.current().kid();
        clock.advance(Duration.ofDays(30).minusMinutes(1));
        String signedJustBeforeRotation = tokens.login("alice", "alice-pw", "192.0.2.1").access().token();
        assertThat(header(signedJustBeforeRotation)).contains(oldKid);

        clock.advance(Duration.ofMinutes(2));
        String newKid = keys.current().kid();
        assertThat(newKid).as("rotated").isNotEqualTo(oldKid);
        assertThat(header(tokens.login("alice", "alice-pw", "192.0.2.1").access().token())).contains(newKid);
        assertThat(tokens.verify(signedJustBeforeRotation).subject())
                .as("a token signed by the retired key is valid until it expires").isEqualTo("alice@example.org");
        assertThat(keys.jwks()).extracting(key -> key.get("kid")).containsExactlyInAnyOrder(oldKid, newKid);

        clock.advance(Duration.ofMinutes(16));
        assertThat(keys.verificationKey(oldKid)).as("this node drops it at its deadline without reloading").isEmpty();
        assertThatThrownBy(() -> tokens.verify(signedJustBeforeRotation)).isInstanceOf(TokenRejectedException.class);
        SigningKeys freshNode = new SigningKeys(database.dataSource(), AUTH.keyRotation(),
                AUTH.accessTokenLifetime().plus(AccessTokens.CLOCK_SKEW), clock);
        assertThat(freshNode.published()).as("after the overlap the retired key is no longer published")
                .containsOnlyKeys(newKid);
    }

    @Test
    void twoNodesOnOneDatabaseShareKeysAndRotateOnce() throws Exception {
        SigningKeys otherNode = new SigningKeys(database.dataSource(), AUTH.keyRotation(),
                AUTH.accessTokenLifetime().plus(AccessTokens.CLOCK_SKEW), clock);
        assertThat(otherNode.current().kid()).isEqualTo(keys.current().kid());
        String token = tokens.login("alice", "alice-pw", "192.0.2.1").access().token();
        assertThat(service(otherNode).verify(token).subject()).isEqualTo("alice@example.org");

        clock.advance(Duration.ofDays(31));
        String rotatedHere = keys.current().kid();
        assertThat(otherNode.current().kid()).as("the other node finds the new key, it does not make its own")
                .isEqualTo(rotatedHere);
        assertThat(count("SELECT count(*) FROM signing_key")).isEqualTo(2);
    }

    @Test
    void jwksPublishesEveryVerifyingKeyAsOkp() {
        List<java.util.Map<String, Object>> jwks = keys.jwks();
        assertThat(jwks).hasSize(1);
        assertThat(jwks.get(0)).containsEntry("kty", "OKP").containsEntry("crv", "Ed25519")
                .containsEntry("alg", "EdDSA").containsEntry("kid", keys.current().kid());
        assertThat(Base64.getUrlDecoder().decode((String) jwks.get(0).get("x"))).hasSize(32);
    }

    private int count(String sql) throws SQLException {
        try (var connection = database.dataSource().getConnection();
             var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {

        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
