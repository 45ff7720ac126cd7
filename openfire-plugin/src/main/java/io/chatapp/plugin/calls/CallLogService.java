package io.chatapp.plugin.calls;

import io.chatapp.plugin.storage.BatchWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A user's call log: pages of their calls, newest first, the count of missed calls they have not seen, and marking
 * them seen. Every read waits (on the caller's thread, one of the feature's) until the writer has stored what was
 * routed before it, so a user sees the call that just ended.
 */
public final class CallLogService {

    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

    private final CallStore store;
    private final BatchWriter<CallRecord> writer;
    private final int maxPageSize;

    CallLogService(CallStore store, BatchWriter<CallRecord> writer, int maxPageSize) {
        this.store = store;
        this.writer = writer;
        this.maxPageSize = maxPageSize;
    }

    /** The page of {@code user}'s log the request names; {@code max} is capped at the configured page size. */
    public CallPage page(String user, CallPageRequest request) throws Exception {
        flushed();
        int max = Math.min(request.max(), maxPageSize);
        List<CallLogEntry> entries = store.page(user, request, max + 1);
        boolean more;
        if (request.before() != null) {
            // Newer than a cursor: whatever is older than the page's last entry exists (the cursor itself).
            more = true;
            if (entries.size() > max) {
                entries = entries.subList(entries.size() - max, entries.size());
            }
        } else {
            more = entries.size() > max;
            if (more) {
                entries = entries.subList(0, max);
            }
        }
        return new CallPage(List.copyOf(entries), more, store.unseenMissed(user));
    }

    public int unseenMissed(String user) throws Exception {
        flushed();
        return store.unseenMissed(user);
    }

    /** Marks all of {@code user}'s missed calls seen. */
    public void markMissedSeen(String user) throws Exception {
        flushed();
        store.markMissedSeen(user);
    }

    private void flushed() throws Exception {
        writer.flushed().get(FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
