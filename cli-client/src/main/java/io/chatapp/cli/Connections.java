package io.chatapp.cli;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException;
import io.chatapp.client.TokenClient;
import io.chatapp.client.TokenListener;
import io.chatapp.client.TokenSet;
import java.util.concurrent.atomic.AtomicBoolean;

/** Opens clients for an account and logs them in with the saved tokens, failing with clear messages. */
final class Connections {

    static final String NO_LOGIN = "no saved login; run 'chatapp login' first";

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

    /**
     * A client for the account that does not reconnect, connected and logged in as {@link #login} does (for the
     * one-shot commands); closed again when that fails.
     */
    static ChatClient openLoggedIn(Account account, CliEnvironment environment) {
        ChatClient client = open(account, false);
        try {
            login(client, account, environment);
            return client;
        } catch (RuntimeException | Error e) {
            try {
                client.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The token API for the account. */
    static TokenClient tokenApi(Account account) {
        try {
            return TokenClient.create(account.clientConfig(false));
        } catch (ChatClientException e) {
            throw new CliException(FailureMessages.of(e, "login"), e);
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid account settings: " + e.getMessage(), e);
        }
    }

    /**
     * Connects and logs in with the saved tokens, saving every new set the client gets (refresh tokens are single
     * use: the next run needs the newest). Fails with e.g. {@code your login has expired or was revoked; run
     * 'chatapp login' again}.
     */
    static void login(ChatClient client, Account account, CliEnvironment environment) {
        TokenStore store = environment.tokens();
        TokenSet tokens = store.find().orElseGet(() -> tokensForLegacyPassword(account, environment));
        AtomicBoolean loggedIn = new AtomicBoolean();
        client.onTokensRefreshed(new TokenListener() {
            @Override
            public void onTokensRefreshed(TokenSet refreshed) {
                store.save(refreshed);
                environment.note("Saved refreshed tokens in " + store.file());
            }

            @Override
            public void onSessionExpired(ChatClientException failure) {
                // A failing login reports it as its own error line; later, listen and the shell keep running on
                // their connection but will not get back in after it drops: say so.
                if (loggedIn.get()) {
                    environment.err().println("chatapp: " + FailureMessages.of(failure, "login"));
                    environment.err().flush();
                }
            }
        });
        environment.note("Connecting to " + account.server() + ":" + account.port() + " as " + account.bareJid()
                + " (TLS " + account.tlsPolicy().name().toLowerCase(java.util.Locale.ROOT) + ")");
        Await.result(client.loginWithToken(tokens), "login");
        loggedIn.set(true);
        environment.note("Logged in as " + client.jid().orElse(account.bareJid()));
    }

    /**
     * Restores where the account's catch-up starts (before {@link #login}): what arrived after the last message
     * shown is then delivered first, once.
     */
    static void restoreCursor(ChatClient client, Account account, CliEnvironment environment) {
        environment.cursors().find(account.bareJid()).ifPresent(archiveId -> {
            try {
                client.history().startAfter(archiveId);
                environment.note("Catching up after archive id " + archiveId);
            } catch (ChatClientException invalid) {
                environment.note("Ignoring the saved archive position: " + invalid.getMessage());
            }
        });
    }

    /** Saves the archive id of a message shown; a failure is said once on standard error and not again. */
    static void saveCursor(Account account, CliEnvironment environment, String archiveId, AtomicBoolean failedBefore) {
        try {
            environment.cursors().save(account.bareJid(), archiveId);
        } catch (CliException e) {
            if (!failedBefore.getAndSet(true)) {
                environment.err().println("chatapp: " + e.getMessage());
                environment.err().flush();
            }
        }
    }

    /**
     * An account saved by a version that kept the password: trade the password for tokens once, and never keep it
     * again (it is removed from the file before anything else happens, whether or not the trade works).
     */
    private static TokenSet tokensForLegacyPassword(Account account, CliEnvironment environment) {
        String password = environment.accounts().takeLegacyPassword()
                .orElseThrow(() -> new CliException(NO_LOGIN));
        environment.note("Replacing the saved password by login tokens");
        try {
            TokenSet tokens = Await.result(tokenApi(account).obtainTokens(account.username(), password), "login");
            environment.tokens().save(tokens);
            return tokens;
        } catch (CliException e) {
            throw new CliException("the saved password was removed (chatapp now keeps login tokens instead) but "
                    + "trading it for tokens failed: " + e.getMessage() + "; run 'chatapp login' again", e);
        }
    }
}
