package io.chatapp.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chatapp logout}: forgets the saved account. */
@Command(name = "logout", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Delete the saved account (and its password) from this computer.")
public final class LogoutCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Mixin
    VerboseOption verbose;

    public LogoutCommand(CliEnvironment environment) {
        this.environment = environment;
        this.verbose = new VerboseOption(environment);
    }

    @Override
    public Integer call() {
        AccountStore store = environment.accounts();
        Optional<String> who;
        try {
            who = store.find().map(Account::bareJid);
        } catch (CliException unreadable) {
            who = Optional.empty(); // a damaged file is deleted all the same
        }
        if (store.delete()) {
            environment.out().println("Removed the saved account" + who.map(jid -> " " + jid).orElse("")
                    + " (" + store.file() + ")");
        } else {
            environment.out().println("No saved account.");
        }
        return 0;
    }
}
