package io.chatapp.plugin.auth;

import io.chatapp.plugin.config.AuthSettings;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.jackson.io.JacksonDeserializer;
import io.jsonwebtoken.jackson.io.JacksonSerializer;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Issues and verifies access tokens: JWTs signed with EdDSA (Ed25519) carrying {@code iss}, {@code aud},
 * {@code sub} (the bare JID), {@code iat}, {@code nbf}, {@code exp}, {@code jti} and {@code roles}, with the signing
 * key's id in the {@code kid} header.
 *
 * <p>Verification accepts only EdDSA with a key we published: {@code alg: none}, HMAC algorithms (the classic
 * "HS256 signed with the public key" attack) and unknown key ids are refused before any signature check. It also
 * checks the times (with a small clock skew), the issuer and the audience. Revocation and account state are checked
 * by {@link TokenService}.
 */
public final class AccessTokens {

    /** Tolerated difference between clocks when checking exp and nbf. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final String EDDSA = "EdDSA";

    private final KeySource keys;
    private final AuthSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final JwtParser parser;

    public AccessTokens(KeySource keys, AuthSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.parser = Jwts.parser()
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(ProtectedHeader header) {
                        if (!EDDSA.equals(header.getAlgorithm())) {
                            throw new UnacceptedTokenException("algorithm " + header.getAlgorithm() + " is not accepted");
                        }
                        String kid = header.getKeyId();
                        if (kid == null) {
                            throw new UnacceptedTokenException("no key id");
                        }
                        return keys.verificationKey(kid)
                                .orElseThrow(() -> new UnacceptedTokenException("unknown key id " + kid));
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
        SigningKey key = keys.current();
        // Whole seconds, as the JWT carries them, so the issued token and the verified one agree.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(settings.accessTokenLifetime());
        String jti = newId();
        Set<String> roleSet = Set.copyOf(new LinkedHashSet<>(roles));
        String token = Jwts.builder()
                .header().keyId(key.kid()).and()
                .issuer(settings.issuer())
                .audience().add(settings.audience()).and()
                .subject(bareJid)
                .issuedAt(Date.from(now))
                .notBefore(Date.from(now))
                .expiration(Date.from(expiresAt))
                .id(jti)
                .claim("roles", roleSet.stream().sorted().toList())
                .signWith(key.privateKey(), Jwts.SIG.EdDSA)
                .json(new JacksonSerializer<>())
                .compact();
        return new AccessToken(token, bareJid, roleSet, jti, now, expiresAt);
    }

    /** Checks signature, algorithm, key, times, issuer and audience; returns what the token says. */
    public AccessToken verify(String token) throws TokenRejectedException {
        if (token == null || token.isBlank() || token.length() > 8_192) {
            throw new TokenRejectedException("no token, or an absurdly long one");
        }
        try {
            Jws<Claims> jws = parser.parseSignedClaims(token);
            Claims claims = jws.getPayload();
            String subject = claims.getSubject();
            String jti = claims.getId();
            if (subject == null || jti == null || claims.getExpiration() == null || claims.getIssuedAt() == null) {
                throw new TokenRejectedException("sub, jti, iat or exp missing");
            }
            Set<String> roles = new LinkedHashSet<>();
            Object claimed = claims.get("roles");
            if (claimed instanceof Collection<?> list) {
                list.forEach(role -> roles.add(String.valueOf(role)));
            }
            return new AccessToken(token, subject, Set.copyOf(roles), jti, claims.getIssuedAt().toInstant(),
                    claims.getExpiration().toInstant());
        } catch (UnacceptedTokenException e) {
            throw new TokenRejectedException(e.getMessage(), e);
        } catch (JwtException | IllegalArgumentException e) {
            throw new TokenRejectedException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
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
