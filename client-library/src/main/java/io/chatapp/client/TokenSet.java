package io.chatapp.client;

import io.chatapp.client.internal.AccessTokenClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The tokens of one login on the token API: an access token that logs in over XMPP (short-lived, 15 minutes by
 * default) and the single-use refresh token that gets the next pair (30 days by default). An app may persist the
 * four components and build the value again with the constructor. Expiry times are this device's clock at the
 * moment the server answered plus the lifetime it gave, so a wrong clock on either side does not matter.
 *
 * @param accessToken           the access token (a JWT)
 * @param accessTokenExpiresAt  when the access token stops working
 * @param refreshToken          the refresh token
 * @param refreshTokenExpiresAt when the refresh token stops working
 */
public record TokenSet(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                       Instant refreshTokenExpiresAt) {

    public TokenSet {
        requireToken(accessToken, "accessToken");
        requireToken(refreshToken, "refreshToken");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        Objects.requireNonNull(refreshTokenExpiresAt, "refreshTokenExpiresAt");
    }

    private static void requireToken(String token, String name) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException(name + " must be printable ASCII without spaces");
            }
        }
    }

    /**
     * The account the access token belongs to, as a bare address ({@code alice@example.org}): its {@code sub}
     * claim. Fails with {@link ChatClientException.Reason#INVALID_INPUT} for a token that carries none.
     */
    public String jid() {
        return AccessTokenClaims.subject(accessToken);
    }

    /** Whether the access token still works for at least {@code margin} after {@code now}. */
    public boolean accessTokenValidFor(Duration margin, Instant now) {
        return accessTokenExpiresAt.isAfter(now.plus(margin));
    }

    /** Whether the refresh token has expired at {@code now}. */
    public boolean refreshTokenExpired(Instant now) {
        return !refreshTokenExpiresAt.isAfter(now);
    }

    /** Without the tokens themselves: they are secrets, and records print every component by default. */
    @Override
    public String toString() {
        return "TokenSet[access token expires " + accessTokenExpiresAt + ", refresh token expires "
                + refreshTokenExpiresAt + "]";
    }
}
