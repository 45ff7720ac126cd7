package io.chatapp.plugin.calls;

import java.util.List;

/**
 * One page of a user's call log, newest first.
 *
 * @param more          whether older entries follow the last one (ask again with it as {@code after})
 * @param unseenMissed  the user's missed calls not yet marked seen, in the whole log
 */
public record CallPage(List<CallLogEntry> entries, boolean more, int unseenMissed) {
}
