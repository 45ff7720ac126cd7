package io.chatapp.cli;

import io.chatapp.client.ChatClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code chatapp register USERNAME}: creates an account on the server by in-band registration. */
@Command(name = "register", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Create an account on the server (in-band registration). Does not save it: run "
                + "'chatapp login' with the same options afterwards.",
        footer = {"", "Example:",
                "  chatapp register --server localhost --trust server-certificate.pem alice"})
public final class RegisterCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    PasswordOption password = new PasswordOption();

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "USERNAME", description = "The new user name, e.g. alice.")
    String username;

    public RegisterCommand(CliEnvironment environment) {
        this.environment = environment;
        this.verbose = new VerboseOption(environment);
    }

    @Override
    public Integer call() {
        String jid = Jids.toBareJid(username, server.domain());
        String secret = password.read(environment, jid, true);
        Account account = server.account(username, secret);
        try (ChatClient client = Connections.open(account, false)) {
            environment.note("Connecting to " + account.server() + ":" + account.port());
            Await.result(client.register(account.username(), account.password()), "registration");
        }
        environment.out().println("Registered " + jid + ". To use it, run 'chatapp login' with the same options.");
        return 0;
    }
}
