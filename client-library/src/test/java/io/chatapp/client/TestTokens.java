package io.chatapp.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Token values for tests: access tokens shaped like the server's JWTs (unsigned: the client never verifies). */
public final class TestTokens {

    private TestTokens() {
    }

    /** A JWS-shaped access token whose {@code sub} is the given address. */
    public static String accessToken(String subject) {
        return part("{\"alg\":\"EdDSA\"}") + "." + part("{\"iss\":\"chatapp\",\"aud\":[\"chatapp\"],\"sub\":\""
                + subject + "\",\"roles\":[\"user\"]}") + "." + part("signature");
    }

    /** Tokens for alice@example.org; the access token expires at {@code accessExpiresAt}. */
    public static TokenSet tokens(String refreshToken, Instant accessExpiresAt) {
        return new TokenSet(accessToken("alice@example.org") + "-" + refreshToken, accessExpiresAt, refreshToken,
                accessExpiresAt.plusSeconds(30L * 24 * 3600));
    }

    private static String part(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
