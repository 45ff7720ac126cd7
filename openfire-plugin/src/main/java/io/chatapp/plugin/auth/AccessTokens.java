package io.chatapp.plugin.auth;

import io.chatapp.plugin.config.AuthSettings;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.jackson.io.JacksonDeserializer;
import io.jsonwebtoken.lang.NestedCollection;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.security.Key;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and verifies access tokens: JWTs signed with EdDSA (Ed25519) carrying {@code iss}, {@code aud},
 * {@code sub} (the bare JID), {@code iat}, {@code nbf}, {@code exp}, {@code jti} and {@code roles}, with the signing
 * key's id in the {@code kid} header.
 *
 * <p>Verification accepts only EdDSA with a key we published: {@code alg: none}, HMAC algorithms (the classic
 * "HS256 signed with the public key" attack) and unknown key ids are refused before any signature check. It also
 * checks the times (with a small clock skew), the issuer and the audience. Revocation and account state are checked
 * by {@link TokenService}, after this and on every call, so remembering verified tokens here is safe. Once the
 * signature holds, the claims are read strictly by {@link TokenClaims}: types, subject spelling and time ranges
 * exactly as our issuer writes them.
 *
 * <p>Signatures are made and checked with BouncyCastle's Ed25519 ({@link Ed25519}); tokens are written by
 * {@link AccessTokenWriter} and parsed by the JWT library, which knows no other algorithm.
 */
public final class AccessTokens {

    /** Tolerated difference between clocks when checking exp and nbf. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** A verification key is decoded once per key; this bounds the map if keys rotate often over a long uptime. */
    private static final int MAX_DECODED_KEYS = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeySource keys;
    private final AuthSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final JwtParser parser;
    private final VerifiedTokenCache verified = new VerifiedTokenCache();
    private final Map<String, Ed25519VerificationKey> decodedKeys = new ConcurrentHashMap<>();
    private volatile AccessTokenWriter writer;

