package io.chatapp.client;

import java.util.List;

/**
 * One page of the call log, newest first.
 *
 * @param more         whether older entries follow: ask for them with the last entry's id
 * @param unseenMissed this account's missed calls not yet marked seen, in the whole log
 */
public record CallLogPage(List<CallLogEntry> entries, boolean more, int unseenMissed) {

    public CallLogPage {
        entries = List.copyOf(entries);
    }
}
