package io.chatapp.plugin.auth;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Login with a password, refresh, logout, and full verification of an access token (signature and claims, then
 * revocation and the account still existing), for the HTTP API now and SASL login later.
 */
public final class TokenService {

    private final Accounts accounts;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final RevokedAccessTokens revoked;
    private final Duration refreshLifetime;

    public TokenService(Accounts accounts, AccessTokens accessTokens, RefreshTokens refreshTokens,
                        RevokedAccessTokens revoked, Duration refreshLifetime) {
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revoked = revoked;
        this.refreshLifetime = refreshLifetime;
    }

    /** Tokens for a user name and password; rejected with one message whatever was wrong. */
    public TokenPair login(String username, String password) throws SQLException, TokenRejectedException {
        String canonical = Usernames.canonical(username, accounts.domain()).orElse(null);
        if (canonical == null || password == null || !accounts.checkPassword(canonical, password)) {
            throw new TokenRejectedException("wrong user name or password");
        }
        return pair(canonical, refreshTokens.issue(canonical));
    }

    public TokenPair refresh(String refreshToken) throws SQLException, TokenRejectedException {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new TokenRejectedException("no refresh token");
        }
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
        if (!accounts.exists(rotation.username())) {
            refreshTokens.revokeAll(rotation.username());
            throw new TokenRejectedException("account no longer exists");
        }
        return pair(rotation.username(), rotation.nextToken());
    }

    /** Revokes the refresh token's family and, when given, the access token itself. */
    public void logout(String refreshToken, AccessToken access) throws SQLException {
        if (refreshToken != null && !refreshToken.isBlank()) {
            refreshTokens.revoke(refreshToken);
        }
        if (access != null) {
            revoked.revoke(access.jti(), access.expiresAt());
        }
    }

    /** Revokes every refresh token of the caller (all devices) and the caller's access token. */
    public void logoutEverywhere(AccessToken caller) throws SQLException {
        refreshTokens.revokeAll(caller.username());
        revoked.revoke(caller.jti(), caller.expiresAt());
    }

    /** The access token if it is valid in every respect. */
    public AccessToken verify(String token) throws TokenRejectedException {
        AccessToken access = accessTokens.verify(token);
        if (revoked.isRevoked(access.jti())) {
            throw new TokenRejectedException("revoked");
        }
        if (!access.subject().endsWith("@" + accounts.domain()) || !accounts.exists(access.username())) {
            throw new TokenRejectedException("account no longer exists");
        }
        return access;
    }

    private TokenPair pair(String username, String refreshToken) {
        String bareJid = username + "@" + accounts.domain();
        return new TokenPair(accessTokens.issue(bareJid, accounts.roles(username)), refreshToken, refreshLifetime);
    }
}
