package io.chatapp.plugin.accounts;

import io.chatapp.plugin.accounts.AccountException.Kind;
import io.chatapp.plugin.auth.Accounts;
import io.chatapp.plugin.auth.LockedOutException;
import io.chatapp.plugin.auth.LoginGuard;
import io.chatapp.plugin.auth.TokenPair;
import io.chatapp.plugin.auth.TokenService;
import io.chatapp.plugin.auth.Usernames;
import io.chatapp.plugin.config.AccountSettings;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account life cycle: registration, self-service (password change, deletion) and what administrators do (disable,
 * enable, delete, force logout). Openfire's user store keeps the account and its hashed password; this service keeps
 * the plugin's records, tokens and live sessions in step with it.
 */
public final class AccountService {

    private final java.util.List<DeletionHook> deletionHooks = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    private final Accounts accounts;
    private final AccountDirectory directory;
    private final TokenService tokens;
    private final LoginGuard guard;
    private final AddressRateLimiter registrations;
    private final PasswordPolicy passwords;
    private final AccountSettings settings;

    public AccountService(Accounts accounts, AccountDirectory directory, TokenService tokens, LoginGuard guard,
                          AddressRateLimiter registrations, AccountSettings settings) {
        this.accounts = accounts;
        this.directory = directory;
        this.tokens = tokens;
        this.guard = guard;
        this.registrations = registrations;
        this.passwords = new PasswordPolicy(settings.passwordMinLength());
        this.settings = settings;
    }

    /** Creates an account through the HTTP API; returns its (lower-case) user name. */
    public String register(String requestedName, String password, String address)
            throws AccountException, SQLException {
        if (!settings.httpRegistration()) {
            throw new AccountException(Kind.NOT_ALLOWED, "Registration is closed on this server.");
        }
        countRegistrationAttempt(address);
        String username = checkNewAccount(requestedName, password);
        if (!accounts.create(username, password)) {
            throw new AccountException(Kind.CONFLICT, UsernamePolicy.TAKEN);
        }
        directory.registered(username);
        LOG.info("Account '{}' registered over HTTP", username);
        return username;
    }

    /**
     * Checks a new account's name and password (for both HTTP and in-band registration), counting the attempt against
     * the address; returns the name as it will be stored.
     */
    public String checkInBandRegistration(String requestedName, String password, String address)
            throws AccountException {
        if (!settings.inBandRegistration()) {
            throw new AccountException(Kind.NOT_ALLOWED, "In-band registration is closed on this server.");
        }
        countRegistrationAttempt(address);
        return checkNewAccount(requestedName, password);
    }

    /** Notes an account created in-band (the user store created it). */
    public void registeredInBand(String username) throws SQLException {
        directory.registered(username);
        LOG.info("Account '{}' registered in-band", username);
    }

    /** Whether the user store has the account. */
    public boolean exists(String username) {
        return accounts.exists(username);
    }

    /** After a password change made elsewhere (in-band): every token issued until now stops working. */
    public void revokeTokensAfterPasswordChange(String username) throws SQLException {
        tokens.revokeAllRefreshTokens(username);
        directory.cutOffTokens(username);
        LOG.info("Account '{}' changed its password in-band; its tokens were revoked", username);
    }

    /** Whether a password is acceptable for the user; the reason when not. */
    public Optional<String> passwordProblem(String username, String password) {
        return passwords.problem(username, password);
    }

    /**
     * Changes the caller's password after checking the current one. Every refresh token and every access token
     * issued until now stop working (other devices must log in again); the caller gets fresh tokens.
     */
    public TokenPair changePassword(String username, String currentPassword, String newPassword, String address)
            throws AccountException, SQLException {
        checkPassword(username, currentPassword, address);
        Optional<String> problem = passwords.problem(username, newPassword);
        if (problem.isPresent()) {
            throw new AccountException(Kind.INVALID, problem.get());
        }
        accounts.changePassword(username, newPassword);
        tokens.revokeAllRefreshTokens(username);
        directory.cutOffTokens(username);
        LOG.info("Account '{}' changed its password; its tokens were revoked", username);
        return tokens.issueFor(username);
    }

    /** Deletes the caller's own account after checking the password. */
    public void deleteOwnAccount(String username, String password, String address)
            throws AccountException, SQLException {
        checkPassword(username, password, address);
        delete(username);
    }

    /** Revokes every token of the user and closes their XMPP sessions; returns the number of sessions closed. */
    public int forceLogout(String username) throws SQLException {
        tokens.revokeAllRefreshTokens(username);
        directory.cutOffTokens(username);
        int closed = accounts.closeSessions(username);
        LOG.info("Account '{}' logged out everywhere ({} sessions closed)", username, closed);
        return closed;
    }

