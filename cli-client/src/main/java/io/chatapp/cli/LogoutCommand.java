package io.chatapp.cli;

import io.chatapp.client.TokenSet;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code chatapp logout}: revokes the saved login on the server and forgets it here. */
@Command(name = "logout", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Log out: revoke the saved login's tokens on the server, then delete the saved account and "
                + "tokens from this computer.",
                "They are deleted here even when the server cannot be reached (the command then fails)."})
public final class LogoutCommand extends SavedAccountCommand {

    public LogoutCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        AccountStore accounts = environment.accounts();
        TokenStore tokens = environment.tokens();
        Optional<Account> account = readable(() -> accounts.find());
        Optional<TokenSet> saved = readable(() -> tokens.find());
        String notRevoked = null;
        if (account.isPresent() && saved.isPresent()) {
            try {
                Await.result(Connections.tokenApi(account.get()).logout(saved.get()), "logout");
                environment.note("Revoked the login on the server");
            } catch (CliException e) {
                notRevoked = e.getMessage();
            }
        }
        boolean removedTokens = tokens.delete();
        boolean removedAccount = accounts.delete();
        if (removedTokens || removedAccount) {
            environment.out().println("Removed the saved login" + account.map(a -> " " + a.bareJid()).orElse("")
                    + " (" + environment.configDirectory() + ")");
        } else {
            environment.out().println("No saved login.");
        }
        if (notRevoked != null) {
            throw new CliException("could not revoke the login on the server (" + notRevoked + "); it stays valid "
                    + "there until it expires");
        }
        return 0;
    }

    /** A damaged file is deleted all the same; it just cannot be revoked. */
    private static <T> Optional<T> readable(java.util.function.Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (CliException unreadable) {
            return Optional.empty();
        }
    }
}
