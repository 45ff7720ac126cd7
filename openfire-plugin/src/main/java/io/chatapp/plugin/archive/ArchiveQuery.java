package io.chatapp.plugin.archive;

import java.time.Instant;

/**
 * One page request against a user's archive (XEP-0313 form fields and XEP-0059 RSM, already parsed and checked).
 *
 * @param with     only the conversation with this bare JID; null for the whole archive
 * @param start    only messages archived at or after this instant (millisecond precision); null for no bound
 * @param end      only messages archived at or before this instant (millisecond precision); null for no bound
 * @param afterId  only messages after this archive id (RSM {@code after} or {@code after-id}); null for none. Must be
 *                 in the user's archive.
 * @param beforeId only messages before this archive id (RSM {@code before} or {@code before-id}); null for none. Must
 *                 be in the user's archive.
 * @param max      the page size (0 asks only whether there are any), already capped by the caller
 * @param fromEnd  page backwards from the newest message in range: set it for RSM {@code <before/>} (empty) and
 *                 {@code <before>id</before>}. The page is the newest {@code max} messages in range, still returned in
 *                 ascending order.
 */
public record ArchiveQuery(String with, Instant start, Instant end, Long afterId, Long beforeId, int max,
                           boolean fromEnd) {

    public ArchiveQuery {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
    }

    /** The first {@code max} messages of the whole archive. */
    public static ArchiveQuery first(int max) {
        return new ArchiveQuery(null, null, null, null, null, max, false);
    }

    /** The newest {@code max} messages of the whole archive. */
    public static ArchiveQuery last(int max) {
        return new ArchiveQuery(null, null, null, null, null, max, true);
    }

    /** This query restricted to the conversation with {@code jid}. */
    public ArchiveQuery withPeer(String jid) {
        return new ArchiveQuery(jid, start, end, afterId, beforeId, max, fromEnd);
    }
}
