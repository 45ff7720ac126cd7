package io.chatapp.plugin.auth;

import java.security.Provider;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.CallbackHandler;
import javax.security.sasl.SaslServer;
import javax.security.sasl.SaslServerFactory;

/**
 * A JCA provider of the token SASL mechanisms, which is how SASL servers are added to any Java server, Openfire
 * included (portable across its versions). Its factory is an instance holding the token service, not a class found
 * by name, so nothing is static and a plugin reload leaves nothing behind once the provider is removed.
 */
public final class TokenSaslProvider extends Provider {

    private static final long serialVersionUID = 1L;
    public static final String NAME = "ChatAppTokenSasl";
    public static final List<String> MECHANISMS = List.of(TokenSaslServer.OAUTHBEARER, TokenSaslServer.X_OAUTH2);

    /** With every refusal reported as not-authorized. */
    public TokenSaslProvider(TokenService tokens, String domain) {
        this(tokens, domain, SaslRefusals.NOT_AUTHORIZED);
    }

    /** @param refusals how the XMPP server is told the exact SASL failure condition of a refusal */
    public TokenSaslProvider(TokenService tokens, String domain, SaslRefusals refusals) {
        super(NAME, "1.0", "chat-app access-token login (OAUTHBEARER, X-OAUTH2)");
        SaslServerFactory factory = new Factory(tokens, domain, refusals);
        for (String mechanism : MECHANISMS) {
            putService(new Service(this, "SaslServerFactory", mechanism, Factory.class.getName(), null, null) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return factory;
                }
            });
        }
    }

    private record Factory(TokenService tokens, String domain, SaslRefusals refusals) implements SaslServerFactory {

        @Override
        public SaslServer createSaslServer(String mechanism, String protocol, String serverName, Map<String, ?> props,
                                           CallbackHandler handler) {
            return MECHANISMS.contains(mechanism) ? new TokenSaslServer(mechanism, tokens, domain, refusals) : null;
        }

        @Override
        public String[] getMechanismNames(Map<String, ?> props) {
            return MECHANISMS.toArray(String[]::new);
        }
    }
}
