package io.chatapp.plugin.accounts.openfire;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.Jobs;
import io.chatapp.plugin.Services;
import io.chatapp.plugin.accounts.AccountDirectory;
import io.chatapp.plugin.accounts.AccountService;
import io.chatapp.plugin.accounts.AccountsFeature;
import io.chatapp.plugin.auth.GuardedSaslProvider;
import io.chatapp.plugin.auth.LoginAdmission;
import io.chatapp.plugin.auth.LoginGuard;
import io.chatapp.plugin.auth.TokenSaslProvider;
import io.chatapp.plugin.auth.TokenService;
import io.chatapp.plugin.auth.openfire.OpenfireSaslRefusals;
import io.chatapp.plugin.auth.openfire.SaslClientAddress;
import io.chatapp.plugin.openfire.OpenfireFeature;
import io.chatapp.plugin.openfire.OpenfireRegistrations;
import java.security.Security;
import org.jivesoftware.openfire.net.SASLAuthentication;

/**
 * Accounts and logins on Openfire: XMPP login with an access token (a JCA SASL provider and its mechanisms), the
 * failed-login guard and disabled accounts on every SASL mechanism (a provider first in the JCA list that wraps
 * whichever provider comes next), the account rules on in-band registration, and disabled accounts' sessions ended.
 */
public final class AccountsBinding implements OpenfireFeature {

    @Override
    public Feature feature() {
        return new AccountsFeature();
    }

    @Override
    public void bind(Services services, String domain, OpenfireRegistrations registrations) {
        OpenfireSaslRefusals refusals = new OpenfireSaslRefusals();
        TokenSaslProvider tokens = new TokenSaslProvider(services.get(TokenService.class), domain, refusals);
        Security.addProvider(tokens);
        registrations.onClose(() -> Security.removeProvider(tokens.getName()));
        TokenSaslProvider.MECHANISMS.forEach(SASLAuthentication::addSupportedMechanism);
        registrations.onClose(() -> TokenSaslProvider.MECHANISMS.forEach(SASLAuthentication::removeSupportedMechanism));

        AccountDirectory directory = services.get(AccountDirectory.class);
        GuardedSaslProvider guard = new GuardedSaslProvider(services.get(LoginGuard.class), directory, domain,
                SaslClientAddress::of, refusals, services.get(LoginAdmission.class));
        Security.insertProviderAt(guard, 1);
        registrations.onClose(() -> Security.removeProvider(guard.getName()));

        registrations.intercept(new InBandRegistrationGuard(services.get(AccountService.class),
                services.get(Jobs.class).background()));
        registrations.intercept(new DisabledAccountEnforcer(directory, domain));
    }
}
