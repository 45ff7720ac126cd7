package io.chatapp.cli;

import picocli.CommandLine.Option;

/** {@code -v/--verbose}, accepted before or after the command name. */
public final class VerboseOption {

    private final CliEnvironment environment;

    public VerboseOption(CliEnvironment environment) {
        this.environment = environment;
    }

    @Option(names = {"-v", "--verbose"},
            description = "Print progress, library warnings and, on failure, the stack trace.")
    void setVerbose(boolean verbose) {
        // Picocli may also call this with the default (false) when it sets up a command: never switch back off.
        if (verbose) {
            environment.verbose(true);
        }
    }
}
