package io.chatapp.benchmarks.login;

import javax.security.auth.callback.CallbackHandler;
import org.jivesoftware.smack.sasl.SASLMechanism;

/**
 * SASL OAUTHBEARER (RFC 7628) for Smack, which has none: the initial response carries the access token given as
 * the password. No authorization id is sent; the server takes the user from the token.
 */
final class OAuthBearerMechanism extends SASLMechanism {

    static final String NAME = "OAUTHBEARER";

    @Override
    protected void authenticateInternal(CallbackHandler callbackHandler) {
        throw new UnsupportedOperationException("Only token (password) authentication");
    }

    @Override
    protected byte[] getAuthenticationText() {
        // GS2 header without channel binding or authorization id, then the auth key, ^A separated and terminated.
        return toBytes("n,,\u0001auth=Bearer " + password + "\u0001\u0001");
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getPriority() {
        // Only ever enabled alone, so its rank among mechanisms does not matter.
        return 400;
    }

    @Override
    protected void checkIfSuccessfulOrThrow() {
        // Success is the server's <success/>; there is no server message to check.
    }

    @Override
    protected SASLMechanism newInstance() {
        return new OAuthBearerMechanism();
    }
}
