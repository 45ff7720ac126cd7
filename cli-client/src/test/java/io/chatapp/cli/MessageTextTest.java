package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void ordinaryTextIsSendable() {
        String text = "Hello\tworld,\nsecond line \u00e9 \u65e5\u672c \ud83d\ude00";

        assertThat(MessageText.requireSendable(text)).isEqualTo(text);
    }

    @Test
    void controlCharactersXmlCannotCarryAreRefused() {
        assertThatThrownBy(() -> MessageText.requireSendable("red \u001b[31m"))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(CliException.USAGE);
                    assertThat(e.getMessage()).contains("U+001B");
                });
    }

    @Test
    void loneSurrogateIsRefused() {
        assertThatThrownBy(() -> MessageText.requireSendable("broken \ud83d")).isInstanceOf(CliException.class);
    }

    @Test
    void blankMessageIsRefused() {
        assertThatThrownBy(() -> MessageText.requireSendable("  ")).hasMessage("the message is empty");
    }
}
