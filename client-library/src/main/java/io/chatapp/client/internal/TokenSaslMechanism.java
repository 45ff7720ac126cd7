package io.chatapp.client.internal;

import io.chatapp.client.ChatClientException;
import java.nio.charset.StandardCharsets;
import javax.security.auth.callback.CallbackHandler;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.SmackException.SmackSaslException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.sasl.SASLMechanism;

/**
 * SASL mechanisms that present an access token. On a {@link TokenConnection} the token comes from the connection
 * at the moment of authentication (so reconnections use the current token, not the one of the first login);
 * elsewhere the password given to {@code login} is the token, as with Smack's own X-OAUTH2.
 *
 * <p>Smack's mechanism registry is global. These rank just behind PLAIN (400) and just ahead of Smack's X-OAUTH2
 * (410), so a password login on any connection picks exactly what it picked before, while a connection that enables
 * only a token mechanism gets this one.
 */
public abstract class TokenSaslMechanism extends SASLMechanism {

    private static boolean registered;

    /** Registers the mechanisms with Smack, once per JVM. */
    public static synchronized void register() {
        if (!registered) {
            SASLAuthentication.registerSASLMechanism(new OAuthBearer());
            SASLAuthentication.registerSASLMechanism(new XOAuth2());
            registered = true;
        }
    }

    private TokenConnection tokenSource;

    @Override
    public SASLMechanism instanceForAuthentication(XMPPConnection connection, ConnectionConfiguration config) {
        TokenSaslMechanism instance = (TokenSaslMechanism) super.instanceForAuthentication(connection, config);
        instance.tokenSource = connection instanceof TokenConnection tokens ? tokens : null;
        return instance;
    }

    @Override
    protected void authenticateInternal(CallbackHandler callbackHandler) {
        throw new UnsupportedOperationException("A token mechanism needs the token, not a callback handler");
    }

    @Override
    protected byte[] getAuthenticationText() throws SmackSaslException {
        String token;
        try {
            token = tokenSource == null ? password : tokenSource.currentAccessToken();
        } catch (ChatClientException e) {
            throw new SmackSaslException(e);
        }
        return initialResponse(token).getBytes(StandardCharsets.UTF_8);
    }

    /** The client's first message, carrying the token. */
    abstract String initialResponse(String accessToken);

    @Override
    protected void checkIfSuccessfulOrThrow() {
        // success is the server's word alone: nothing to check on this side
    }

    /** RFC 7628 OAUTHBEARER. */
    static final class OAuthBearer extends TokenSaslMechanism {

        @Override
        String initialResponse(String accessToken) {
            // GS2 header without authzid, then the key-value pairs separated by ^A, ending with ^A^A.
            return "n,,\u0001auth=Bearer " + accessToken + "\u0001\u0001";
        }

        /**
         * After a refused token the server sends an error challenge (a JSON status); RFC 7628 has the client answer
         * with a single ^A, after which the server sends its failure.
         */
        @Override
        protected byte[] evaluateChallenge(byte[] challenge) {
            return new byte[] {0x01};
        }

        @Override
        public String getName() {
            return "OAUTHBEARER";
        }

        @Override
        public int getPriority() {
            return 406;
        }

        @Override
        protected SASLMechanism newInstance() {
            return new OAuthBearer();
        }
    }

    /** X-OAUTH2: the user name and the token, like PLAIN with the token as the password. */
    static final class XOAuth2 extends TokenSaslMechanism {

        @Override
        String initialResponse(String accessToken) {
            return "\u0000" + authenticationId + "\u0000" + accessToken;
        }

        @Override
        public String getName() {
            return "X-OAUTH2";
        }

        @Override
        public int getPriority() {
            return 405;
        }

        @Override
        protected SASLMechanism newInstance() {
            return new XOAuth2();
        }
    }
}
