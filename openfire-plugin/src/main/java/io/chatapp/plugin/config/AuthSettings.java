package io.chatapp.plugin.config;

import java.time.Duration;

/**
 * Token settings (see {@link Settings} for the properties).
 *
 * @param issuer              the {@code iss} of access tokens
 * @param audience            the {@code aud} of access tokens
 * @param accessTokenLifetime how long an access token is valid
 * @param refreshTokenLifetime how long a refresh token is valid
 * @param keyRotation         how often the signing key is replaced
 */
public record AuthSettings(String issuer, String audience, Duration accessTokenLifetime,
                           Duration refreshTokenLifetime, Duration keyRotation) {
}
