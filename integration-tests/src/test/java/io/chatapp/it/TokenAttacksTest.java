package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Forged and altered access tokens against the running server, on both the HTTP API and XMPP login. Tokens are made
 * here by hand; where a real signature is needed, the test signs with the server's own key read from its database
 * (as an attacker who stole it could), so that exactly one claim is wrong in each case.
 */
@ExtendWith(ChatServerExtension.class)
class TokenAttacksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final DevServer server;
    private final TestUser alice;
    private final PluginApi api;

    TokenAttacksTest(DevServer server, TestUsers users) {
        this.server = server;
        this.alice = users.create("alice");
        this.api = new PluginApi(server);
    }

    @Test
    void theUntamperedControlTokenWorks() throws Exception {
        String token = signed(header(), claims(alice.jid()));
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        XMPPTCPConnection connection = XmppLogins.token(server);
        connection.connect().login(alice.username(), token);
        assertThat(connection.isAuthenticated()).isTrue();
        connection.disconnect();
    }

    @Test
    void algNoneIsRefused() throws Exception {
        Map<String, Object> header = Map.of("alg", "none", "typ", "JWT");
        assertRefused(part(header) + "." + part(claims(alice.jid())) + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        Map<String, Object> header = new LinkedHashMap<>(header());
        header.put("alg", "HS256");
        String input = part(header) + "." + part(claims(alice.jid()));
        for (byte[] secret : List.of(currentKey().publicKey(), rawPublicKey(currentKey().publicKey()))) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            assertRefused(input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    @Test
    void expiredAndNotYetValidAreRefused() throws Exception {
        Map<String, Object> expired = claims(alice.jid());
        expired.put("iat", now() - 1_200);
        expired.put("nbf", now() - 1_200);
        expired.put("exp", now() - 120);
        assertRefused(signed(header(), expired));
        Map<String, Object> early = claims(alice.jid());
        early.put("nbf", now() + 120);
        assertRefused(signed(header(), early));
    }

    @Test
    void wrongIssuerOrAudienceIsRefused() throws Exception {
        Map<String, Object> issuer = claims(alice.jid());
        issuer.put("iss", "someone-else");
        assertRefused(signed(header(), issuer));
        Map<String, Object> audience = claims(alice.jid());
        audience.put("aud", "another-service");
        assertRefused(signed(header(), audience));
    }

    @Test
    void anUnknownKeyIdIsRefused() throws Exception {
        Map<String, Object> header = new LinkedHashMap<>(header());
        header.put("kid", "no-such-key");
        assertRefused(signed(header, claims(alice.jid())));
    }

    @Test
    void keyIdInjectionIsRefused() throws Exception {
        // The kid names a key in the database: paths, SQL, a genuine kid with a suffix, a kid that is not a string.
        String genuine = currentKey().kid();
        for (Object kid : List.of("../../../../../dev/null", "' OR '1'='1", genuine + "' --", genuine + "\u0000",
                genuine + "/../" + genuine, "", Map.of("kid", genuine), List.of(genuine), 42)) {
            Map<String, Object> header = new LinkedHashMap<>(header());
            header.put("kid", kid);
            assertRefused(signed(header, claims(alice.jid())));
        }
    }

    @Test
    void aKeyTheTokenBringsAlongIsNeverTrusted() throws Exception {
        // Signed with the attacker's own key, which the header offers (jwk) or points to (jku, x5u): refused.
        java.security.KeyPair attacker = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Map<String, Object> header = new LinkedHashMap<>(header());
        header.put("jwk", Map.of("kty", "OKP", "crv", "Ed25519", "x",
                B64.encodeToString(rawPublicKey(attacker.getPublic().getEncoded()))));
        header.put("jku", "http://127.0.0.1:1/jwks.json");
        header.put("x5u", "http://127.0.0.1:1/cert.pem");
        String input = part(header) + "." + part(claims(alice.jid()));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(attacker.getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        assertRefused(input + "." + B64.encodeToString(signature.sign()));
    }

    @Test
    void anOversizedTokenIsRefusedAndTheServerCarriesOn() throws Exception {
        Map<String, Object> padded = claims(alice.jid());
        padded.put("pad", "x".repeat(64 * 1024));
        String huge = signed(header(), padded);
        PluginApi.Answer http = api.get("/api/v1/me", huge);
        assertThat(http.status()).as(http.toString()).isBetween(400, 499);
        XMPPTCPConnection connection = XmppLogins.token(server);
        try {
            connection.connect();
            assertThatThrownBy(() -> connection.login(alice.username(), huge)).isInstanceOf(Exception.class);
        } finally {
            connection.instantShutdown();
        }
        theUntamperedControlTokenWorks();
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String genuine = signed(header(), claims(alice.jid()));
        String[] parts = genuine.split("\\.");
        Map<String, Object> elevated = claims(alice.jid());
        elevated.put("roles", List.of("user", "admin"));
        assertRefused(parts[0] + "." + part(elevated) + "." + parts[2]);
    }

    @Test
    void aSubjectSpelledOtherwiseThanIssuedIsRefused() throws Exception {
        // The account exists and the signature is genuine; only the spelling of sub differs from what is issued.
        assertRefused(signed(header(), claims(alice.username().toUpperCase(java.util.Locale.ROOT) + "@"
                + server.domain())));
        assertRefused(signed(header(), claims(alice.username() + "@" + server.domain().toUpperCase(
                java.util.Locale.ROOT))));
    }

    @Test
    void timesThatAreNotIntegersOfSecondsAreRefused() throws Exception {
        Map<String, Object> asString = claims(alice.jid());
        asString.put("exp", String.valueOf(now() + 600));
        assertRefused(signed(header(), asString));
        Map<String, Object> huge = claims(alice.jid());
        huge.put("exp", 1e20);
        assertRefused(signed(header(), huge));
    }

    @Test
    void timesOutsideTheIssuersRangeAreRefused() throws Exception {
        Map<String, Object> tooLong = claims(alice.jid());
        tooLong.put("exp", now() + 86_400);
        assertRefused(signed(header(), tooLong));
        Map<String, Object> issuedLater = claims(alice.jid());
        issuedLater.put("iat", now() + 300);
        assertRefused(signed(header(), issuedLater));
    }

    @Test
    void aTokenOfAnAccountThatDoesNotExistIsRefused() throws Exception {
        assertRefused(signed(header(), claims("nobody-" + UUID.randomUUID() + "@" + server.domain())));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void assertRefused(String token) throws Exception {
        PluginApi.Answer answer = api.get("/api/v1/me", token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.text("error")).isEqualTo("invalid_token");
        XMPPTCPConnection connection = XmppLogins.token(server);
        try {
            connection.connect();
            assertThatThrownBy(() -> connection.login(alice.username(), token))
                    .isInstanceOf(SASLErrorException.class);
        } finally {
            connection.instantShutdown();
        }
    }

    private record Key(String kid, byte[] privateKey, byte[] publicKey) {
    }

    private Key currentKey() throws Exception {
        try (Connection db = server.connectToDatabase();
             PreparedStatement query = db.prepareStatement("SELECT kid, private_key, public_key"
                     + " FROM chatapp.signing_key WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1");
             ResultSet row = query.executeQuery()) {
            assertThat(row.next()).isTrue();
            return new Key(row.getString(1), row.getBytes(2), row.getBytes(3));
        }
    }

    /** The 32 key bytes at the end of an Ed25519 SubjectPublicKeyInfo (what the JWKS publishes as x). */
    private static byte[] rawPublicKey(byte[] spki) {
        return java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    private Map<String, Object> header() throws Exception {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", currentKey().kid());
        header.put("alg", "EdDSA");
        return header;
    }

    private Map<String, Object> claims(String subject) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "chatapp");
        claims.put("aud", "chatapp");
        claims.put("sub", subject);
        claims.put("iat", now());
        claims.put("nbf", now());
        claims.put("exp", now() + 600);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("roles", List.of("user"));
        return claims;
    }

    private String signed(Map<String, Object> header, Map<String, Object> claims) throws Exception {
        String input = part(header) + "." + part(claims);
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(
                new PKCS8EncodedKeySpec(currentKey().privateKey()));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(signature.sign());
    }

    private static String part(Map<String, Object> json) throws Exception {
        return B64.encodeToString(JSON.writeValueAsBytes(json));
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
