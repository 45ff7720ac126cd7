package io.chatapp.client.internal;

import io.chatapp.client.TokenSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Reads the token API's JSON answers: the token response of login and refresh, and the error shape. */
public final class TokenResponses {

    /** Lifetimes beyond this are not believed (a 32-bit overflow or a unit mix-up on the server). */
    private static final long MAX_LIFETIME_SECONDS = 10L * 366 * 24 * 3600;

    private TokenResponses() {
    }

    /**
     * The tokens in a 200 answer of {@code /api/v1/auth/token} or {@code /refresh}.
     *
     * @param receivedAt when the answer arrived: the lifetimes count from then
     * @throws IllegalArgumentException when the body is not a complete Bearer token response
     */
    public static TokenSet tokens(String body, Instant receivedAt) {
        Map<String, Object> response = Json.parseObject(body);
        String type = text(response, "token_type");
        if (!type.equalsIgnoreCase("Bearer")) {
            throw new IllegalArgumentException("token_type is " + type + ", not Bearer");
        }
        return new TokenSet(
                text(response, "access_token"),
                receivedAt.plusSeconds(seconds(response, "expires_in")),
                text(response, "refresh_token"),
                receivedAt.plusSeconds(seconds(response, "refresh_expires_in")));
    }

    /** The {@code message} of an error answer ({@code {"error": "...", "message": "..."}}), if it has one. */
    public static Optional<String> errorMessage(String body) {
        try {
            Object message = Json.parseObject(body).get("message");
            return message instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
        } catch (IllegalArgumentException notJson) {
            return Optional.empty(); // e.g. an HTML page from a proxy
        }
    }

    private static String text(Map<String, Object> response, String name) {
        if (!(response.get(name) instanceof String value) || value.isEmpty()) {
            throw new IllegalArgumentException(name + " is missing or not a string");
        }
        return value;
    }

    private static long seconds(Map<String, Object> response, String name) {
        if (!(response.get(name) instanceof BigDecimal value)) {
            throw new IllegalArgumentException(name + " is missing or not a number");
        }
        long seconds;
        try {
            seconds = value.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " is not a whole number of seconds");
        }
        if (seconds <= 0 || seconds > MAX_LIFETIME_SECONDS) {
            throw new IllegalArgumentException(name + " is out of range: " + seconds);
        }
        return seconds;
    }
}
