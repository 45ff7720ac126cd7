package io.chatapp.cli;

import io.chatapp.client.ChatClient;
import picocli.CommandLine.Command;

/** {@code chatapp login USERNAME}: checks the account by logging in once, then saves it for the other commands. */
@Command(name = "login", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Log in once to check the account, then save it (server, user name and password) for "
                + "send, listen and the shell.",
                "The file is only readable by you (mode 0600)."},
        footer = {"", "Example:",
                "  chatapp login --server localhost --trust server-certificate.pem alice"})
public final class LoginCommand extends AccountCommand {

    public LoginCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        Account account = account(false);
        try (ChatClient client = Connections.open(account, false)) {
            Connections.login(client, account, environment);
            Await.quietly(client.logout());
        }
        AccountStore store = environment.accounts();
        store.save(account);
        environment.out().println("Logged in as " + account.bareJid() + "; saved the account in " + store.file());
        return 0;
    }
}
