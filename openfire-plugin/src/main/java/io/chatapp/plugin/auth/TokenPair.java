package io.chatapp.plugin.auth;

import java.time.Duration;

/** What login and refresh hand out: an access token and the refresh token to get the next one. */
public record TokenPair(AccessToken access, String refreshToken, Duration refreshLifetime) {
}
