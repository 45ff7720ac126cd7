package io.chatapp.cli;

import io.chatapp.client.TypingState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which typing notifications the shell shows: "is typing…" when someone starts, "stopped typing" when they
 * pause after typing, and nothing for repeats, for the {@code active} every message carries, or after a message
 * arrived (which ends typing by itself).
 */
final class TypingDisplay {

    private final Map<String, Boolean> typing = new ConcurrentHashMap<>();

    /** The line to show for this chat state, if any. */
    Optional<String> update(String from, TypingState state) {
        boolean composing = state == TypingState.COMPOSING;
        Boolean before = typing.put(from, composing);
        boolean wasComposing = before != null && before;
        if (composing && !wasComposing) {
            return Optional.of(EventLines.typing(from, TypingState.COMPOSING));
        }
        if (!composing && wasComposing && state == TypingState.PAUSED) {
            return Optional.of(EventLines.typing(from, TypingState.PAUSED));
        }
        return Optional.empty();
    }

    /** A message from them arrived: they are no longer typing, and nothing needs to say so. */
    void messageFrom(String from) {
        typing.remove(from);
    }
}
