package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.CallLogEntry;
import io.chatapp.client.CallLogPage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLogLinesTest {

    private static final Instant T = Instant.parse("2026-03-01T09:15:00Z");

    @Test
    void showsDirectionMediaOutcomeDurationAndMarksUnseenMissedCalls() {
        CallLogEntry answered = new CallLogEntry("2", "c2", CallLogEntry.Direction.OUTGOING, "bob@example.com", true,
                CallLogEntry.Outcome.ANSWERED, T, T.plusSeconds(3), T.plusSeconds(3 + 3725), Duration.ofSeconds(3725),
                false);
        CallLogEntry missed = new CallLogEntry("1", "c1", CallLogEntry.Direction.INCOMING, "carol@example.com", false,
                CallLogEntry.Outcome.MISSED, T.minusSeconds(60), null, T.minusSeconds(30), Duration.ZERO, true);

        List<String> lines = CallLogLines.of(new CallLogPage(List.of(answered, missed), true, 1), ZoneOffset.UTC);

        assertThat(lines).containsExactly(
                "Calls (newest first; ! = missed, not seen before):",
                "  2026-03-01 09:15 \u2192 bob@example.com video answered 1:02:05",
                "! 2026-03-01 09:14 \u2190 carol@example.com audio missed",
                "  (older calls: /calls N with a larger N)",
                "1 missed call not seen before; now marked seen.");
        assertThat(CallLogLines.duration(Duration.ofSeconds(42))).isEqualTo("0:42");
        assertThat(CallLogLines.of(new CallLogPage(List.of(), false, 0), ZoneOffset.UTC))
                .containsExactly("No calls yet.");
    }
}
