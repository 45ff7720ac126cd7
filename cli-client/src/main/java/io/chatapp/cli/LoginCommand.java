package io.chatapp.cli;

import io.chatapp.client.ChatClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code chatapp login USERNAME}: checks the account by logging in once, then saves it for the other commands. */
@Command(name = "login", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Log in once to check the account, then save it (server, user name and password) for "
                + "send, listen and the shell.",
                "The file is only readable by you (mode 0600)."},
        footer = {"", "Example:",
                "  chatapp login --server localhost --trust server-certificate.pem alice"})
public final class LoginCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    PasswordOption password = new PasswordOption();

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "USERNAME", description = "Your user name, e.g. alice (or alice@DOMAIN).")
    String username;

    public LoginCommand(CliEnvironment environment) {
        this.environment = environment;
        this.verbose = new VerboseOption(environment);
    }

    @Override
    public Integer call() {
        String jid = Jids.toBareJid(username, server.domain());
        String secret = password.read(environment, jid, false);
        Account account = server.account(username, secret);
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
