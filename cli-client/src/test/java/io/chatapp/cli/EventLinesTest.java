package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatMessage;
import io.chatapp.client.LastSeenInfo;
import io.chatapp.client.MessageStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

        assertThat(ShellInterpreter.messageLine(stored, 3, Clock.systemDefaultZone()))
                .matches("#3 \\[\\d\\d:\\d\\d\\] alice@localhost: hi");
        assertThat(ShellInterpreter.messageLine(message("alice@localhost", "hi"), 4, Clock.systemDefaultZone()))
                .isEqualTo("#4 alice@localhost: hi");
    }

    @Test
    void outgoingAndRetractedMessages() {
        ChatMessage carbon = new ChatMessage("id", "bob@localhost", "laptop", "alice@localhost", "hi", Instant.now(),
                false, "1", "id", true, false);
        ChatMessage tombstone = new ChatMessage("id", "alice@localhost", "", "bob@localhost", "", Instant.now(),
                true, "2", "id", false, true);

        assertThat(EventLines.message(carbon)).isEqualTo("you (other device) \u2192 alice@localhost: hi");
        assertThat(EventLines.message(tombstone)).isEqualTo("alice@localhost: (message deleted)");
    }

    @Test
    void statusMarks() {
        assertThat(EventLines.mark(MessageStatus.SENT)).isEqualTo("\u2713 sent");
        assertThat(EventLines.mark(MessageStatus.DELIVERED)).isEqualTo("\u2713\u2713 delivered");
        assertThat(EventLines.mark(MessageStatus.READ)).isEqualTo("\u2713\u2713 read");
        assertThat(EventLines.statusChange(MessageStatus.DELIVERED, "hello", 4))
                .isEqualTo("  \u2713\u2713 delivered: \"hello\" (#4)");
    }

    @Test
    void quotesAreOneLineAndShort() {
        assertThat(EventLines.quote("two\nlines")).isEqualTo("\"two lines\"");
        assertThat(EventLines.quote("x".repeat(50))).isEqualTo("\"" + "x".repeat(40) + "\u2026\"");
    }

    @Test
    void lastSeenIsRelative() {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        ZoneId utc = ZoneOffset.UTC;

        assertThat(EventLines.lastSeen(LastSeenInfo.online(), now, utc)).isEqualTo("online");
        assertThat(EventLines.lastSeen(LastSeenInfo.hidden(), now, utc)).isEqualTo("last seen hidden");
        assertThat(EventLines.lastSeen(null, now, utc)).isEqualTo("last seen unknown");
        assertThat(EventLines.lastSeen(LastSeenInfo.offlineSince(now.minusSeconds(20)), now, utc))
                .isEqualTo("last seen just now");
        assertThat(EventLines.lastSeen(LastSeenInfo.offlineSince(now.minusSeconds(300)), now, utc))
                .isEqualTo("last seen 5 min ago");
        assertThat(EventLines.lastSeen(LastSeenInfo.offlineSince(now.minus(Duration.ofHours(3))), now, utc))
                .isEqualTo("last seen 3 h ago");
        assertThat(EventLines.lastSeen(LastSeenInfo.offlineSince(now.minus(Duration.ofDays(1))), now, utc))
                .isEqualTo("last seen 1 day ago");
        assertThat(EventLines.lastSeen(LastSeenInfo.offlineSince(now.minus(Duration.ofDays(3))), now, utc))
                .isEqualTo("last seen 3 days ago");
        assertThat(EventLines.lastSeen(LastSeenInfo.offlineSince(now.minus(Duration.ofDays(30))), now, utc))
                .isEqualTo("last seen on 2026-10-25");
    }

    @Test
    void retractionLines() {
        assertThat(EventLines.retraction("bob@localhost", false, "hello"))
                .isEqualTo("* bob@localhost deleted a message: \"hello\"");
        assertThat(EventLines.retraction("bob@localhost", false, null)).isEqualTo("* bob@localhost deleted a message");
    }
}
