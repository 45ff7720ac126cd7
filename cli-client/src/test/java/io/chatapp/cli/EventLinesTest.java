package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLinesTest {

    private static ChatMessage message(String from, String body) {
        return new ChatMessage("id-1", from, "phone", "bob@localhost", body, Instant.now(), false);
    }

    @Test
    void messageIsFromColonBody() {
        assertThat(EventLines.message(message("alice-1-ab12cd@localhost", "hello")))
                .isEqualTo("alice-1-ab12cd@localhost: hello");
    }

    @Test
    void messageKeepsTheBodyAsSent() {
        assertThat(EventLines.message(message("alice@localhost", "hello world: 1 + 1 = 2 \u00e9\u65e5\ud83d\ude00")))
                .isEqualTo("alice@localhost: hello world: 1 + 1 = 2 \u00e9\u65e5\ud83d\ude00");
    }

    @Test
    void trailingNewlinesAreDropped() {
        assertThat(EventLines.message("alice@localhost", "hi\r\n\n")).isEqualTo("alice@localhost: hi");
    }

    @Test
    void terminalEscapeSequencesAreDefused() {
        String line = EventLines.message("alice@localhost", "\u001b]0;owned\u0007\u001b[2Jhi\u202e");

        assertThat(line).doesNotContain("\u001b", "\u0007", "\u202e").endsWith("hi\ufffd");
    }

    @Test
    void presenceLines() {
        assertThat(EventLines.presence("alice@localhost", true)).isEqualTo("* alice@localhost is online");
        assertThat(EventLines.presence("alice@localhost", false)).isEqualTo("* alice@localhost is offline");
    }

    @Test
    void contactRequestLineSaysHowToAccept() {
        assertThat(EventLines.contactRequest("carol@localhost"))
                .isEqualTo("* carol@localhost wants to add you (accept with: /accept carol@localhost)");
    }

    @Test
    void statusLineNamesTheMode() {
        assertThat(EventLines.status("alice@localhost", "away", "at lunch"))
                .isEqualTo("* alice@localhost is away: at lunch");
        assertThat(EventLines.status("alice@localhost", "dnd", "")).isEqualTo("* alice@localhost is busy");
        assertThat(EventLines.status("alice@localhost", "available", "")).isEqualTo("* alice@localhost is available");
    }

    @Test
    void delayedMessageInTheShellShowsWhenItWasSent() {
        ChatMessage stored = new ChatMessage("id", "alice@localhost", "", "bob@localhost", "hi",
                Instant.now(), true);

        assertThat(InteractiveShell.messageLine(stored)).matches("\\[\\d\\d:\\d\\d\\] alice@localhost: hi");
        assertThat(InteractiveShell.messageLine(message("alice@localhost", "hi"))).isEqualTo("alice@localhost: hi");
    }
}
