package io.chatapp.client.internal;

import java.util.function.Supplier;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/**
 * A connection that logs in with an access token. Smack remembers the password of the last login and presents it
 * again when it reconnects; an access token lives only minutes, so this connection carries where to get the
 * current one instead, and the token mechanisms ({@link TokenSaslMechanism}) ask it at every authentication.
 */
public final class TokenConnection extends XMPPTCPConnection {

    private final Supplier<String> accessTokens;

    public TokenConnection(XMPPTCPConnectionConfiguration configuration, Supplier<String> accessTokens) {
        super(configuration);
        this.accessTokens = accessTokens;
    }

    /** The access token to authenticate with now; may refresh first, so it may block. */
    String currentAccessToken() {
        return accessTokens.get();
    }
}
