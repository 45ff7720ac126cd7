package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The token API of the plugin's HTTP server, against a real Openfire account: login, the JWT and its signature
 * (checked here with the JDK alone, from the published JWKS), refresh rotation with reuse detection, logout, the
 * error answers, and refresh tokens stored only as hashes.
 */
@ExtendWith(ChatServerExtension.class)
class TokenApiTest {

    private static final String JSON = "application/json";
    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410); the 32-byte raw key follows it. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** The API's one error shape, exactly: {"error":"…","message":"…"}. */
    private static final Pattern ERROR_BODY = Pattern.compile(
            "\\{\"error\":\"[a-z_]+\",\"message\":\"(?:[^\"\\\\]|\\\\.)+\"}");
    private static final Pattern JSON_OBJECT_WITHOUT_NESTING = Pattern.compile("\\{[^{}]*}");

    private final DevServer server;
    private final TestUsers users;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    TokenApiTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @Test
    void aRealAccountGetsAnEdDsaTokenThatVerifiesWithThePublishedKey() throws Exception {
        TestUser alice = users.create("alice");
        HttpResponse<String> response = post("api/v1/auth/token", credentials(alice.username(), alice.password()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(JSON));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        String body = response.body();
        assertThat(text(body, "token_type")).isEqualTo("Bearer");
        assertThat(number(body, "expires_in")).isBetween(850L, 900L);
        assertThat(number(body, "refresh_expires_in")).isEqualTo(Duration.ofDays(30).toSeconds());
        assertThat(strings(body, "roles")).containsExactly("user");
        assertThat(text(body, "refresh_token")).isNotBlank().isNotEqualTo(text(body, "access_token"));

        String token = text(body, "access_token");
        String[] parts = token.split("\\.", -1);
        assertThat(parts).as("a compact JWS: header.payload.signature").hasSize(3);
        String header = base64Url(parts[0]);
        String payload = base64Url(parts[1]);
        assertThat(text(header, "alg")).isEqualTo("EdDSA");
        String kid = text(header, "kid");

        HttpResponse<String> jwks = get(".well-known/jwks.json");
        assertThat(jwks.statusCode()).isEqualTo(200);
        String jwk = jwkWithKid(jwks.body(), kid);
        assertThat(text(jwk, "kty")).isEqualTo("OKP");
        assertThat(text(jwk, "crv")).isEqualTo("Ed25519");
        assertThat(text(jwk, "use")).isEqualTo("sig");
        assertThat(text(jwk, "alg")).isEqualTo("EdDSA");

        PublicKey key = ed25519PublicKey(text(jwk, "x"));
        assertThat(verifies(key, parts[0] + "." + parts[1], parts[2])).as("signature over header.payload").isTrue();
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"user\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));
        assertThat(verifies(key, parts[0] + "." + tampered, parts[2])).as("the check is not vacuous").isFalse();

        assertThat(text(payload, "sub")).isEqualTo(alice.jid()).endsWith("@localhost");
        assertThat(strings(payload, "roles")).contains("user").doesNotContain("admin");
        assertThat(text(payload, "iss")).isEqualTo("chatapp");
        assertThat(payload).containsPattern("\"aud\":(\"chatapp\"|\\[\"chatapp\"])");
        assertThat(text(payload, "jti")).isNotBlank();
        long issuedAt = number(payload, "iat");
        assertThat(number(payload, "nbf")).isEqualTo(issuedAt);
        assertThat(number(payload, "exp") - issuedAt).isEqualTo(Duration.ofMinutes(15).toSeconds());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        TestUser alice = users.create("alice");
        TestUser nobody = users.unregistered("nobody");

        HttpResponse<String> wrongPassword = post("api/v1/auth/token",
                credentials(alice.username(), "not-" + alice.password()));
        HttpResponse<String> unknownUser = post("api/v1/auth/token",
                credentials(nobody.username(), nobody.password()));

        for (HttpResponse<String> response : List.of(wrongPassword, unknownUser)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(text(response.body(), "error")).isEqualTo("invalid_grant");
            assertThat(response.body()).matches(ERROR_BODY);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"chatapp\"");
        }
        assertThat(unknownUser.body()).as("nothing tells whether the account exists").isEqualTo(wrongPassword.body());
        assertThat(unknownUser.body()).doesNotContain(nobody.username()).doesNotContain(alice.username());
    }

    @Test
    void refreshRotatesAndReusingAnOldTokenRevokesTheWholeFamily() throws Exception {
        TestUser alice = users.create("alice");
        String login = login(alice);
        String firstRefresh = text(login, "refresh_token");

        HttpResponse<String> refreshed = refresh(firstRefresh);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String secondRefresh = text(refreshed.body(), "refresh_token");
        String secondAccess = text(refreshed.body(), "access_token");
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        assertThat(secondAccess).isNotEqualTo(text(login, "access_token"));
        assertThat(text(base64Url(secondAccess.split("\\.")[1]), "sub")).isEqualTo(alice.jid());
        assertThat(text(refreshed.body(), "token_type")).isEqualTo("Bearer");

        HttpResponse<String> reused = refresh(firstRefresh);
        assertThat(reused.statusCode()).as("a refresh token is single-use").isEqualTo(401);
        assertThat(text(reused.body(), "error")).isEqualTo("invalid_grant");
        assertThat(reused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"chatapp\"");

        HttpResponse<String> newestAfterReuse = refresh(secondRefresh);
        assertThat(newestAfterReuse.statusCode()).as("the reuse revoked the family, newest token included")
                .isEqualTo(401);
        assertThat(newestAfterReuse.body()).isEqualTo(reused.body());

        HttpResponse<String> otherLogin = refresh(text(login(alice), "refresh_token"));
        assertThat(otherLogin.statusCode()).as("a new login starts a new, unaffected family").isEqualTo(200);
    }

    @Test
    void logoutEndsTheRefreshTokensFamily() throws Exception {
        TestUser alice = users.create("alice");
        String login = login(alice);
        String refreshToken = text(login, "refresh_token");

        HttpResponse<String> logout = send(HttpRequest.newBuilder(uri("api/v1/auth/logout"))
                .header("Content-Type", JSON)
                .header("Authorization", "Bearer " + text(login, "access_token"))
                .POST(HttpRequest.BodyPublishers.ofString(refreshTokenBody(refreshToken))));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
        assertThat(logout.body()).isEqualTo("{\"status\":\"logged_out\"}");

        HttpResponse<String> refreshed = refresh(refreshToken);
        assertThat(refreshed.statusCode()).isEqualTo(401);
        assertThat(text(refreshed.body(), "error")).isEqualTo("invalid_grant");

        HttpResponse<String> again = post("api/v1/auth/logout", refreshTokenBody(refreshToken));
        assertThat(again.statusCode()).as("logging out twice, without an access token, is fine").isEqualTo(200);
    }

    @Test
    void badRequestsGetJsonErrorsWithTheRightStatus() throws Exception {
        TestUser alice = users.create("alice");
        List<HttpResponse<String>> errors = new ArrayList<>();

        HttpResponse<String> malformed = post("api/v1/auth/token", "{\"username\":\"" + alice.username() + "\",");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(text(malformed.body(), "error")).isEqualTo("bad_request");
        errors.add(malformed);

        HttpResponse<String> noPassword = post("api/v1/auth/token",
                "{\"username\":" + quoted(alice.username()) + "}");
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(text(noPassword.body(), "error")).isEqualTo("bad_request");
        assertThat(noPassword.body()).contains("password");
        errors.add(noPassword);

        HttpResponse<String> notAnObject = post("api/v1/auth/token", "[]");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        errors.add(notAnObject);

        HttpResponse<String> plainText = send(HttpRequest.newBuilder(uri("api/v1/auth/token"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(credentials(alice.username(), alice.password()))));
        assertThat(plainText.statusCode()).isEqualTo(415);
        assertThat(text(plainText.body(), "error")).isEqualTo("unsupported_media_type");
        errors.add(plainText);

        String huge = "{\"username\":\"" + "a".repeat(70 * 1024) + "\",\"password\":\"x\"}";
        HttpResponse<String> tooLarge = post("api/v1/auth/token", huge);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(text(tooLarge.body(), "error")).isEqualTo("payload_too_large");
        errors.add(tooLarge);

        HttpResponse<String> wrongMethod = get("api/v1/auth/token");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(text(wrongMethod.body(), "error")).isEqualTo("method_not_allowed");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        errors.add(wrongMethod);

        HttpResponse<String> noRefreshToken = post("api/v1/auth/refresh", "{}");
        assertThat(noRefreshToken.statusCode()).isEqualTo(400);
        errors.add(noRefreshToken);

        for (HttpResponse<String> error : errors) {
            assertThat(error.body()).as("status %d", error.statusCode()).matches(ERROR_BODY);
            assertThat(error.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith(JSON));
        }
        assertThat(login(alice)).as("none of that got in the way of a proper login").contains("access_token");
    }

    @Test
    void theDatabaseHoldsOnlyHashesOfRefreshTokens() throws Exception {
        TestUser alice = users.create("alice");
        String first = text(login(alice), "refresh_token");
        HttpResponse<String> refreshed = refresh(first);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        String second = text(refreshed.body(), "refresh_token");

        try (Connection connection = server.connectToDatabase()) {
            for (String token : List.of(first, second)) {
                assertNoColumnHolds(connection, token);
            }
            List<byte[]> hashes = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT token_hash FROM chatapp.refresh_token WHERE username = ? ORDER BY issued_at")) {
                query.setString(1, alice.username());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        hashes.add(rows.getBytes(1));
                    }
                }
            }
            assertThat(hashes).as("one row per token of the family").hasSize(2);
            assertThat(hashes).allSatisfy(hash -> assertThat(hash).hasSize(32));
            assertThat(hashes).anySatisfy(hash -> assertThat(hash).isEqualTo(sha256(first)));
            assertThat(hashes).anySatisfy(hash -> assertThat(hash).isEqualTo(sha256(second)));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Fails when any column of any row of chatapp.refresh_token holds the token, as text or as bytes. */
    private static void assertNoColumnHolds(Connection connection, String token) throws Exception {
        byte[] tokenText = token.getBytes(StandardCharsets.UTF_8);
        byte[] tokenRaw = Base64.getUrlDecoder().decode(token);
        int rowCount = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM chatapp.refresh_token")) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                rowCount++;
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    String name = columns.getColumnName(column);
                    String value = rows.getString(column);
                    assertThat(value).as("column %s", name).isNotEqualTo(token);
                    if (value != null) {
                        assertThat(value).as("column %s", name).doesNotContain(token);
                    }
                    if (columns.getColumnTypeName(column).equals("bytea")) {
                        byte[] bytes = rows.getBytes(column);
                        assertThat(Arrays.equals(bytes, tokenText)).as("column %s", name).isFalse();
                        assertThat(Arrays.equals(bytes, tokenRaw)).as("column %s", name).isFalse();
                    }
                }
            }
        }
        assertThat(rowCount).as("rows checked").isPositive();
    }

    @Test
    void protectedRoutesNeedAValidTokenAndLogoutAllEndsEverySession() throws Exception {
        TestUser alice = users.create("alice");
        HttpResponse<String> anonymous = get("api/v1/me");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(withBearer("api/v1/me", "not-a-token", false).statusCode()).isEqualTo(401);

        String phone = login(alice);
        String laptop = login(alice);
        String phoneAccess = text(phone, "access_token");
        HttpResponse<String> me = withBearer("api/v1/me", phoneAccess, false);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(text(me.body(), "jid")).isEqualTo(alice.jid());
        assertThat(strings(me.body(), "roles")).containsExactly("user");

        HttpResponse<String> logoutAll = withBearer("api/v1/auth/logout-all", phoneAccess, true);
        assertThat(logoutAll.statusCode()).as(logoutAll.body()).isEqualTo(200);
        assertThat(refresh(text(phone, "refresh_token")).statusCode()).isEqualTo(401);
        assertThat(refresh(text(laptop, "refresh_token")).statusCode()).as("the other device too").isEqualTo(401);
        assertThat(withBearer("api/v1/me", phoneAccess, false).statusCode()).as("the presented access token")
                .isEqualTo(401);
    }

    private HttpResponse<String> withBearer(String path, String token, boolean post) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
        return send(post ? request.header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofString("{}"))
                : request.GET());
    }

    private String login(TestUser user) throws Exception {
        HttpResponse<String> response = post("api/v1/auth/token", credentials(user.username(), user.password()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        return post("api/v1/auth/refresh", refreshTokenBody(refreshToken));
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return server.pluginHttpUri().resolve(path);
    }

    private static String credentials(String username, String password) {
        return "{\"username\":" + quoted(username) + ",\"password\":" + quoted(password) + "}";
    }

    private static String refreshTokenBody(String refreshToken) {
        return "{\"refresh_token\":" + quoted(refreshToken) + "}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A string field of a flat JSON text (no JSON library on the test class path). */
    private static String text(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(field) + "\":\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(json);
        assertThat(matcher.find()).as("string field %s in %s", field, json).isTrue();
        return matcher.group(1);
    }

    private static long number(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(field) + "\":(-?\\d+)").matcher(json);
        assertThat(matcher.find()).as("number field %s in %s", field, json).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** The strings of an array field, e.g. "roles":["admin","user"]. */
    private static List<String> strings(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(field) + "\":\\[([^\\]]*)]").matcher(json);
        assertThat(matcher.find()).as("array field %s in %s", field, json).isTrue();
        List<String> values = new ArrayList<>();
        Matcher item = Pattern.compile("\"([^\"]*)\"").matcher(matcher.group(1));
        while (item.find()) {
            values.add(item.group(1));
        }
        return values;
    }

    /** The key of the JWKS whose kid is the given one. */
    private static String jwkWithKid(String jwks, String kid) {
        assertThat(jwks).startsWith("{\"keys\":[");
        Matcher keys = JSON_OBJECT_WITHOUT_NESTING.matcher(jwks);
        List<String> kids = new ArrayList<>();
        while (keys.find()) {
            String key = keys.group();
            kids.add(text(key, "kid"));
            if (text(key, "kid").equals(kid)) {
                return key;
            }
        }
        throw new AssertionError("kid " + kid + " is not published; the JWKS has " + kids);
    }

    private static String base64Url(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    /** An Ed25519 public key from a JWK's x: the raw 32 bytes behind the fixed SubjectPublicKeyInfo prefix. */
    private static PublicKey ed25519PublicKey(String x) throws Exception {
        byte[] raw = Base64.getUrlDecoder().decode(x);
        assertThat(raw).as("raw Ed25519 public key").hasSize(32);
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    private static boolean verifies(PublicKey key, String signingInput, String signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(signature));
    }

    private static byte[] sha256(String token) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    }
}
