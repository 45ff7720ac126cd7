package io.chatapp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** What register and login share: server options, a user name and a password, read the same way. */
abstract class AccountCommand implements Callable<Integer> {

    final CliEnvironment environment;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    PasswordOption password = new PasswordOption();

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "USERNAME", description = "The user name, e.g. alice (or alice@DOMAIN).")
    String username;

    AccountCommand(CliEnvironment environment) {
        this.environment = environment;
        this.verbose = new VerboseOption(environment);
    }

    /** The account the options describe. */
    Account account() {
        return server.account(username);
    }

    /** The password, read as {@link PasswordOption} says (and typed twice when {@code confirm}). */
    String readPassword(boolean confirm) {
        return password.read(environment, bareJid(), confirm);
    }

    String bareJid() {
        return Jids.toBareJid(username, server.domain());
    }
}
