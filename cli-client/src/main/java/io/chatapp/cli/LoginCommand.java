package io.chatapp.cli;

import io.chatapp.client.ChatClient;
import io.chatapp.client.TokenClient;
import io.chatapp.client.TokenSet;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code chatapp login USERNAME}: trades the password for tokens on the server's HTTP API, checks them by logging
 * in once over XMPP, and saves the account and the tokens (never the password) for the other commands.
 */
@Command(name = "login", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Log in with your password once: get login tokens from the server, check them, and save "
                + "them with the account for send, listen and the shell. The password is not saved.",
                "The files are only readable by you (mode 0600). Logging in again replaces the saved login."},
        footer = {"", "Example:",
                "  chatapp login --server localhost --trust server-certificate.pem alice"})
public final class LoginCommand extends AccountCommand {

    public LoginCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        Account account = account();
        String password = readPassword(false);
        TokenClient api = Connections.tokenApi(account);
        environment.note("Getting login tokens from " + api.baseUrl());
        TokenSet tokens = Await.result(api.obtainTokens(account.username(), password), "login");
        try (ChatClient client = Connections.open(account, false)) {
            environment.note("Checking them: connecting to " + account.server() + ":" + account.port());
            Await.result(client.loginWithToken(tokens), "login");
            tokens = client.tokens().orElse(tokens);
            Await.quietly(client.logout());
        } catch (CliException e) {
            Await.quietly(api.logout(tokens)); // leave no unused login behind on the server
            throw e;
        }
        Optional<Previous> previous = Previous.find(environment);
        environment.accounts().save(account);
        environment.tokens().save(tokens);
        previous.ifPresent(Previous::revoke);
        environment.out().println("Logged in as " + account.bareJid() + "; saved the login in "
                + environment.configDirectory());
        return 0;
    }

    /** The login this one replaces: revoked on its server, as a logout would, so no forgotten login stays valid. */
    private record Previous(Account account, TokenSet tokens) {

        static Optional<Previous> find(CliEnvironment environment) {
            try {
                Optional<Account> account = environment.accounts().find();
                Optional<TokenSet> tokens = environment.tokens().find();
                return account.isPresent() && tokens.isPresent()
                        ? Optional.of(new Previous(account.get(), tokens.get())) : Optional.empty();
            } catch (CliException unreadable) {
                return Optional.empty(); // nothing usable to revoke; it is overwritten
            }
        }

        void revoke() {
            try {
                Await.quietly(Connections.tokenApi(account).logout(tokens));
            } catch (CliException ignored) {
                // best effort: the new login is saved either way
            }
        }
    }
}
