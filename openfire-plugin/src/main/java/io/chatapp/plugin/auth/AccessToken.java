package io.chatapp.plugin.auth;

import java.time.Instant;
import java.util.Set;

/**
 * A verified (or freshly issued) access token.
 *
 * @param token     the compact JWT
 * @param subject   the bare JID it was issued to
 * @param roles     {@code user}, and {@code admin} for Openfire's admins
 * @param jti       its unique id, used to revoke it
 * @param issuedAt  when it was issued (whole seconds, as in the JWT)
 * @param expiresAt when it stops being valid
 */
public record AccessToken(String token, String subject, Set<String> roles, String jti, Instant issuedAt,
                          Instant expiresAt) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The user name: the part of the bare JID before the {@code @}. */
    public String username() {
        int at = subject.indexOf('@');
        return at < 0 ? subject : subject.substring(0, at);
    }

    @Override
    public String toString() {
        return "AccessToken[subject=" + subject + ", roles=" + roles + ", jti=" + jti + ", expiresAt=" + expiresAt + "]";
    }
}
