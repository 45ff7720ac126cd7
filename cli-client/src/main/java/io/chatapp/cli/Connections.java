package io.chatapp.cli;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException;

/** Opens clients for an account and logs them in, failing with clear messages. */
final class Connections {

    private Connections() {
    }

    /**
     * A client for the account, not yet connected.
     *
     * @param reconnect whether it reconnects by itself after a lost connection (for listen and the shell)
     */
    static ChatClient open(Account account, boolean reconnect) {
        try {
            return ChatClient.create(account.clientConfig(reconnect));
        } catch (ChatClientException e) {
            throw new CliException(FailureMessages.of(e, "connection"), e);
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid account settings: " + e.getMessage(), e);
        }
    }

    /** Connects and logs in; fails with e.g. {@code login failed: wrong user name or password}. */
    static void login(ChatClient client, Account account, CliEnvironment environment) {
        environment.note("Connecting to " + account.server() + ":" + account.port() + " as " + account.bareJid()
                + " (TLS " + account.tlsPolicy().name().toLowerCase(java.util.Locale.ROOT) + ")");
        Await.result(client.login(account.username(), account.password()), "login");
        environment.note("Logged in as " + client.jid().orElse(account.bareJid()));
    }
}
