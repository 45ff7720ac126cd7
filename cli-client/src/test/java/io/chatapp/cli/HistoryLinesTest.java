package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatMessage;
import io.chatapp.client.MessageStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryLinesTest {

    private static final Instant AT = Instant.parse("2026-11-24T09:41:00Z");

    private static ChatMessage own(String id) {
        return new ChatMessage(id, "me@x", "", "bob@x", "text " + id, AT, true, "a" + id, id, true, false);
    }

    @Test
    void withoutHandlesForTheCommandLine() {
        List<String> lines = HistoryLines.lines(List.of(own("1")), m -> Optional.of(MessageStatus.SENT), null,
                ZoneOffset.UTC, LocalDate.of(2026, 11, 24));

        assertThat(lines).containsExactly("[09:41] you: text 1  \u2713 sent");
    }

    @Test
    void unknownStatusesShowNoMark() {
        List<String> lines = HistoryLines.lines(List.of(own("1")), m -> Optional.empty(), m -> 7,
                ZoneOffset.UTC, LocalDate.of(2026, 11, 25));

        assertThat(lines).containsExactly("#7 [2026-11-24 09:41] you: text 1");
    }
}
