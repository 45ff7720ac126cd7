package io.chatapp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What the commands working on the saved login (rather than on options naming an account, see
 * {@link AccountCommand}) share: the process they run in and {@code -v/--verbose}.
 */
abstract class SavedAccountCommand implements Callable<Integer> {

    final CliEnvironment environment;

    @Mixin
    VerboseOption verbose;

    SavedAccountCommand(CliEnvironment environment) {
        this.environment = environment;
        this.verbose = new VerboseOption(environment);
    }
}
