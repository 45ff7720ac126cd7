package io.chatapp.plugin.push;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Unread messages per chat, for one user, counted after their read mark for that chat (the receipts feature's
 * {@code read_mark}, which any of the user's devices moves with a XEP-0333 marker), never retracted or deleted for
 * them:
 *
 * <ul>
 *   <li>one-to-one: the archived messages received from each peer;</li>
 *   <li>groups: for each group the user is in now, the members' messages since they joined (the group's history they
 *       see), leaving out their own ({@code archive_message.group_sender}, V13) and the room's events. One index-only
 *       range per group (the partial index {@code archive_message_group_unread}).</li>
 * </ul>
 *
 * Counted after the archive's and the receipts' writers have flushed, so a message just routed or a chat just marked
 * read is counted right.
 */
public final class UnreadCounts {

    private static final String ONE_TO_ONE = "SELECT m.sender, count(*) FROM archive_message m"
            + " WHERE m.recipient = ? AND m.sender <> m.recipient AND NOT m.hidden_by_recipient"
            + " AND m.retracted_at IS NULL AND m.id > COALESCE((SELECT max(r.up_to_id) FROM read_mark r"
            + " WHERE r.reader = ? AND r.peer = m.sender), 0) GROUP BY m.sender";
    private static final String GROUPS = "SELECT g.room, (SELECT count(*) FROM archive_message m"
            + " WHERE m.recipient = g.room AND m.group_sender IS NOT NULL AND m.group_sender <> ?"
            + " AND m.retracted_at IS NULL AND m.id >= g.since AND m.id > COALESCE((SELECT max(r.up_to_id)"
            + " FROM read_mark r WHERE r.reader = ? AND r.peer = g.room), 0)"
            + " AND NOT EXISTS (SELECT 1 FROM archive_group_hidden h WHERE h.room = g.room AND h.member = ?"
            + " AND h.archive_id = m.id)) FROM unnest(?::text[], ?::bigint[]) AS g(room, since)";

    private final DataSource dataSource;
    private final Executor executor;
    private final Supplier<CompletableFuture<Void>> writersFlushed;
    private final Function<String, Map<String, Long>> groupsSince;

    /**
     * @param groupsSince for a user's bare JID, the groups they are in now, each with the first archive id they may
     *                    see (their joining)
     */
    public UnreadCounts(DataSource dataSource, Executor executor, Supplier<CompletableFuture<Void>> writersFlushed,
                        Function<String, Map<String, Long>> groupsSince) {
        this.dataSource = dataSource;
        this.executor = executor;
        this.writersFlushed = writersFlushed;
        this.groupsSince = groupsSince;
    }

    /** Chats with unread messages (peer's or group's bare JID → count), for the user's bare JID. */
    public CompletableFuture<Map<String, Integer>> of(String userJid) {
        return writersFlushed.get().thenApplyAsync(flushed -> count(userJid), executor);
    }

    private Map<String, Integer> count(String userJid) {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(ONE_TO_ONE)) {
                select.setString(1, userJid);
                select.setString(2, userJid);
                read(select, counts);
            }
            Map<String, Long> groups = groupsSince.apply(userJid);
            if (!groups.isEmpty()) {
                try (PreparedStatement select = connection.prepareStatement(GROUPS)) {
                    Array rooms = connection.createArrayOf("text", groups.keySet().toArray());
                    Array since = connection.createArrayOf("bigint", groups.values().toArray());
                    select.setString(1, userJid);
                    select.setString(2, userJid);
                    select.setString(3, userJid);
                    select.setArray(4, rooms);
                    select.setArray(5, since);
                    read(select, counts);
                }
            }
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
        return counts;
    }

    private static void read(PreparedStatement select, Map<String, Integer> counts) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (rows.getInt(2) > 0) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
    }
}
