package io.chatapp.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a command takes from the process: environment variables, home directory, standard streams and the
 * terminal. Commands never touch {@link System} directly, so tests give them their own.
 */
public final class CliEnvironment {

    public static final String PASSWORD_VARIABLE = "CHATAPP_PASSWORD";

    private final Map<String, String> variables;
    private final Path userHome;
    private final InputStream stdin;
    private final PrintWriter out;
    private final PrintWriter err;
    private final PasswordConsole console;
    private volatile boolean verbose;

    public CliEnvironment(Map<String, String> variables, Path userHome, InputStream stdin, PrintWriter out,
                          PrintWriter err, PasswordConsole console) {
        this.variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        this.userHome = Objects.requireNonNull(userHome, "userHome");
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.console = Objects.requireNonNull(console, "console");
    }

    /**
     * The real process: its environment, its home, and its standard streams. Output is UTF-8 whatever the locale,
     * so that messages in any language come out intact (and the same for scripts reading them).
     */
    public static CliEnvironment system() {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")),
                new FileInputStream(FileDescriptor.in), out, err, PasswordConsole.system());
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** chatapp's directory: see {@link ConfigDirectory}. */
    public Path configDirectory() {
        return ConfigDirectory.resolve(variables, userHome);
    }

    public AccountStore accounts() {
        return new AccountStore(configDirectory());
    }

    public TokenStore tokens() {
        return new TokenStore(configDirectory());
    }

    public CursorStore cursors() {
        return new CursorStore(configDirectory());
    }

    /** The user's home directory (where /download saves files when there is no ~/Downloads). */
    public Path userHome() {
        return userHome;
    }

    public InputStream stdin() {
        return stdin;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public PasswordConsole console() {
        return console;
    }

    public boolean verbose() {
        return verbose;
    }

    public void verbose(boolean value) {
        this.verbose = value;
    }

    /** With --verbose, prints a progress note on standard error; otherwise nothing. */
    public void note(String text) {
        if (verbose) {
            err.println(text);
            err.flush();
        }
    }
}
