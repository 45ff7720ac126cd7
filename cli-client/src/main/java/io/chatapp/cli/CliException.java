package io.chatapp.cli;

/**
 * A failure to report to the user as one line on standard error, {@code chatapp: <message>}, with an exit code:
 * {@link #RUNTIME} for things that went wrong, {@link #USAGE} for a command that was called wrongly.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Exit code of a command that failed while running (server unreachable, wrong password…). */
    public static final int RUNTIME = 1;
    /** Exit code of a command called with wrong or missing arguments, as picocli uses. */
    public static final int USAGE = 2;

    private final int exitCode;

    public CliException(String message) {
        this(message, RUNTIME, null);
    }

    public CliException(String message, Throwable cause) {
        this(message, RUNTIME, cause);
    }

    private CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A usage error: exit code {@link #USAGE}. */
    public static CliException usage(String message) {
        return new CliException(message, USAGE, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
