package io.chatapp.plugin.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Writes access tokens as JWS compact serialisations signed with EdDSA (Ed25519). Written here rather than with the
 * JWT library's builder because that builder is made by reflection on every call and issuing is a hot path; there
 * is nothing to parse or trust when writing, only our own values to encode.
 *
 * <p>One writer per signing key: the protected header ({@code {"kid":…,"alg":"EdDSA"}}) is encoded once.
 */
final class AccessTokenWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SigningKey source;
    private final Ed25519PrivateKeyParameters key;
    private final String encodedHeader;

    private AccessTokenWriter(SigningKey source, Ed25519PrivateKeyParameters key, String encodedHeader) {
        this.source = source;
        this.key = key;
        this.encodedHeader = encodedHeader;
    }

    static AccessTokenWriter forKey(SigningKey source) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", source.kid());
        header.put("alg", Ed25519JwsAlgorithm.ID);
        return new AccessTokenWriter(source, Ed25519.privateKey(source.privateKey()), encode(header));
    }

    /** Whether this writer signs with exactly this key (the key source replaces its object when it rotates). */
    boolean signsWith(SigningKey candidate) {
        return source == candidate;
    }

    /** The compact token for these claims, in this order: iss, aud, sub, iat, nbf, exp, jti, roles. */
    String write(Claims claims) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", claims.issuer());
        payload.put("aud", List.of(claims.audience()));
        payload.put("sub", claims.subject());
        payload.put("iat", claims.issuedAtSeconds());
        payload.put("nbf", claims.issuedAtSeconds());
        payload.put("exp", claims.expiresAtSeconds());
        payload.put("jti", claims.jti());
        payload.put("roles", claims.roles());
        String signingInput = encodedHeader + '.' + encode(payload);
        byte[] signature = Ed25519.sign(key, signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + '.' + BASE64URL.encodeToString(signature);
    }

    private static String encode(Map<String, Object> json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings, numbers and lists always serialise", e);
        }
    }

    /** What a new token says; times in whole seconds since the epoch, as JWTs carry them. */
    record Claims(String issuer, String audience, String subject, long issuedAtSeconds, long expiresAtSeconds,
                  String jti, List<String> roles) {
    }
}