    /**
     * The canonical name of the existing account that a spelling names: the user name or the bare JID of this domain,
     * in any case. Everything the plugin keeps about an account is keyed by this one spelling, so every route that
     * takes a user from a client goes through here (or {@code Usernames}) before it touches a record.
     */
    public String existingAccount(String spelling) throws AccountException {
        String username = Usernames.canonical(spelling, accounts.domain()).orElse(null);
        requireExisting(username);
        return username;
    }

    public void disable(String admin, String spelling) throws AccountException, SQLException {
        String username = existingAccount(spelling);
        if (admin.equals(username)) {
            throw new AccountException(Kind.CONFLICT, "Administrators cannot disable themselves.");
        }
        directory.disable(username);
        tokens.revokeAllRefreshTokens(username);
        int closed = accounts.closeSessions(username);
        LOG.info("Account '{}' disabled by '{}' ({} sessions closed)", username, admin, closed);
    }

    public void enable(String admin, String spelling) throws AccountException, SQLException {
        String username = existingAccount(spelling);
        directory.enable(username);
        LOG.info("Account '{}' enabled by '{}'", username, admin);
    }

    public void deleteByAdmin(String admin, String spelling) throws AccountException, SQLException {
        String username = existingAccount(spelling);
        if (admin.equals(username)) {
            throw new AccountException(Kind.CONFLICT, "Administrators cannot delete themselves here.");
        }
        delete(username);
        LOG.info("Account '{}' deleted by '{}'", username, admin);
    }

    /** An administrator's forced logout of an existing account; returns the number of sessions closed. */
    public int forceLogoutByAdmin(String admin, String spelling) throws AccountException, SQLException {
        String username = existingAccount(spelling);
        LOG.info("Account '{}' logged out by '{}'", username, admin);
        return forceLogout(username);
    }

    /** The account as administrators see it. */
    public AccountRecord find(String spelling) throws AccountException, SQLException {
        String username = existingAccount(spelling);
        Optional<AccountRecord> known = directory.find(username);
        return known.orElseGet(() -> new AccountRecord(username, null, null, null, null));
    }

    /** A page of accounts the plugin knows (registered through it or logged in since it was installed). */
    public List<AccountRecord> list(String search, int offset, int limit) throws SQLException {
        return directory.list(search, offset, limit);
    }

    public int count(String search) throws SQLException {
        return directory.count(search);
    }

    /** Removes the account from the user store and everything the plugin keeps about it. */
    public void delete(String username) throws SQLException {
        directory.disable(username);
        accounts.closeSessions(username);
        accounts.delete(username);
        tokens.forget(username);
        directory.remove(username);
        guard.succeeded(username);
        for (DeletionHook hook : deletionHooks) {
            hook.deleted(username);
        }
        LOG.info("Account '{}' deleted with its plugin data", username);
    }

    /** What another feature removes when an account is deleted (e.g. its last-seen record). */
    @FunctionalInterface
    public interface DeletionHook {
        void deleted(String username) throws SQLException;
    }

    /** Adds data to remove with every deleted account; features register theirs once at start-up. */
    public void onDeletion(DeletionHook hook) {
        deletionHooks.add(hook);
    }

    private void checkPassword(String username, String password, String address)
            throws AccountException, SQLException {
        try {
            tokens.checkPassword(username, password, address);
        } catch (LockedOutException e) {
            throw new AccountException(Kind.TOO_MANY, LockedOutException.MESSAGE, e.retryAfter());
        } catch (io.chatapp.plugin.auth.TokenRejectedException e) {
            throw new AccountException(Kind.WRONG_PASSWORD, "The password is wrong.");
        }
    }

    /** Every attempt counts, successful or not, so probing for taken names costs the same as registering. */
    private void countRegistrationAttempt(String address) throws AccountException {
        Optional<java.time.Duration> wait = registrations.attempt(address);
        if (wait.isPresent()) {
            throw new AccountException(Kind.TOO_MANY, "Too many registration attempts from your address.", wait.get());
        }
    }

    private void requireExisting(String username) throws AccountException {
        if (username == null || !accounts.exists(username)) {
            throw new AccountException(Kind.NOT_FOUND, "No such account.");
        }
    }

    private String checkNewAccount(String requestedName, String password) throws AccountException {
        UsernamePolicy.Result name = UsernamePolicy.check(requestedName);
        if (name.problem().isPresent()) {
            throw new AccountException(Kind.INVALID, name.problem().get());
        }
        String username = name.username().orElseThrow();
        Optional<String> problem = passwords.problem(username, password);
        if (problem.isPresent()) {
            throw new AccountException(Kind.INVALID, problem.get());
        }
        return username;
    }
}
