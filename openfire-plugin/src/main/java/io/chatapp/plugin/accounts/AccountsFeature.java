package io.chatapp.plugin.accounts;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.FeatureContext;
import io.chatapp.plugin.Jobs;
import io.chatapp.plugin.auth.AccessTokens;
import io.chatapp.plugin.auth.LoginAdmission;
import io.chatapp.plugin.auth.LoginGuard;
import io.chatapp.plugin.auth.RefreshTokens;
import io.chatapp.plugin.auth.RevokedAccessTokens;
import io.chatapp.plugin.auth.SigningKeys;
import io.chatapp.plugin.auth.TokenRoutes;
import io.chatapp.plugin.auth.TokenService;
import io.chatapp.plugin.config.AuthSettings;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts and logins: the account directory, the login guard and admission, tokens (package {@code auth}), the
 * account service, and their HTTP routes. Provides {@link AccountService}, {@link AccountDirectory},
 * {@link LoginGuard}, {@link LoginAdmission} and {@link TokenService}; its Openfire binding (package
 * {@code accounts.openfire}) puts the token and guard SASL mechanisms, the in-band registration rules and disabled
 * accounts on Openfire.
 */
public final class AccountsFeature implements Feature {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsFeature.class);

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public void start(FeatureContext context) throws Exception {
        AccountDirectory directory = new AccountDirectory(context.database().dataSource(), context.clock());
        directory.reload();
        // Logins noted since the last flush are written before the database closes.
        context.closer().onClose(directory::flushLogins);
        LoginGuard guard = new LoginGuard(context.settings().accounts().lockout(), context.clock());
        AuthSettings auth = context.settings().auth();
        // A retired key keeps verifying for as long as the tokens it signed can live.
        SigningKeys keys = new SigningKeys(context.database().dataSource(), auth.keyRotation(),
                auth.accessTokenLifetime().plus(AccessTokens.CLOCK_SKEW), context.clock());
        keys.current();
        RevokedAccessTokens revoked = new RevokedAccessTokens(context.database().dataSource(), context.clock());
        revoked.reload();
        TokenService tokens = new TokenService(context.accounts(), new AccessTokens(keys, auth, context.clock()),
                new RefreshTokens(context.database().dataSource(), auth.refreshTokenLifetime(), context.clock()),
                revoked, auth.refreshTokenLifetime(), directory, guard);
        AddressRateLimiter registrations = new AddressRateLimiter(
                context.settings().accounts().registrationsPerAddress(), Duration.ofHours(1), context.clock());
        AccountService service = new AccountService(context.accounts(), directory, tokens, guard, registrations,
                context.settings().accounts());
        scheduleUpkeep(context.jobs(), directory, guard, registrations, revoked, auth);

        new TokenRoutes(tokens, keys, context.json()).register(context.http());
        new AccountRoutes(service, tokens, context.json(), context.domain()).register(context.http());
        new AdminRoutes(service, tokens).register(context.http());

        context.services().provide(AccountDirectory.class, directory);
        context.services().provide(LoginGuard.class, guard);
        LoginAdmission admission = new LoginAdmission(context.settings().accounts().loginsInProgress(),
                System::nanoTime);
        // Each refusal is logged at debug only (a crowd makes thousands); the operator sees a line a minute.
        context.jobs().every(Duration.ofMinutes(1), "report logins refused as busy", () -> {
            long refused = admission.takeRefusedCount();
            if (refused > 0) {
                LOG.info("{} XMPP logins were refused as busy in the last minute: more than {} at once"
                        + " (chatapp.xmpp.loginsInProgress); their clients try again", refused, admission.limit());
            }
        });
        context.services().provide(LoginAdmission.class, admission);
        context.services().provide(TokenService.class, tokens);
        context.services().provide(AccountService.class, service);
    }

    private static void scheduleUpkeep(Jobs jobs, AccountDirectory directory, LoginGuard guard,
                                       AddressRateLimiter registrations, RevokedAccessTokens revoked,
                                       AuthSettings auth) {
        // Other nodes' logouts, disabled accounts and token cut-offs take effect here within these periods.
        jobs.every(Duration.ofSeconds(10), "reload revoked tokens", revoked::reload);
        jobs.every(Duration.ofSeconds(10), "reload account states", directory::reload);
        jobs.every(Duration.ofSeconds(5), "record logins", directory::flushLogins);
        jobs.every(Duration.ofMinutes(1), "forget old login failures", () -> {
            guard.forgetOld();
            registrations.forgetOld();
        });
        // A deleted account's tombstone is needed only while its access tokens could still be valid.
        Duration tombstoneAge = auth.accessTokenLifetime().plus(AccessTokens.CLOCK_SKEW).plusMinutes(1);
        jobs.every(Duration.ofMinutes(10), "purge deleted accounts", () -> directory.purgeTombstones(tombstoneAge));
    }
}
