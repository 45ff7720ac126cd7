package io.chatapp.plugin.receipts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Answers from what {@link ReceiptRecorder} stored: the delivery and read state of a message for its sender
 * (message info), and a reader's newest read position per conversation (read marks, for their other devices).
 * Queries run on the given executor and never on the caller's thread.
 */
public final class MessageInfoService {

    private final DataSource dataSource;
    private final ArchiveLookup archive;
    private final Executor queries;
    private final Supplier<CompletableFuture<Void>> recorded;

    public MessageInfoService(DataSource dataSource, ArchiveLookup archive, Executor queries) {
        this(dataSource, archive, queries, () -> CompletableFuture.completedFuture(null));
    }

    /**
     * @param recorded completes once every receipt and marker seen before the call is stored (the recorder's
     *                 {@link ReceiptRecorder#flushed()}), so an answer includes every receipt that reached the server
     *                 before the question
     */
    public MessageInfoService(DataSource dataSource, ArchiveLookup archive, Executor queries,
                              Supplier<CompletableFuture<Void>> recorded) {
        this.dataSource = dataSource;
        this.archive = archive;
        this.queries = queries;
        this.recorded = recorded;
    }

    /**
     * What happened to the message {@code requester} sent that {@code reference} (origin-id, message id or archive id)
     * names: {@code NotFound} when no message of the requester's has it, {@code NotSender} when the requester
     * received it.
     */
    public CompletableFuture<MessageInfoResult> info(String requester, String reference) {
        return recorded.get().thenCompose(done -> archive.find(requester, reference)).thenApplyAsync(found -> {
            if (found.isEmpty()) {
                return new MessageInfoResult.NotFound();
            }
            ArchiveLookup.ArchivedRef message = found.get();
            if (!message.sender().equals(requester)) {
                return new MessageInfoResult.NotSender();
            }
            List<RecipientState> states = query(() -> states(message.id(), message.sender(),
                    List.of(message.recipient())));
            return new MessageInfoResult.Found(new MessageInfo(message.id(), message.messageId(), message.sent(),
                    states));
        }, queries);
    }

    /**
     * The state of message {@code id} for each of {@code recipients}, whose read marks for it are kept against
     * {@code peer} (the sender for a one-to-one message; the group for a group message). Recipients in the given
     * order.
     */
    public CompletableFuture<List<RecipientState>> recipientStates(long id, String peer, List<String> recipients) {
        return CompletableFuture.supplyAsync(() -> query(() -> states(id, peer, recipients)), queries);
    }

    /**
     * How far each reader has read the conversation with {@code peer} (the group, for a group): the archive id of the
     * newest message their read marks cover, 0 when they have none. One index probe per reader.
     */
    public CompletableFuture<Map<String, Long>> readPositions(String peer, List<String> readers) {
        return CompletableFuture.supplyAsync(() -> query(() -> positions(peer, readers)), queries);
    }

    private Map<String, Long> positions(String peer, List<String> readers) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT r.jid, (SELECT max(m.up_to_id) FROM read_mark m WHERE m.reader = r.jid AND m.peer = ?)"
                             + " FROM unnest(?::text[]) AS r(jid)")) {
            query.setString(1, peer);
            query.setArray(2, connection.createArrayOf("text", readers.toArray(String[]::new)));
            Map<String, Long> positions = new java.util.HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    positions.put(rows.getString(1), rows.getLong(2));
                }
            }
            return positions;
        }
    }

    /**
     * {@code reader}'s newest read mark in each conversation, ordered by peer, or only in the conversation with
     * {@code withOrNull} when it is not null.
     */
    public CompletableFuture<List<ReadMark>> readMarks(String reader, String withOrNull) {
        return recorded.get().thenApplyAsync(done -> query(() -> withOrNull == null ? allMarks(reader)
                : newestMark(reader, withOrNull).map(List::of).orElse(List.of())), queries);
    }

    private List<RecipientState> states(long id, String peer, List<String> recipients) throws SQLException {
        // Read time: the earliest read mark of the recipient that covers the message (a range scan of read_mark's key).
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT r.jid, d.delivered_at,"
                             + " (SELECT min(m.read_at) FROM read_mark m"
                             + "   WHERE m.reader = r.jid AND m.peer = ? AND m.up_to_id >= ?)"
                             + " FROM unnest(?::text[]) WITH ORDINALITY AS r(jid, position)"
                             + " LEFT JOIN message_delivery d ON d.message_id = ? AND d.recipient = r.jid"
                             + " ORDER BY r.position")) {
            query.setString(1, peer);
            query.setLong(2, id);
            query.setArray(3, connection.createArrayOf("text", recipients.toArray(String[]::new)));
            query.setLong(4, id);
            List<RecipientState> states = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant delivered = instant(rows.getObject(2, OffsetDateTime.class));
                    Instant read = instant(rows.getObject(3, OffsetDateTime.class));
                    // A read message was delivered, at the latest when it was read.
                    if (read != null && (delivered == null || read.isBefore(delivered))) {
                        delivered = read;
                    }
                    states.add(new RecipientState(rows.getString(1), delivered, read));
                }
            }
            return states;
        }
    }

    private Optional<ReadMark> newestMark(String reader, String peer) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT peer, up_to_id, read_at FROM read_mark WHERE reader = ? AND peer = ?"
                             + " ORDER BY up_to_id DESC LIMIT 1")) {
            query.setString(1, reader);
            query.setString(2, peer);
            List<ReadMark> marks = marks(query);
            return marks.stream().findFirst();
        }
    }

    private List<ReadMark> allMarks(String reader) throws SQLException {
        // One index probe per conversation, not a scan of every mark ever added: the peers are found by skipping
        // through the key (reader, peer, up_to_id), and each peer's newest mark is the last entry of its range.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "WITH RECURSIVE peers(peer) AS ("
                             + " (SELECT peer FROM read_mark WHERE reader = ? ORDER BY peer LIMIT 1)"
                             + " UNION ALL"
                             + " SELECT (SELECT m.peer FROM read_mark m WHERE m.reader = ? AND m.peer > p.peer"
                             + "         ORDER BY m.peer LIMIT 1)"
                             + " FROM peers p WHERE p.peer IS NOT NULL)"
                             + " SELECT p.peer, newest.up_to_id, newest.read_at FROM peers p"
                             + " CROSS JOIN LATERAL (SELECT m.up_to_id, m.read_at FROM read_mark m"
                             + "   WHERE m.reader = ? AND m.peer = p.peer ORDER BY m.up_to_id DESC LIMIT 1) newest"
                             + " WHERE p.peer IS NOT NULL ORDER BY p.peer")) {
            query.setString(1, reader);
            query.setString(2, reader);
            query.setString(3, reader);
            return marks(query);
        }
    }

    private static List<ReadMark> marks(PreparedStatement query) throws SQLException {
        List<ReadMark> marks = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                marks.add(new ReadMark(rows.getString(1), rows.getLong(2),
                        instant(rows.getObject(3, OffsetDateTime.class))));
            }
        }
        return marks;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> T query(Query<T> query) {
        try {
            return query.run();
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }
}
