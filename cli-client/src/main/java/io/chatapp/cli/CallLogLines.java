package io.chatapp.cli;

import io.chatapp.client.CallLogEntry;
import io.chatapp.client.CallLogPage;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines of {@code /calls}: one per call, newest first, with its direction, peer, media, outcome and duration; a
 * missed call not yet seen is marked with {@code !}.
 */
final class CallLogLines {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private CallLogLines() {
    }

    static List<String> of(CallLogPage page, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        if (page.entries().isEmpty()) {
            lines.add("No calls yet.");
            return lines;
        }
        lines.add("Calls (newest first; ! = missed, not seen before):");
        for (CallLogEntry entry : page.entries()) {
            lines.add(line(entry, zone));
        }
        if (page.more()) {
            lines.add("  (older calls: /calls N with a larger N)");
        }
        if (page.unseenMissed() > 0) {
            lines.add(page.unseenMissed() + " missed call" + (page.unseenMissed() == 1 ? "" : "s")
                    + " not seen before; now marked seen.");
        }
        return lines;
    }

    static String line(CallLogEntry entry, ZoneId zone) {
        StringBuilder line = new StringBuilder(entry.unseen() ? "! " : "  ");
        line.append(WHEN.format(entry.proposedAt().atZone(zone))).append(' ')
                .append(entry.direction() == CallLogEntry.Direction.OUTGOING ? "\u2192 " : "\u2190 ")
                .append(EventLines.clean(entry.peer())).append(' ')
                .append(entry.video() ? "video" : "audio").append(' ')
                .append(entry.outcome().name().toLowerCase(Locale.ROOT));
        if (entry.outcome() == CallLogEntry.Outcome.ANSWERED || entry.outcome() == CallLogEntry.Outcome.FAILED) {
            line.append(' ').append(duration(entry.duration()));
        }
        return line.toString();
    }

    /** {@code 0:42}, {@code 12:05}, {@code 1:02:03}. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }
}
