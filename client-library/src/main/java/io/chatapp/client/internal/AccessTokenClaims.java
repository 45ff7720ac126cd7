package io.chatapp.client.internal;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Reads the account out of an access token (a JWS: {@code header.payload.signature}). The client does not verify
 * the signature: the server does when the token is presented; the client only needs to know whose token it holds
 * to name the account in the SASL exchange.
 */
public final class AccessTokenClaims {

    private AccessTokenClaims() {
    }

    /** The {@code sub} claim: the account's bare address. */
    public static String subject(String accessToken) {
        String[] parts = accessToken.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("it is not a JWT");
        }
        Map<String, Object> claims;
        try {
            claims = Json.parseObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw invalid("its claims cannot be read");
        }
        if (!(claims.get("sub") instanceof String subject) || subject.isBlank() || subject.indexOf('@') <= 0) {
            throw invalid("it names no account");
        }
        return subject;
    }

    private static ChatClientException invalid(String why) {
        return new ChatClientException(Reason.INVALID_INPUT, "Not a chat-app access token: " + why);
    }
}
