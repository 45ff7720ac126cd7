package io.chatapp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where the password comes from: the first line of standard input with {@code --password-stdin}, else the
 * {@code CHATAPP_PASSWORD} environment variable, else a prompt on the terminal without echo.
 */
public final class PasswordOption {

    @Option(names = "--password-stdin",
            description = "Read the password from the first line of standard input. Without it: "
                    + "$CHATAPP_PASSWORD, else a prompt.")
    boolean fromStdin;

    /**
     * Reads the password.
     *
     * @param account for the prompt, e.g. {@code alice@example.org}
     * @param confirm ask twice when prompting (for a new password)
     */
    public String read(CliEnvironment environment, String account, boolean confirm) {
        if (fromStdin) {
            return fromStandardInput(environment);
        }
        String variable = environment.variable(CliEnvironment.PASSWORD_VARIABLE).orElse("");
        if (!variable.isEmpty()) {
            return variable;
        }
        String password = prompt(environment, "Password for " + account + ": ");
        if (confirm && !password.equals(prompt(environment, "Repeat the password: "))) {
            throw new CliException("the passwords do not match");
        }
        return password;
    }

    private static String fromStandardInput(CliEnvironment environment) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(environment.stdin(),
                    StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null) {
                throw CliException.usage("--password-stdin: nothing on standard input");
            }
            if (line.isEmpty()) {
                throw CliException.usage("--password-stdin: the password is empty");
            }
            return line;
        } catch (IOException e) {
            throw new CliException("--password-stdin: cannot read standard input: " + e.getMessage(), e);
        }
    }

    private static String prompt(CliEnvironment environment, String prompt) {
        char[] typed = environment.console().readPassword(prompt).orElseThrow(() -> CliException.usage(
                "no password: no terminal to ask on; use --password-stdin or set "
                        + CliEnvironment.PASSWORD_VARIABLE));
        try {
            if (typed.length == 0) {
                throw CliException.usage("the password is empty");
            }
            return new String(typed);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }
}
