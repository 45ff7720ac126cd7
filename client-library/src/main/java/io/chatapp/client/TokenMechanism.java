package io.chatapp.client;

/** How {@link ChatClient#loginWithToken} presents the access token to the XMPP server (SASL). */
public enum TokenMechanism {
    /** RFC 7628, the standard: {@code auth=Bearer <token>}. */
    OAUTHBEARER("OAUTHBEARER"),
    /** The user name with the token as its password, as Google Talk defined it and Smack sends it. */
    X_OAUTH2("X-OAUTH2");

    private final String saslName;

    TokenMechanism(String saslName) {
        this.saslName = saslName;
    }

    /** The SASL mechanism name on the wire. */
    public String saslName() {
        return saslName;
    }
}
