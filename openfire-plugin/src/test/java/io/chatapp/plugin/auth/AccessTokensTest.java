package io.chatapp.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatapp.plugin.config.AuthSettings;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.jackson.io.JacksonSerializer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * AccessTokens without a database: BouncyCastle signatures interoperate with standard Ed25519, and remembered
 * tokens are still held to the clock and to their key. (The attacks on tokens are in {@link TokenServiceTest}.)
 */
class AccessTokensTest {

    private static final AuthSettings AUTH = new AuthSettings("chatapp", "chatapp", Duration.ofMinutes(15),
            Duration.ofDays(30), Duration.ofDays(30));

    private final TokenServiceTest.MutableClock clock =
            new TokenServiceTest.MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final FixedKey keys = new FixedKey();
    private final AccessTokens tokens = new AccessTokens(keys, AUTH, clock);

    @Test
    void issuedTokensAreStandardEdDsaJwtsThatTheJdkVerifies() throws Exception {
        AccessToken issued = tokens.issue("alice@example.org", List.of("user", "admin"));
        String[] parts = issued.token().split("\\.");
        assertThat(decode(parts[0])).isEqualTo("{\"kid\":\"k1\",\"alg\":\"EdDSA\"}");
        assertThat(decode(parts[1])).isEqualTo("{\"iss\":\"chatapp\",\"aud\":[\"chatapp\"],\"sub\":\"alice@example.org\","
                + "\"iat\":1795514400,\"nbf\":1795514400,\"exp\":1795515300,\"jti\":\"" + issued.jti() + "\","
                + "\"roles\":[\"admin\",\"user\"]}");

        // What another service does with the published key and nothing but the JDK.
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(keys.pair.getPublic());
        jdk.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(jdk.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void tokensSignedWithTheJdksEd25519Verify() throws Exception {
        String signedByJdk = Jwts.builder().header().keyId("k1").and()
                .issuer("chatapp").audience().add("chatapp").and().subject("alice@example.org").id("j1")
                .issuedAt(Date.from(clock.instant())).notBefore(Date.from(clock.instant()))
                .expiration(Date.from(clock.instant().plusSeconds(600))).claim("roles", List.of("user"))
                .signWith(keys.pair.getPrivate(), Jwts.SIG.EdDSA).json(new JacksonSerializer<>()).compact();
        AccessToken verified = tokens.verify(signedByJdk);
        assertThat(verified.subject()).isEqualTo("alice@example.org");
        assertThat(verified.roles()).containsExactly("user");
        assertThat(verified.jti()).isEqualTo("j1");
    }

    @Test
    void aRememberedTokenIsStillHeldToTheClock() throws Exception {
        String token = tokens.issue("alice@example.org", List.of("user")).token();
        assertThat(tokens.verify(token)).isSameAs(tokens.verify(token)).as("the second time from the cache");

        clock.advance(Duration.ofMinutes(15).plusSeconds(30));
        assertThat(tokens.verify(token).subject()).as("exp + skew is still valid").isEqualTo("alice@example.org");
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("Expired");

        clock.advance(Duration.ofMinutes(-15).minusSeconds(31).minusSeconds(30));
        assertThat(tokens.verify(token).subject()).as("nbf - skew is valid").isEqualTo("alice@example.org");
        clock.advance(Duration.ofSeconds(-1));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("Premature");
    }

    @Test
    void aRememberedTokenStopsWhenItsKeyMayNoLongerVerify() throws Exception {
        String token = tokens.issue("alice@example.org", List.of("user")).token();
        tokens.verify(token);
        keys.retired.set(true);
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("unknown key id k1");
    }

    @Test
    void onlyTheExactTokenHitsTheCache() throws Exception {
        String token = tokens.issue("alice@example.org", List.of("user")).token();
        tokens.verify(token);
        // Not the last character: its low bits are padding, and changing only those leaves the signature as it was.
        int at = token.length() - 5;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertThatThrownBy(() -> tokens.verify(tampered)).isInstanceOf(TokenRejectedException.class);
        assertThatThrownBy(() -> tokens.verify(token + "x")).isInstanceOf(TokenRejectedException.class);
    }

    /** Found by TokenParsingFuzzTest: the JWT library verified our token with {@code ==} after its claims. */
    @Test
    void onlyTheSpellingTheIssuerWroteIsAccepted() throws Exception {
        String token = tokens.issue("alice@example.org", List.of("user")).token();
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 1);
        // The signature's last character carries 2 bits and 4 of padding: the next letter differs only in those.
        String strayBits = token.substring(0, token.length() - 1) + (char) (last + 1);
        for (String respelled : List.of(parts[0] + "." + parts[1] + "==." + parts[2], token + "=", token + "==",
                parts[0] + "=." + parts[1] + "." + parts[2], strayBits,
                token.replace('-', '+').replace('_', '/'))) {
            if (!respelled.equals(token)) {
                assertThatThrownBy(() -> tokens.verify(respelled)).as(respelled)
                        .isInstanceOf(TokenRejectedException.class);
            }
        }
        assertThat(tokens.verify(token).subject()).isEqualTo("alice@example.org");
    }

    @Test
    void keysOfOtherAlgorithmsAreRefused() throws Exception {
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        for (KeyPair pair : List.of(ed448, rsa)) {
            assertThatThrownBy(() -> Ed25519.publicKey(pair.getPublic())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Ed25519.privateKey(pair.getPrivate()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        FixedKey wrongType = new FixedKey();
        wrongType.verifyWith = ed448.getPublic();
        String token = new AccessTokens(wrongType, AUTH, clock).issue("alice@example.org", List.of("user")).token();
        assertThatThrownBy(() -> new AccessTokens(wrongType, AUTH, clock).verify(token))
                .isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void aTokenAsOurIssuerWritesItIsAccepted() throws Exception {
        AccessToken verified = tokens.verify(signed(json(claims())));
        assertThat(verified.subject()).isEqualTo("alice@example.org");
        assertThat(verified.roles()).containsExactly("user");
        assertThat(verified.expiresAt()).isEqualTo(clock.instant().plusSeconds(600));
    }

    @Test
    void theSubjectMustBeSpelledExactlyAsIssued() {
        for (String subject : List.of("Alice@example.org", "ALICE@example.org", "alice@Example.org", "alice",
                "@example.org", "alice@", "alice@x@example.org", " alice@example.org")) {
            Map<String, Object> claims = claims();
            claims.put("sub", subject);
            assertRejected(claims, "sub " + subject);
        }
    }

    @Test
    void timesMustBeIntegersOfSecondsWithinTheLifetime() throws Exception {
        long now = clock.instant().getEpochSecond();
        Object[][] cases = {
                {"exp", 1e20}, {"exp", new java.math.BigInteger("100000000000000000000")}, {"exp", (double) now + 600},
                {"exp", String.valueOf(now + 600)}, {"exp", now + 15 * 60 + 31}, {"exp", now + 86_400}, {"exp", -1},
                {"iat", String.valueOf(now)}, {"iat", now + 31}, {"iat", now + 0.5},
                {"nbf", String.valueOf(now)}, {"nbf", now + 700}, {"exp", true}};
        for (Object[] change : cases) {
            Map<String, Object> claims = claims();
            claims.put((String) change[0], change[1]);
            assertRejected(claims, change[0] + "=" + change[1]);
        }
        Map<String, Object> longestAllowed = claims();
        longestAllowed.put("exp", now + 15 * 60 + 30);
        assertThat(tokens.verify(signedUnchecked(longestAllowed)).subject()).isEqualTo("alice@example.org");
    }

    @Test
    void everyClaimTheIssuerWritesIsRequiredWithItsType() {
        for (String name : List.of("iss", "aud", "sub", "iat", "nbf", "exp", "jti", "roles")) {
            Map<String, Object> claims = claims();
            claims.remove(name);
            assertRejected(claims, "without " + name);
        }
        Object[][] wrongTypes = {{"sub", 42}, {"sub", List.of("alice@example.org")}, {"jti", 42}, {"jti", ""},
                {"roles", "user"}, {"roles", List.of(1)}, {"aud", 42}, {"aud", List.of()}, {"iss", List.of("chatapp")}};
        for (Object[] change : wrongTypes) {
            Map<String, Object> claims = claims();
            claims.put((String) change[0], change[1]);
            assertRejected(claims, change[0] + "=" + change[1]);
        }
    }

    @Test
    void aClaimGivenTwiceIsRejected() throws Exception {
        String first = json(claims());
        String twice = first.substring(0, first.length() - 1) + ",\"sub\":\"bob@example.org\"}";
        assertThatThrownBy(() -> tokens.verify(signed(twice))).isInstanceOf(TokenRejectedException.class);
    }

    private void assertRejected(Map<String, Object> claims, String what) {
        assertThatThrownBy(() -> tokens.verify(signedUnchecked(claims))).as(what)
                .isInstanceOf(TokenRejectedException.class);
    }

    /** The claims our issuer writes, for alice, issued now and valid for ten minutes. */
    private Map<String, Object> claims() {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "chatapp");
        claims.put("aud", List.of("chatapp"));
        claims.put("sub", "alice@example.org");
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + 600);
        claims.put("jti", "j-" + now);
        claims.put("roles", List.of("user"));
        return claims;
    }

    private static String json(Map<String, Object> claims) throws Exception {
        return new ObjectMapper().writeValueAsString(claims);
    }

    private String signedUnchecked(Map<String, Object> claims) {
        try {
            return signed(json(claims));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token with this payload, signed with the verifying key itself (as one who stole it could). */
    private String signed(String payloadJson) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String input = base64.encodeToString("{\"kid\":\"k1\",\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(keys.pair.getPrivate());
        jdk.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + base64.encodeToString(jdk.sign());
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    /** One Ed25519 key, id {@code k1}, made by the JDK as SigningKeys does; can be retired. */
    private static final class FixedKey implements KeySource {

        final KeyPair pair;
        final SigningKey key;
        final AtomicBoolean retired = new AtomicBoolean();
        PublicKey verifyWith;

        FixedKey() {
            try {
                pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            key = new SigningKey("k1", pair.getPrivate(), pair.getPublic(), Instant.EPOCH);
            verifyWith = pair.getPublic();
        }

        @Override
        public SigningKey current() {
            return key;
        }

        @Override
        public Optional<PublicKey> verificationKey(String kid) {
            return kid.equals("k1") && !retired.get() ? Optional.of(verifyWith) : Optional.empty();
        }
    }
}
