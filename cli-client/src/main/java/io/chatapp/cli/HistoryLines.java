package io.chatapp.cli;

import io.chatapp.client.ChatMessage;
import io.chatapp.client.MessageStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A conversation's history as text, oldest first, one message per line:
 * <pre>
 * #1 [2026-11-24 10:15] you: hello  ✓✓ read
 * #2 [10:16] bob@example.org: hi
 * #3 [10:17] bob@example.org: (message deleted)
 * </pre>
 * Own messages carry their status mark. A read mark also covers every earlier message to the same person, so only
 * the newest own messages up to the first one read need asking about.
 */
final class HistoryLines {

    private HistoryLines() {
    }

    /**
     * @param status  the status of an own message (may ask the server)
     * @param handles the handle of each message, or null to show none
     */
    static List<String> lines(List<ChatMessage> messages, Function<ChatMessage, Optional<MessageStatus>> status,
                              ToIntFunction<ChatMessage> handles, ZoneId zone, LocalDate today) {
        List<Optional<MessageStatus>> marks = marks(messages, status);
        List<String> lines = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            Integer handle = handles == null ? null : handles.applyAsInt(message);
            lines.add(line(message, handle, marks.get(i), zone, today));
        }
        return lines;
    }

    /** One message: {@code #3 [10:15] you: hello  ✓✓ read}. */
    static String line(ChatMessage message, Integer handle, Optional<MessageStatus> mark, ZoneId zone,
                       LocalDate today) {
        StringBuilder line = new StringBuilder();
        if (handle != null) {
            line.append('#').append(handle).append(' ');
        }
        line.append('[').append(EventLines.time(message.sentAt(), zone, today)).append("] ");
        line.append(EventLines.message(message.outgoing() ? "you" : message.from(), EventLines.body(message)));
        mark.ifPresent(status -> line.append("  ").append(EventLines.mark(status)));
        return line.toString();
    }

    /** The status mark of each message: own, not deleted messages only. */
    static List<Optional<MessageStatus>> marks(List<ChatMessage> messages,
                                               Function<ChatMessage, Optional<MessageStatus>> status) {
        List<Optional<MessageStatus>> marks = new ArrayList<>(messages.size());
        messages.forEach(message -> marks.add(Optional.empty()));
        boolean laterRead = false;
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage message = messages.get(i);
            if (!message.outgoing() || message.retracted()) {
                continue;
            }
            Optional<MessageStatus> mark = laterRead ? Optional.of(MessageStatus.READ) : status.apply(message);
            laterRead = laterRead || mark.orElse(null) == MessageStatus.READ;
            marks.set(i, mark);
        }
        return marks;
    }
}
