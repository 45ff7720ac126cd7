package io.chatapp.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The whole {@code chatapp} command line: its commands, and the rule that every failure is one line on standard
 * error, {@code chatapp: <what went wrong>}, with exit code 1, or 2 for wrong usage. Stack traces only with -v.
 */
public final class ChatappCli {

    private final CliEnvironment environment;

    public ChatappCli(CliEnvironment environment) {
        this.environment = environment;
    }

    /** Runs the command line and returns the exit code. */
    public int run(String... args) {
        try {
            return commandLine().execute(args);
        } finally {
            environment.out().flush();
            environment.err().flush();
        }
    }

    public CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ChatappCommand(environment));
        commandLine.addSubcommand(new RegisterCommand(environment));
        commandLine.addSubcommand(new LoginCommand(environment));
        commandLine.addSubcommand(new LogoutCommand(environment));
        commandLine.addSubcommand(new SendCommand(environment));
        commandLine.addSubcommand(new SendFileCommand(environment));
        commandLine.addSubcommand(new ListenCommand(environment));
        commandLine.addSubcommand(new HistoryCommand(environment));
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        // Set after the subcommands so that it applies to all of them.
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        commandLine.setParameterExceptionHandler(this::usageError);
        commandLine.setExecutionExceptionHandler(this::failure);
        commandLine.setExecutionStrategy(this::execute);
        return commandLine;
    }

    private int execute(ParseResult parseResult) {
        JavaLogging.configure(environment.verbose());
        return new CommandLine.RunLast().execute(parseResult);
    }

    private int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        environment.err().println("chatapp: " + usageMessage(e) + " (see '"
                + command.getCommandSpec().qualifiedName() + " --help')");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String usageMessage(ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException unmatched && command.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + unmatched.getUnmatched().get(0) + "'; the commands are "
                    + String.join(", ", command.getSubcommands().keySet());
        }
        return FailureMessages.decapitalise(e.getMessage());
    }

    private int failure(Exception e, CommandLine command, ParseResult parseResult) {
        Throwable cause = FailureMessages.unwrap(e);
        if (environment.verbose()) {
            cause.printStackTrace(environment.err());
        }
        environment.err().println("chatapp: " + FailureMessages.of(cause, command.getCommandName()));
        return cause instanceof CliException cli ? cli.exitCode() : CliException.RUNTIME;
    }
}
