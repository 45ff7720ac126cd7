package io.chatapp.cli;

import io.chatapp.client.ChatClient;
import picocli.CommandLine.Command;

/** {@code chatapp register USERNAME}: creates an account on the server by in-band registration. */
@Command(name = "register", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Create an account on the server (in-band registration). Does not save it: run "
                + "'chatapp login' with the same options afterwards.",
        footer = {"", "Example:",
                "  chatapp register --server localhost --trust server-certificate.pem alice"})
public final class RegisterCommand extends AccountCommand {

    public RegisterCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        Account account = account();
        String password = readPassword(true);
        try (ChatClient client = Connections.open(account, false)) {
            environment.note("Connecting to " + account.server() + ":" + account.port());
            Await.result(client.register(account.username(), password), "registration");
        }
        environment.out().println("Registered " + bareJid()
                + ". To use it, run 'chatapp login' with the same options.");
        return 0;
    }
}
