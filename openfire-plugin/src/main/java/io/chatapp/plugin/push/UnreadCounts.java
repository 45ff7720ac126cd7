package io.chatapp.plugin.push;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Unread one-to-one messages per chat: the archived messages a user received from each peer after their read mark
 * for that peer (the receipts feature's {@code read_mark}, which any of the user's devices moves with a XEP-0333
 * marker), not retracted and not deleted for them. Counted after the archive's and the receipts' writers have
 * flushed, so a message just routed or a chat just marked read is counted right.
 */
public final class UnreadCounts {

    private final DataSource dataSource;
    private final Executor executor;
    private final Supplier<CompletableFuture<Void>> writersFlushed;

    public UnreadCounts(DataSource dataSource, Executor executor, Supplier<CompletableFuture<Void>> writersFlushed) {
        this.dataSource = dataSource;
        this.executor = executor;
        this.writersFlushed = writersFlushed;
    }

    /** Chats with unread messages (peer bare JID → count), for the user's bare JID. */
    public CompletableFuture<Map<String, Integer>> of(String userJid) {
        return writersFlushed.get().thenApplyAsync(flushed -> count(userJid), executor);
    }

    private Map<String, Integer> count(String userJid) {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT m.sender, count(*) FROM archive_message m"
                     + " WHERE m.recipient = ? AND m.sender <> m.recipient AND NOT m.hidden_by_recipient"
                     + " AND m.retracted_at IS NULL AND m.id > COALESCE((SELECT max(r.up_to_id) FROM read_mark r"
                     + " WHERE r.reader = ? AND r.peer = m.sender), 0) GROUP BY m.sender")) {
            select.setString(1, userJid);
            select.setString(2, userJid);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
        return counts;
    }
}
