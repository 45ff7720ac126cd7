package io.chatapp.cli;

/** The {@code chatapp} program: {@code java -jar chatapp-cli.jar [COMMAND] [OPTIONS]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Quiet from the first moment: the libraries may log while the command line is still being read.
        JavaLogging.configure(false);
        int exitCode = new ChatappCli(CliEnvironment.system()).run(args);
        System.exit(exitCode);
    }
}
