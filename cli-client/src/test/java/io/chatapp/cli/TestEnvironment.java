package io.chatapp.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A {@link CliEnvironment} for tests: a temporary config directory, given input, captured output. */
final class TestEnvironment {

    final Path configDirectory;
    final Map<String, String> variables = new HashMap<>();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    String stdin = "";
    PasswordConsole console = PasswordConsole.none();

    TestEnvironment(Path temporary) {
        this.configDirectory = temporary.resolve("config");
        variables.put(ConfigDirectory.OVERRIDE_VARIABLE, configDirectory.toString());
        variables.put(ConfigDirectory.XDG_VARIABLE, temporary.resolve("xdg-must-not-be-used").toString());
    }

    TestEnvironment password(String password) {
        variables.put(CliEnvironment.PASSWORD_VARIABLE, password);
        return this;
    }

    CliEnvironment build() {
        return new CliEnvironment(variables, configDirectory.resolveSibling("home"),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), console);
    }

    /** Runs chatapp with these arguments and returns the exit code. */
    int run(String... args) {
        return new ChatappCli(build()).run(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    AccountStore store() {
        return new AccountStore(configDirectory);
    }
}
