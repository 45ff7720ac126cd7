package io.chatapp.plugin.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The claims of an access token whose signature has already been checked, read from the token's own JSON and held
 * to exactly what {@link AccessTokenWriter} writes. The JWT library is lenient where we must not be: it reads
 * {@code "exp": "1893456000"} (a string) or {@code 1e20} (a float) as a date, and it knows nothing of our subject
 * format. A signed token that breaks these rules was not made by our issuer as it is written today (a stolen key,
 * a bug, a foreign tool), so it is refused rather than interpreted.
 *
 * <ul>
 *   <li>{@code iss}, {@code sub}, {@code jti} are non-empty strings; {@code aud} is a string or a list of strings
 *       (their values are checked by the JWT parser); {@code roles} is a list of strings.</li>
 *   <li>{@code sub} is a bare JID exactly as issued: the canonical (lower-case) user name, {@code @}, a lower-case
 *       domain. {@code ALICE@example.org} is refused, not folded to {@code alice}.</li>
 *   <li>{@code iat}, {@code nbf}, {@code exp} are JSON integers (no strings, no fractions or exponents) of seconds
 *       since the epoch, with {@code iat <= nbf < exp}; {@code iat} lies no further ahead than the clock skew and
 *       {@code exp} no further ahead than the access token lifetime plus the skew.</li>
 *   <li>No claim appears twice (a parser that took the first of two {@code sub}s would see another user than one
 *       that took the last).</li>
 * </ul>
 *
 * @param subject   the bare JID
 * @param jti       the token's id
 * @param issuedAt  {@code iat}
 * @param notBefore {@code nbf}
 * @param expiresAt {@code exp}
 * @param roles     the roles, in the token's order
 */
record TokenClaims(String subject, String jti, Instant issuedAt, Instant notBefore, Instant expiresAt,
                   Set<String> roles) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    /**
     * Reads the payload of a compact JWS whose signature is valid.
     *
     * @param now      the verifier's clock
     * @param lifetime the longest an access token may live ({@code chatapp.auth.accessTokenMinutes})
     * @param skew     the tolerated difference between clocks
     */
    static TokenClaims read(String token, Instant now, Duration lifetime, Duration skew) throws TokenRejectedException {
        JsonNode claims = payload(token);
        text(claims, "iss");
        audience(claims);
        String subject = subject(text(claims, "sub"));
        String jti = text(claims, "jti");
        long issuedAt = seconds(claims, "iat");
        long notBefore = seconds(claims, "nbf");
        long expiresAt = seconds(claims, "exp");
        if (issuedAt > notBefore || notBefore >= expiresAt) {
            throw new TokenRejectedException("iat, nbf and exp out of order");
        }
        if (issuedAt > now.plus(skew).getEpochSecond()) {
            throw new TokenRejectedException("iat lies in the future");
        }
        if (expiresAt > now.plus(lifetime).plus(skew).getEpochSecond()) {
            throw new TokenRejectedException("exp lies further ahead than an access token lives");
        }
        return new TokenClaims(subject, jti, Instant.ofEpochSecond(issuedAt), Instant.ofEpochSecond(notBefore),
                Instant.ofEpochSecond(expiresAt), roles(claims));
    }

    private static JsonNode payload(String token) throws TokenRejectedException {
        int first = token.indexOf('.');
        int last = token.lastIndexOf('.');
        if (first < 0 || last <= first) {
            throw new TokenRejectedException("not a compact JWS");
        }
        try {
            JsonNode claims = JSON.readTree(BASE64URL.decode(token.substring(first + 1, last)));
            if (claims == null || !claims.isObject()) {
                throw new TokenRejectedException("the payload is not a JSON object");
            }
            return claims;
        } catch (IOException | IllegalArgumentException e) {
            throw new TokenRejectedException("unreadable payload: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode claims, String name) throws TokenRejectedException {
        JsonNode value = claims.get(name);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new TokenRejectedException(name + " missing or not a non-empty string");
        }
        return value.textValue();
    }

    private static void audience(JsonNode claims) throws TokenRejectedException {
        JsonNode audience = claims.get("aud");
        if (audience != null && audience.isTextual()) {
            return;
        }
        if (audience == null || !audience.isArray() || audience.isEmpty() || !allTextual(audience)) {
            throw new TokenRejectedException("aud missing or not a string or list of strings");
        }
    }

    private static Set<String> roles(JsonNode claims) throws TokenRejectedException {
        JsonNode roles = claims.get("roles");
        if (roles == null || !roles.isArray() || !allTextual(roles)) {
            throw new TokenRejectedException("roles missing or not a list of strings");
        }
        Set<String> result = new LinkedHashSet<>();
        roles.forEach(role -> result.add(role.textValue()));
        return Set.copyOf(result);
    }

    private static boolean allTextual(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** Whole seconds as a JSON integer: Jackson keeps {@code 1e20} and {@code 1.0} as floating point. */
    private static long seconds(JsonNode claims, String name) throws TokenRejectedException {
        JsonNode value = claims.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new TokenRejectedException(name + " missing or not a non-negative integer of seconds");
        }
        return value.longValue();
    }

    /** The subject exactly as issued: canonical user name, {@code @}, lower-case domain. */
    private static String subject(String subject) throws TokenRejectedException {
        int at = subject.indexOf('@');
        String domain = at < 0 ? "" : subject.substring(at + 1);
        boolean canonical = at > 0 && !domain.isEmpty() && domain.indexOf('@') < 0
                && domain.equals(domain.toLowerCase(Locale.ROOT))
                && Usernames.canonical(subject, domain).filter(subject.substring(0, at)::equals).isPresent();
        if (!canonical) {
            throw new TokenRejectedException("sub '" + Usernames.forLog(subject) + "' is not a bare JID as issued");
        }
        return subject;
    }
}
