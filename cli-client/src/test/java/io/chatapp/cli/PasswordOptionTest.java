package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordOptionTest {

    @TempDir
    Path temporary;

    @Test
    void stdinGivesItsFirstLine() {
        TestEnvironment environment = new TestEnvironment(temporary).password("from-variable");
        environment.stdin = "from stdin\r\nsecond line\n";
        PasswordOption option = new PasswordOption();
        option.fromStdin = true;

        assertThat(option.read(environment.build(), "alice@localhost", false)).isEqualTo("from stdin");
    }

    @Test
    void environmentVariableComesNext() {
        TestEnvironment environment = new TestEnvironment(temporary).password("from-variable");

        assertThat(new PasswordOption().read(environment.build(), "alice@localhost", true))
                .isEqualTo("from-variable");
    }

    @Test
    void otherwiseThePromptAsksForIt() {
        TestEnvironment environment = new TestEnvironment(temporary);
        List<String> prompts = new ArrayList<>();
        environment.console = prompt -> {
            prompts.add(prompt);
            return Optional.of("typed".toCharArray());
        };

        assertThat(new PasswordOption().read(environment.build(), "alice@localhost", true)).isEqualTo("typed");
        assertThat(prompts).containsExactly("Password for alice@localhost: ", "Repeat the password: ");
    }

    @Test
    void mismatchedRepeatFails() {
        TestEnvironment environment = new TestEnvironment(temporary);
        String[] answers = {"one", "two"};
        int[] asked = {0};
        environment.console = prompt -> Optional.of(answers[asked[0]++].toCharArray());

        assertThatThrownBy(() -> new PasswordOption().read(environment.build(), "alice@localhost", true))
                .hasMessage("the passwords do not match");
    }

    @Test
    void noTerminalIsAClearUsageError() {
        TestEnvironment environment = new TestEnvironment(temporary);

        assertThatThrownBy(() -> new PasswordOption().read(environment.build(), "alice@localhost", false))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(CliException.USAGE);
                    assertThat(e.getMessage()).contains("no terminal");
                });
    }
}
