package io.chatapp.plugin.auth;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

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
    private final AccountStatus status;
    private final LoginGuard guard;

    public TokenService(Accounts accounts, AccessTokens accessTokens, RefreshTokens refreshTokens,
                        RevokedAccessTokens revoked, Duration refreshLifetime, AccountStatus status,
                        LoginGuard guard) {
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revoked = revoked;
        this.refreshLifetime = refreshLifetime;
        this.status = status;
        this.guard = guard;
    }

    /**
     * Tokens for a user name and password from a client address; rejected with one message whatever was wrong, and
     * refused outright while the account or the address is locked after too many failures.
     */
    public TokenPair login(String username, String password, String address)
            throws SQLException, TokenRejectedException, LockedOutException {
        String canonical = checkPassword(username, password, address);
        status.loggedIn(canonical);
        return pair(canonical, refreshTokens.issue(canonical));
    }

    /**
     * Checks a password under the brute-force guard and returns the canonical user name. Used for logins and to
     * confirm sensitive self-service requests, so guessing through those counts too.
     */
    public String checkPassword(String username, String password, String address)
            throws TokenRejectedException, LockedOutException {
        String canonical = Usernames.canonical(username, accounts.domain()).orElse(null);
        String counted = Usernames.lockoutKey(username, accounts.domain());
        Optional<Duration> wait = guard.retryAfter(counted, address);
        if (wait.isPresent()) {
            throw new LockedOutException(wait.get());
        }
        if (canonical == null || password == null || !accounts.checkPassword(canonical, password)) {
            guard.failed(counted, address);
            throw new TokenRejectedException("wrong user name or password");
        }
        if (status.isDisabled(canonical)) {
            // Only after the password was right: a disabled account is not a way to probe for names.
            throw new TokenRejectedException("account disabled");
        }
        guard.succeeded(canonical);
        return canonical;
    }

    /** Fresh tokens for an account that has just proved who it is some other way (e.g. changed its password). */
    public TokenPair issueFor(String username) throws SQLException {
        return pair(username, refreshTokens.issue(username));
    }

    /** Removes the user's tokens from storage (account deletion). */
    public void forget(String username) throws SQLException {
        refreshTokens.deleteAll(username);
    }

    /** Revokes every refresh token of the user; access tokens are cut off through {@link AccountStatus}. */
    public int revokeAllRefreshTokens(String username) throws SQLException {
        return refreshTokens.revokeAll(username);
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
        if (status.isDisabled(rotation.username())) {
            throw new TokenRejectedException("account disabled");
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

    /** The access token if it is valid in every respect. */
    public AccessToken verify(String token) throws TokenRejectedException {
        AccessToken access = accessTokens.verify(token);
        if (revoked.isRevoked(access.jti())) {
            throw new TokenRejectedException("revoked");
        }
        String username = access.username();
        if (access.issuedAt().isBefore(status.tokensValidAfter(username))) {
            throw new TokenRejectedException("issued before the account's last forced logout");
        }
        if (status.isDisabled(username)) {
            throw new TokenRejectedException("account disabled");
        }
        if (!access.subject().endsWith("@" + accounts.domain()) || !accounts.exists(username)) {
            throw new TokenRejectedException("account no longer exists");
        }
        return access;
    }

    private TokenPair pair(String username, String refreshToken) {
        String bareJid = username + "@" + accounts.domain();
        return new TokenPair(accessTokens.issue(bareJid, accounts.roles(username), status.tokensValidAfter(username)),
                refreshToken, refreshLifetime);
    }
}