    public AccessTokens(KeySource keys, AuthSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        JwtParserBuilder builder = Jwts.parser();
        // Ours replaces the library's EdDSA, and every other algorithm is removed: the key locator refuses them
        // anyway, this makes the parser unable to even try one.
        NestedCollection<SecureDigestAlgorithm<?, ?>, JwtParserBuilder> algorithms =
                builder.sig().add(new Ed25519JwsAlgorithm());
        Jwts.SIG.get().values().stream().filter(standard -> !Ed25519JwsAlgorithm.ID.equals(standard.getId()))
                .forEach(algorithms::remove);
        this.parser = algorithms.and()
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(ProtectedHeader header) {
                        if (!Ed25519JwsAlgorithm.ID.equals(header.getAlgorithm())) {
                            throw new UnacceptedTokenException("algorithm " + header.getAlgorithm() + " is not accepted");
                        }
                        String kid = header.getKeyId();
                        if (kid == null) {
                            throw new UnacceptedTokenException("no key id");
                        }
                        return verificationKey(kid);
                    }

                    @Override
                    protected Key doLocate(Header header) {
                        throw new UnacceptedTokenException("unsigned tokens are not accepted");
                    }
                })
                .requireIssuer(settings.issuer())
                .requireAudience(settings.audience())
                .clockSkewSeconds(CLOCK_SKEW.toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .json(new JacksonDeserializer<>())
                .build();
    }

    /** A new access token for the bare JID with the given roles. */
    public AccessToken issue(String bareJid, Collection<String> roles) {
        return issue(bareJid, roles, Instant.MIN);
    }

    /**
     * A new access token whose times start no earlier than {@code notBefore}: after an account's tokens were cut off
     * (cut-offs are whole seconds, rounded up), the first new token must fall after the cut-off, so its {@code iat}
     * and {@code nbf} may lie up to a second ahead, well within the clock skew every verifier allows.
     */
    public AccessToken issue(String bareJid, Collection<String> roles, Instant notBefore) {
        AccessTokenWriter signer = writerFor(keys.current());
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (notBefore.isAfter(now)) {
            now = notBefore.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        Instant expiresAt = now.plus(settings.accessTokenLifetime());
        String jti = newId();
        Set<String> roleSet = Set.copyOf(new LinkedHashSet<>(roles));
        String token = signer.write(new AccessTokenWriter.Claims(settings.issuer(), settings.audience(), bareJid,
                now.getEpochSecond(), expiresAt.getEpochSecond(), jti, roleSet.stream().sorted().toList()));
        return new AccessToken(token, bareJid, roleSet, jti, now, expiresAt);
    }

    /** Checks signature, algorithm, key, times, issuer, audience and claim types; returns what the token says. */
    public AccessToken verify(String token) throws TokenRejectedException {
        if (token == null || token.isBlank() || token.length() > 8_192) {
            throw new TokenRejectedException("no token, or an absurdly long one");
        }
        VerifiedTokenCache.Entry cached = verified.find(token);
        // A remembered token is still checked against the clock, and its key must still be one that may verify
        // (a retired key stops at its deadline); anything else is verified again in full, which says why it fails.
        if (cached != null && cached.validAt(clock.millis()) && keys.verificationKey(cached.kid()).isPresent()) {
            return cached.access();
        }
        // After the cache, which holds only tokens that passed this: a remembered token costs no decoding.
        if (!canonicalSegments(token)) {
            throw new TokenRejectedException("not base64url segments as RFC 7515 writes them (no padding)");
        }
        try {
            Jws<Claims> jws = parser.parseSignedClaims(token);
            TokenClaims claims = TokenClaims.read(token, clock.instant(), settings.accessTokenLifetime(), CLOCK_SKEW);
            AccessToken access = new AccessToken(token, claims.subject(), claims.roles(), claims.jti(),
                    claims.issuedAt(), claims.expiresAt());
            verified.remember(new VerifiedTokenCache.Entry(token, jws.getHeader().getKeyId(), access,
                    claims.notBefore().minus(CLOCK_SKEW).toEpochMilli(),
                    claims.expiresAt().plus(CLOCK_SKEW).toEpochMilli()));
            return access;
        } catch (UnacceptedTokenException e) {
            throw new TokenRejectedException(e.getMessage(), e);
        } catch (JwtException | IllegalArgumentException e) {
            throw new TokenRejectedException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether every dot-separated part is base64url exactly as an encoder writes it: no padding, no other characters,
     * no stray bits in the last character. The JWT library is more lenient (it accepted our own token with
     * {@code ==} after its claims), so one token had many spellings, each verified in full as a new token and each
     * a way around anything that compares tokens as text.
     */
    private static boolean canonicalSegments(String token) {
        for (String segment : token.split("\\.", -1)) {
            try {
                if (!BASE64URL.encodeToString(Base64.getUrlDecoder().decode(segment)).equals(segment)) {
                    return false;
                }
            } catch (IllegalArgumentException notBase64url) {
                return false;
            }
        }
        return true;
    }

    /** The decoded form of the key source's key for this id; refuses ids the source does not vouch for now. */
    private Ed25519VerificationKey verificationKey(String kid) {
        PublicKey key = keys.verificationKey(kid)
                .orElseThrow(() -> new UnacceptedTokenException("unknown key id " + kid));
        Ed25519VerificationKey decoded = decodedKeys.get(kid);
        if (decoded == null || decoded.source() != key) {
            decoded = Ed25519VerificationKey.of(kid, key);
            if (decodedKeys.size() >= MAX_DECODED_KEYS) {
                decodedKeys.clear();
            }
            decodedKeys.put(kid, decoded);
        }
        return decoded;
    }

    private AccessTokenWriter writerFor(SigningKey key) {
        AccessTokenWriter current = writer;
        if (current == null || !current.signsWith(key)) {
            current = AccessTokenWriter.forKey(key);
            writer = current;
        }
        return current;
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Thrown from the key locator; jjwt passes it through unchanged. */
    private static final class UnacceptedTokenException extends JwtException {

        private static final long serialVersionUID = 1L;

        UnacceptedTokenException(String message) {
            super(message);
        }
    }
}
