package io.chatapp.client;

/**
 * Hears about a token login's tokens. Refresh tokens are single use: each refresh replaces both tokens, and the
 * previous refresh token is worthless afterwards. An app that keeps tokens across runs must store every new set
 * it hears of here, or its next start presents a used refresh token, which ends the login on every device that
 * shares it.
 */
@FunctionalInterface
public interface TokenListener {

    /** The client refreshed its tokens; {@code tokens} replace the previous ones. */
    void onTokensRefreshed(TokenSet tokens);

    /**
     * The server refused the refresh token (reason {@link ChatClientException.Reason#SESSION_EXPIRED}): the client
     * can no longer log in by itself; the app should ask for the password again. A live connection stays up until
     * it drops, but is not re-established.
     */
    default void onSessionExpired(ChatClientException failure) {
    }
}
