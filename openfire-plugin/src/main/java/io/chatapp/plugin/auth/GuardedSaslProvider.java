package io.chatapp.plugin.auth;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.security.auth.callback.CallbackHandler;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import javax.security.sasl.SaslServerFactory;

/**
 * Puts the brute-force guard in front of every login mechanism, password or token. Installed first in the JCA
 * provider list, it answers {@code Sasl.createSaslServer} for the guarded mechanisms by asking the next provider that
 * offers the mechanism (Openfire's own PLAIN and SCRAM-SHA-1, our {@link TokenSaslProvider}) and wrapping its server
 * in a {@link GuardedSaslServer}. Only standard JCA and SASL calls are involved, so this works on any Openfire
 * version without touching its authentication code.
 */
public final class GuardedSaslProvider extends Provider {

    private static final long serialVersionUID = 1L;
    public static final String NAME = "ChatAppLoginGuard";
    static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-1", TokenSaslServer.OAUTHBEARER,
            TokenSaslServer.X_OAUTH2);
    private static final String SERVICE_TYPE = "SaslServerFactory";

    /**
     * @param addressOf the client's IP address, from the properties the XMPP server passes to
     *                  {@code Sasl.createSaslServer} (null when unknown)
     */
    public GuardedSaslProvider(LoginGuard guard, AccountStatus status, String domain,
                               Function<Map<String, ?>, String> addressOf) {
        this(guard, status, domain, addressOf, SaslRefusals.NOT_AUTHORIZED, LoginAdmission.UNLIMITED);
    }

    /**
     * @param refusals  how the XMPP server reports a lock-out, a busy server and a disabled account
     * @param admission how many logins run at once
     */
    public GuardedSaslProvider(LoginGuard guard, AccountStatus status, String domain,
                               Function<Map<String, ?>, String> addressOf, SaslRefusals refusals,
                               LoginAdmission admission) {
        super(NAME, "1.0", "chat-app failed-login guard for XMPP logins");
        SaslServerFactory factory = new Factory(this, guard, status, domain, addressOf, refusals, admission);
        for (String mechanism : MECHANISMS) {
            putService(new Service(this, SERVICE_TYPE, mechanism, Factory.class.getName(), null, null) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return factory;
                }
            });
        }
    }

    private record Factory(Provider self, LoginGuard guard, AccountStatus status, String domain,
                           Function<Map<String, ?>, String> addressOf, SaslRefusals refusals,
                           LoginAdmission admission)
            implements SaslServerFactory {

        @Override
        public SaslServer createSaslServer(String mechanism, String protocol, String serverName, Map<String, ?> props,
                                           CallbackHandler handler) throws SaslException {
            if (!MECHANISMS.contains(mechanism)) {
                return null;
            }
            // Each provider is asked for the service directly: Security.getProviders("SaslServerFactory.X") reads
            // every key of every provider that lacks it, case-insensitively (114 us with Openfire's BouncyCastle,
            // SaslLookupBenchmark; 12 % of the client threads' samples in a connection flood, paid again for every
            // login refused as busy).
            for (Provider provider : Security.getProviders()) {
                if (provider == self || provider.getName().equals(NAME)) {
                    continue;
                }
                SaslServer server = delegateServer(provider, mechanism, protocol, serverName, props, handler);
                if (server != null) {
                    return new GuardedSaslServer(server, guard, status, domain, addressOf.apply(props), refusals,
                            admission);
                }
            }
            return null;
        }

        private static SaslServer delegateServer(Provider provider, String mechanism, String protocol,
                                                 String serverName, Map<String, ?> props, CallbackHandler handler)
                throws SaslException {
            Provider.Service service = provider.getService(SERVICE_TYPE, mechanism);
            if (service == null) {
                return null;
            }
            try {
                Object factory = service.newInstance(null);
                return factory instanceof SaslServerFactory saslFactory
                        ? saslFactory.createSaslServer(mechanism, protocol, serverName, props, handler)
                        : null;
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new SaslException("No usable " + mechanism + " provider in " + provider.getName(), e);
            }
        }

        @Override
        public String[] getMechanismNames(Map<String, ?> props) {
            return MECHANISMS.toArray(String[]::new);
        }
    }
}
