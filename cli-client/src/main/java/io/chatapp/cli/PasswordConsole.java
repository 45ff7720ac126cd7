package io.chatapp.cli;

import java.io.Console;
import java.util.Optional;

/** Asks for a password on the terminal without echoing it. */
@FunctionalInterface
public interface PasswordConsole {

    /** The typed password, or empty when there is no terminal to ask on. */
    Optional<char[]> readPassword(String prompt);

    /** The process's terminal, through {@link System#console()}. */
    static PasswordConsole system() {
        return prompt -> {
            Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            // readPassword returns null at end of input (Ctrl+D).
            return Optional.ofNullable(console.readPassword("%s", prompt));
        };
    }

    /** No terminal: for tests and scripts. */
    static PasswordConsole none() {
        return prompt -> Optional.empty();
    }
}
