package io.chatapp.plugin.archive;

import io.chatapp.plugin.concurrent.DaemonThreads;
import io.chatapp.plugin.config.ArchiveSettings;
import io.chatapp.plugin.storage.BatchWriter;
import io.chatapp.plugin.storage.ItemJournal;
import io.chatapp.plugin.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message archive (table {@code archive_message}, migration V4): one row per one-to-one message, shared by the
 * sender's and the recipient's archives.
 *
 * <p>Writing never waits for the database: {@link #offer} puts the message on the queue of one writer thread
 * ({@link ArchiveWriter}, a {@link BatchWriter}), which commits batches, and records it in the local write-ahead
 * {@link ArchiveJournal} (when configured; the one wait, for a local write, so that a message acknowledged to its
 * sender survives a killed process). Everything that reads or changes archived messages runs on the
 * archive's query threads ({@code chatapp-archive-query-N}) once {@link #flushed()} has completed, so it sees every
 * message offered before the call.
 *
 * <p>Pages are read by keyset pagination on the archive id, never by OFFSET: each direction of a conversation (or the
 * sent and the received messages of a whole archive) is one index range scan in id order with a LIMIT, and the two
 * are merged. A page costs the same anywhere in an archive of any size.
 */
public final class MessageArchive implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MessageArchive.class);
    private static final Duration WRITER_CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration QUERY_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private static final String COLUMNS = "id, sender, recipient, message_id, client_ref, stanza, retracted_at";

    // Page queries, in four shapes: with a peer or not, forwards or backwards. Parameters of each branch: the two
    // JIDs, the id range [low, high), the branch LIMIT; then the outer LIMIT.
    private static final String CONVERSATION_BRANCH = "SELECT " + COLUMNS + " FROM archive_message"
            + " WHERE sender = ? AND recipient = ? AND id >= ? AND id < ? AND NOT %s ORDER BY id %s LIMIT ?";
    private static final String PAGE_WITH_FORWARD = conversationPage("ASC");
    private static final String PAGE_WITH_BACKWARD = conversationPage("DESC");
    private static final String PAGE_SELF_FORWARD = selfPage("ASC");
    private static final String PAGE_SELF_BACKWARD = selfPage("DESC");
    private static final String PAGE_ALL_FORWARD = wholeArchivePage("ASC");
    private static final String PAGE_ALL_BACKWARD = wholeArchivePage("DESC");

    private static final String VISIBLE_ID = "SELECT 1 FROM archive_message WHERE id = ?"
            + " AND ((sender = ? AND NOT hidden_by_sender) OR (recipient = ? AND NOT hidden_by_recipient))";

    /** Leaves out a room's message the member hid (V10): one probe of archive_group_hidden's key per row. */
    private static final String NOT_HIDDEN_BY_MEMBER = " AND NOT EXISTS (SELECT 1 FROM archive_group_hidden h"
            + " WHERE h.room = archive_message.sender AND h.member = ? AND h.archive_id = archive_message.id)";
    /** A room's page as one member sees it. Parameters: room, room, member, low, high, branch LIMIT; outer LIMIT. */
    private static final String ROOM_BRANCH = "SELECT " + COLUMNS + " FROM archive_message"
            + " WHERE sender = ? AND recipient = ? AND NOT hidden_by_sender" + NOT_HIDDEN_BY_MEMBER
            + " AND id >= ? AND id < ? ORDER BY id %s LIMIT ?";
    private static final String PAGE_ROOM_FORWARD = roomPage("ASC");
    private static final String PAGE_ROOM_BACKWARD = roomPage("DESC");
    /** Parameters: id, room, room, member. */
    private static final String VISIBLE_ROOM_ID = "SELECT 1 FROM archive_message WHERE id = ? AND sender = ?"
            + " AND recipient = ? AND NOT hidden_by_sender" + NOT_HIDDEN_BY_MEMBER;
    /**
     * Hides a room's message for one member; the count says whether the room has that message (at or after the
     * member's first visible id). Parameters: id, room, room, lowest id; room, member.
     */
    private static final String HIDE_IN_ROOM = "WITH message AS (SELECT id FROM archive_message"
            + " WHERE id = ? AND sender = ? AND recipient = ? AND id >= ?),"
            + " hidden AS (INSERT INTO archive_group_hidden (room, member, archive_id) SELECT ?, ?, id FROM message"
            + " ON CONFLICT DO NOTHING) SELECT count(*) FROM message";

    /**
     * A message from one party to the other by reference, in order of preference: by client_ref (origin-id, else id),
     * by archive id, by a message id that differs from its origin-id. Each branch is an index scan (see V4).
     * Parameters: reference, sender, recipient; id, sender, recipient; reference, sender, recipient.
     */
    private static final String DIRECTED_REFERENCE = "(SELECT " + COLUMNS + ", 1 AS rank FROM archive_message"
            + " WHERE client_ref = ? AND sender = ? AND recipient = ? ORDER BY id DESC LIMIT 1)"
            + " UNION ALL (SELECT " + COLUMNS + ", 2 FROM archive_message WHERE id = ? AND sender = ? AND recipient = ?)"
            + " UNION ALL (SELECT " + COLUMNS + ", 3 FROM archive_message"
            + " WHERE message_id = ? AND message_id <> client_ref AND sender = ? AND recipient = ?"
            + " ORDER BY id DESC LIMIT 1)";
    private static final String RESOLVE = DIRECTED_REFERENCE + " ORDER BY rank LIMIT 1";
    /**
     * {@link #RESOLVE} for many references in one statement: one row per reference, in order, id NULL if none. The
     * three branches are COALESCE's arguments, which PostgreSQL evaluates only until one is not NULL: a receipt for
     * a message named by its origin-id (the usual case) costs one index probe instead of three.
     */
    private static final String RESOLVE_ALL = "SELECT COALESCE("
            + "(SELECT id FROM archive_message WHERE client_ref = r.reference AND sender = r.sender"
            + " AND recipient = r.recipient ORDER BY id DESC LIMIT 1),"
            + " (SELECT id FROM archive_message WHERE id = r.number AND sender = r.sender AND recipient = r.recipient),"
            + " (SELECT id FROM archive_message WHERE message_id = r.reference AND message_id <> client_ref"
            + " AND sender = r.sender AND recipient = r.recipient ORDER BY id DESC LIMIT 1))"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[])"
            + " WITH ORDINALITY AS r(reference, sender, recipient, number, position) ORDER BY r.position";
    /** The requester's own message first (ranks 1 to 3), then the peer's (ranks 11 to 13). */
    private static final String BETWEEN_REFERENCE = DIRECTED_REFERENCE + " UNION ALL ("
            + DIRECTED_REFERENCE.replace(", 1 AS rank", ", 11 AS rank").replace(", 2 FROM", ", 12 FROM")
                    .replace(", 3 FROM", ", 13 FROM")
            + ") ORDER BY rank LIMIT 1";
    /**
     * Any message the owner sent or received, by reference. Parameters: reference, owner (sent); reference, owner
     * (received); id, owner, owner; reference, owner, owner.
     */
    private static final String FIND = "(SELECT " + COLUMNS + ", 1 AS rank FROM archive_message"
            + " WHERE client_ref = ? AND sender = ? ORDER BY id DESC LIMIT 1)"
            + " UNION ALL (SELECT " + COLUMNS + ", 2 FROM archive_message"
            + " WHERE client_ref = ? AND recipient = ? ORDER BY id DESC LIMIT 1)"
            + " UNION ALL (SELECT " + COLUMNS + ", 3 FROM archive_message WHERE id = ? AND (sender = ? OR recipient = ?))"
            + " UNION ALL (SELECT " + COLUMNS + ", 4 FROM archive_message"
            + " WHERE message_id = ? AND message_id <> client_ref AND (sender = ? OR recipient = ?)"
            + " ORDER BY id DESC LIMIT 1)"
            + " ORDER BY rank LIMIT 1";
    private static final String RETRACT = "UPDATE archive_message SET stanza = NULL, retracted_at = ?"
            + " WHERE id = ? AND retracted_at IS NULL";
    private static final String TOMBSTONE = "UPDATE archive_message SET stanza = ?, retracted_at = ?"
            + " WHERE id = ? AND retracted_at IS NULL";
    private static final String HIDE = "UPDATE archive_message SET hidden_by_sender = hidden_by_sender OR sender = ?,"
            + " hidden_by_recipient = hidden_by_recipient OR recipient = ? WHERE id = ? AND (sender = ? OR recipient = ?)";

    private final DataSource dataSource;
    private final Clock clock;
    private final ArchiveIds ids;
    private final BatchWriter<NewMessage> writer;
    /** Null when the settings have no journal. */
    private final ItemJournal<NewMessage> journal;
    /** What the journal gave back at start, until {@link #takeRecovered} hands it over. */
    private final AtomicReference<ArchiveJournal.Recovered> recovered;
    private final ExecutorService queries;
    /** Told of each committed batch on the writer's thread; the writer holds the same reference. */
    private final AtomicReference<ArchivedListener> listener;
    private volatile boolean closed;

    /**
     * Told of the messages of each batch once committed, on the archive's writer thread, before the batch counts as
     * flushed (so before the journal lets its messages go). Must not block for long: the next batch waits.
     */
    @FunctionalInterface
    public interface ArchivedListener {
        /**
         * Throws when the database is unavailable ({@link io.chatapp.plugin.storage.DatabaseFailures#isUnavailable}):
         * the writer then keeps the batch, and writes it again (changing nothing) and tells this again, until told.
         * Any other failure is logged and the batch goes on.
         */
        void archived(List<NewMessage> batch) throws SQLException;
    }

    private MessageArchive(DataSource dataSource, Clock clock, ArchiveIds ids, BatchWriter<NewMessage> writer,
                           ItemJournal<NewMessage> journal, ArchiveJournal.Recovered recovered, ExecutorService queries,
                           AtomicReference<ArchivedListener> listener) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.ids = ids;
        this.writer = writer;
        this.journal = journal;
        this.recovered = new AtomicReference<>(recovered);
        this.queries = queries;
        this.listener = listener;
    }

    /**
     * Starts the archive on a migrated database: takes this node's id bits from the sequence
     * {@code archive_node_number} and starts the writer and query threads.
     */
    public static MessageArchive start(DataSource db, ArchiveSettings settings, Clock clock) throws SQLException {
        return start(db, settings, clock, BatchInsert.standard());
    }

    static MessageArchive start(DataSource db, ArchiveSettings settings, Clock clock, BatchInsert insert)
            throws SQLException {
        int node;
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT nextval('archive_node_number')")) {
            row.next();
            node = (int) Math.floorMod(row.getLong(1), ArchiveIds.MAX_NODE + 1L);
        }
        ArchiveIds ids = new ArchiveIds(node, clock);
        ThreadPoolExecutor queries = new ThreadPoolExecutor(settings.queryThreads(), settings.queryThreads(),
                0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), DaemonThreads.numbered("chatapp-archive-query-"));
        AtomicReference<ArchivedListener> listener = new AtomicReference<>(batch -> { });
        BatchWriter<NewMessage> writer = ArchiveWriter.start(db, insert, settings.queueCapacity(),
                settings.batchSize(), listener);
        ItemJournal<NewMessage> journal;
        AtomicReference<ArchiveJournal.Recovered> recovered = new AtomicReference<>(ArchiveJournal.Recovered.NONE);
        try {
            journal = ArchiveJournal.start(settings, db, insert, writer, recovered::set);
        } catch (SQLException | RuntimeException e) {
            writer.close(WRITER_CLOSE_TIMEOUT);
            queries.shutdownNow();
            throw e;
        }
        LOG.info("Message archive started: node number {}, {}", node, settings);
        return new MessageArchive(db, clock, ids, writer, journal, recovered.get(), queries, listener);
    }

    /** This node's archive id generator. */
    public ArchiveIds ids() {
        return ids;
    }

    /**
     * Accepts a message for the archive without waiting for the database (only for the journal, when there is
     * one: a local write, synced with others). False when the archive cannot take it (its queue is full,
     * typically because the database is unreachable, or it is closed): the caller must then refuse the message.
     */
    public boolean offer(NewMessage message) {
        if (!writer.offer(message)) {
            return false;
        }
        if (journal != null) {
            // Waits for the journal (never for the database). Should the disk fail, the message still has the
            // writer's promise (written unless the process dies first); the journal logs it.
            journal.append(message);
        }
        return true;
    }

    /**
     * Tells {@code derive} of the messages the journal gave back at start (written again then; most had been archived
     * before the process ended), for what was derived from a message after the archive accepted it and may have died
     * with the process (media shares). Their journal segments are deleted only once it returns: should it throw, or
     * the process die first, the next start gives them back again. Hands them over once; later calls tell of none.
     */
    public void takeRecovered(ArchivedListener derive) throws SQLException {
        ArchiveJournal.Recovered taken = recovered.getAndSet(ArchiveJournal.Recovered.NONE);
        if (!taken.messages().isEmpty()) {
            derive.archived(taken.messages());
        }
        taken.release().run();
    }

    /** From now on, {@code archived} is told of each batch the writer commits (replacing any earlier listener). */
    public void onArchived(ArchivedListener archived) {
        listener.set(archived);
    }

    /** Completes once every message offered before this call has been committed. */
    public CompletableFuture<Void> flushed() {
        return writer.flushed();
    }

    /** Messages accepted but not yet committed (for monitoring). */
    public int pendingWrites() {
        return writer.pending();
    }

    /** The archive's query executor, for other features' asynchronous database work. */
    public Executor queries() {
        return queries;
    }

    /**
     * One page of {@code owner}'s archive, in ascending id order. Fails with {@link UnknownArchiveIdException} when
     * {@code afterId} or {@code beforeId} is not a message of owner's archive that owner can see. Messages the owner
     * hid are left out; retracted ones come as tombstones (stanza null, retractedAt set).
     */
    public CompletableFuture<ArchivePage> query(String owner, ArchiveQuery query) {
        return afterFlush(() -> page(owner, null, query));
    }

    /**
     * One page of a group room's archive (the room is sender and recipient of its rows) as {@code member} sees it:
     * {@link #query} of the room, less the messages the member hid ({@link #hideInRoom}). An {@code afterId} or
     * {@code beforeId} the member hid is unknown to them ({@link UnknownArchiveIdException}).
     */
    public CompletableFuture<ArchivePage> queryRoom(String room, String member, ArchiveQuery query) {
        return afterFlush(() -> page(room, member, query.withPeer(room)));
    }

    /**
     * The archive id of the message {@code sender} sent to {@code recipient} that {@code reference} names: its
     * origin-id (or id when it had none), its id attribute, or its archive id in decimal. Empty when there is none.
     */
    public CompletableFuture<OptionalLong> resolve(String sender, String recipient, String reference) {
        return afterFlush(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(RESOLVE)) {
                bindDirected(statement, 1, reference, sender, recipient);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /** A message named by its sender, its recipient and a reference (origin-id, message id or archive id). */
    public record Reference(String sender, String recipient, String reference) {
    }

    /**
     * {@link #resolve} for many references at once, in one database round trip (receipts arrive by the thousand):
     * the archive id of each, in the same order, empty where there is none.
     */
    public CompletableFuture<List<OptionalLong>> resolveAll(List<Reference> references) {
        if (references.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return afterFlush(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(RESOLVE_ALL)) {
                int size = references.size();
                String[] texts = new String[size];
                String[] senders = new String[size];
                String[] recipients = new String[size];
                Long[] numbers = new Long[size];
                for (int i = 0; i < size; i++) {
                    Reference reference = references.get(i);
                    texts[i] = reference.reference();
                    senders[i] = reference.sender();
                    recipients[i] = reference.recipient();
                    numbers[i] = idOrNone(reference.reference());
                }
                statement.setArray(1, connection.createArrayOf("text", texts));
                statement.setArray(2, connection.createArrayOf("text", senders));
                statement.setArray(3, connection.createArrayOf("text", recipients));
                statement.setArray(4, connection.createArrayOf("bigint", numbers));
                List<OptionalLong> ids = new ArrayList<>(size);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        ids.add(rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(id));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * Retracts (XEP-0424) the message between {@code requester} and {@code peer} that {@code reference} names: its
     * stanza is erased (set to NULL) and its retraction time set, leaving a tombstone with its id, parties and
     * references. The requester must have sent it ({@link RetractionResult.NotSender} otherwise) within the
     * {@code window} before now ({@link RetractionResult.TooOld}); retracting a retracted message answers
     * {@link RetractionResult.Retracted} again and changes nothing.
     */
    public CompletableFuture<RetractionResult> retract(String requester, String peer, String reference,
                                                       Duration window) {
        return afterFlush(() -> {
            try (Connection connection = dataSource.getConnection()) {
                ArchivedMessage message;
                try (PreparedStatement statement = connection.prepareStatement(BETWEEN_REFERENCE)) {
                    int next = bindDirected(statement, 1, reference, requester, peer);
                    bindDirected(statement, next, reference, peer, requester);
                    try (ResultSet row = statement.executeQuery()) {
                        if (!row.next()) {
                            return new RetractionResult.NotFound();
                        }
                        message = message(row);
                    }
                }
                if (!message.sender().equals(requester)) {
                    return new RetractionResult.NotSender();
                }
                if (message.retracted()) {
                    return new RetractionResult.Retracted(message);
                }
                Instant now = clock.instant();
                if (message.receivedAt().plus(window).isBefore(now)) {
                    return new RetractionResult.TooOld();
                }
                try (PreparedStatement update = connection.prepareStatement(RETRACT)) {
                    update.setTimestamp(1, Timestamp.from(now));
                    update.setLong(2, message.id());
                    update.executeUpdate();
                }
                return new RetractionResult.Retracted(message);
            }
        });
    }

    /**
     * Retracts the message with archive id {@code id} by replacing its stanza with the tombstone that
     * {@code tombstone} makes for the retraction time (a group message keeps who sent it and who removed it, which
     * its row does not hold). Completes with the retraction time, or empty when it was already retracted.
     */
    public CompletableFuture<Optional<Instant>> replaceWithTombstone(long id, Function<Instant, String> tombstone) {
        return afterFlush(() -> {
            Instant now = clock.instant();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement update = connection.prepareStatement(TOMBSTONE)) {
                update.setString(1, tombstone.apply(now));
                update.setTimestamp(2, Timestamp.from(now));
                update.setLong(3, id);
                return update.executeUpdate() > 0 ? Optional.of(now) : Optional.empty();
            }
        });
    }

    /**
     * Hides the message from {@code owner}'s view of the archive ("delete for me"); the other party's view is
     * untouched. False when the message is not in owner's archive; hiding twice answers true.
     */
    public CompletableFuture<Boolean> hide(String owner, long id) {
        return afterFlush(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement update = connection.prepareStatement(HIDE)) {
                update.setString(1, owner);
                update.setString(2, owner);
                update.setLong(3, id);
                update.setString(4, owner);
                update.setString(5, owner);
                return update.executeUpdate() > 0;
            }
        });
    }

    /**
     * Hides the room's message {@code id} from {@code member}'s view of the room's archive ("delete for me" in a
     * group); every other member's view is untouched. False when the room has no such message archived at or after
     * {@code since} (when the member joined: older history is not theirs to see); hiding twice answers true.
     */
    public CompletableFuture<Boolean> hideInRoom(String room, String member, long id, Instant since) {
        return afterFlush(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(HIDE_IN_ROOM)) {
                statement.setLong(1, id);
                statement.setString(2, room);
                statement.setString(3, room);
                statement.setLong(4, ArchiveIds.lowestAt(since));
                statement.setString(5, room);
                statement.setString(6, member);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1) > 0;
                }
            }
        });
    }

    /**
     * Any message {@code owner} sent or received that {@code reference} names (origin-id, id attribute or archive
     * id), whether or not owner hid it; a message owner sent is preferred over one owner received.
     */
    public CompletableFuture<Optional<ArchivedMessage>> find(String owner, String reference) {
        return afterFlush(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setString(1, reference);
                statement.setString(2, owner);
                statement.setString(3, reference);
                statement.setString(4, owner);
                statement.setLong(5, idOrNone(reference));
                statement.setString(6, owner);
                statement.setString(7, owner);
                statement.setString(8, reference);
                statement.setString(9, owner);
                statement.setString(10, owner);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(message(row)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Stops accepting messages, writes every accepted one to the database, then stops the query threads (queries
     * already submitted finish). Bounded: the writer gets 30 s (then it is interrupted, and messages it could not
     * write because the database stayed away are logged as lost, another 5 s at most), the queries 10 s.
     */
    @Override
    public void close() {
        closed = true;
        writer.close(WRITER_CLOSE_TIMEOUT);
        if (journal != null) {
            journal.close(); // after the writer: its last segment goes once the writer says all is committed
        }
        queries.shutdown();
        try {
            if (!queries.awaitTermination(QUERY_CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                queries.shutdownNow();
            }
        } catch (InterruptedException e) {
            queries.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("Message archive closed ({} messages written since start)", writer.written());
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> CompletableFuture<T> afterFlush(Work<T> work) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("The message archive is closed"));
        }
        return writer.flushed().thenApplyAsync(ignored -> {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new StorageException("Archive query failed: " + e.getMessage(), e);
            }
        }, queries);
    }

    /** A page of owner's archive; for a room's page as one member sees it, member is that member (else null). */
    private ArchivePage page(String owner, String member, ArchiveQuery query) throws SQLException {
        long low = 0;
        long high = Long.MAX_VALUE;
        if (query.start() != null) {
            low = ArchiveIds.lowestAt(query.start());
        }
        if (query.end() != null) {
            high = Math.min(high, firstIdAfter(query.end()));
        }
        if (query.afterId() != null) {
            low = Math.max(low, query.afterId() == Long.MAX_VALUE ? Long.MAX_VALUE : query.afterId() + 1);
        }
        if (query.beforeId() != null) {
            high = Math.min(high, query.beforeId());
        }
        boolean backward = query.fromEnd();
        try (Connection connection = dataSource.getConnection()) {
            requireVisible(connection, owner, member, query.afterId());
            requireVisible(connection, owner, member, query.beforeId());
            if (low >= high) {
                return new ArchivePage(List.of(), true);
            }
            int limit = query.max() + 1;
            String sql;
            if (member != null) {
                sql = backward ? PAGE_ROOM_BACKWARD : PAGE_ROOM_FORWARD;
            } else if (query.with() == null) {
                sql = backward ? PAGE_ALL_BACKWARD : PAGE_ALL_FORWARD;
            } else if (query.with().equals(owner)) {
                sql = backward ? PAGE_SELF_BACKWARD : PAGE_SELF_FORWARD;
            } else {
                sql = backward ? PAGE_WITH_BACKWARD : PAGE_WITH_FORWARD;
            }
            List<ArchivedMessage> messages = new ArrayList<>(Math.min(limit, 256));
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int p = 1;
                if (member != null) {
                    statement.setString(p++, owner);
                    statement.setString(p++, owner);
                    statement.setString(p++, member);
                    p = bindRange(statement, p, low, high, limit);
                } else if (query.with() == null) {
                    // Sent: sender = owner.  Received: recipient = owner, not from owner (a note to self is "sent").
                    statement.setString(p++, owner);
                    p = bindRange(statement, p, low, high, limit);
                    statement.setString(p++, owner);
                    statement.setString(p++, owner);
                    p = bindRange(statement, p, low, high, limit);
                } else if (query.with().equals(owner)) {
                    statement.setString(p++, owner);
                    statement.setString(p++, owner);
                    p = bindRange(statement, p, low, high, limit);
                } else {
                    statement.setString(p++, owner);
                    statement.setString(p++, query.with());
                    p = bindRange(statement, p, low, high, limit);
                    statement.setString(p++, query.with());
                    statement.setString(p++, owner);
                    p = bindRange(statement, p, low, high, limit);
                }
                statement.setInt(p, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        messages.add(message(rows));
                    }
                }
            }
            boolean complete = messages.size() <= query.max();
            if (!complete) {
                messages.remove(messages.size() - 1);
            }
            if (backward) {
                Collections.reverse(messages);
            }
            return new ArchivePage(messages, complete);
        }
    }

    /** The smallest id after every message archived at or before {@code end} (millisecond precision). */
    private static long firstIdAfter(Instant end) {
        try {
            return ArchiveIds.lowestAt(end.truncatedTo(ChronoUnit.MILLIS).plusMillis(1));
        } catch (DateTimeException | ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static int bindRange(PreparedStatement statement, int p, long low, long high, int limit)
            throws SQLException {
        statement.setLong(p++, low);
        statement.setLong(p++, high);
        statement.setInt(p++, limit);
        return p;
    }

    private static void requireVisible(Connection connection, String owner, String member, Long id)
            throws SQLException {
        if (id == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(member == null ? VISIBLE_ID
                : VISIBLE_ROOM_ID)) {
            statement.setLong(1, id);
            statement.setString(2, owner);
            statement.setString(3, owner);
            if (member != null) {
                statement.setString(4, member);
            }
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new UnknownArchiveIdException(id);
                }
            }
        }
    }

    private static int bindDirected(PreparedStatement statement, int p, String reference, String sender,
                                    String recipient) throws SQLException {
        statement.setString(p++, reference);
        statement.setString(p++, sender);
        statement.setString(p++, recipient);
        statement.setLong(p++, idOrNone(reference));
        statement.setString(p++, sender);
        statement.setString(p++, recipient);
        statement.setString(p++, reference);
        statement.setString(p++, sender);
        statement.setString(p++, recipient);
        return p;
    }

    /** The reference as an archive id, or -1 (no id) when it is not one. */
    private static long idOrNone(String reference) {
        return ArchiveIds.parse(reference).orElse(-1);
    }

    private static ArchivedMessage message(ResultSet row) throws SQLException {
        Timestamp retractedAt = row.getTimestamp(7);
        return new ArchivedMessage(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), retractedAt == null ? null : retractedAt.toInstant());
    }

    private static String conversationPage(String order) {
        return "SELECT " + COLUMNS + " FROM ((" + CONVERSATION_BRANCH.formatted("hidden_by_sender", order)
                + ") UNION ALL (" + CONVERSATION_BRANCH.formatted("hidden_by_recipient", order)
                + ")) page ORDER BY id " + order + " LIMIT ?";
    }

    /** A note to self: sender and recipient are the owner, so one branch (both flags are set when hidden). */
    private static String selfPage(String order) {
        return "SELECT " + COLUMNS + " FROM (" + CONVERSATION_BRANCH.formatted("hidden_by_sender", order)
                + ") page ORDER BY id " + order + " LIMIT ?";
    }

    /** A room page's statement with literal parameters, for tests of its plan. */
    static String roomPageForPlan() {
        String[] values = {"'r@g'", "'r@g'", "'m@e'", "0", "9223372036854775807", "51", "51"};
        String sql = PAGE_ROOM_BACKWARD;
        for (String value : values) {
            sql = sql.replaceFirst("\\?", value);
        }
        return sql;
    }

    private static String roomPage(String order) {
        return "SELECT " + COLUMNS + " FROM (" + ROOM_BRANCH.formatted(order) + ") page ORDER BY id " + order
                + " LIMIT ?";
    }

    private static String wholeArchivePage(String order) {
        return "SELECT " + COLUMNS + " FROM ((SELECT " + COLUMNS + " FROM archive_message"
                + " WHERE sender = ? AND id >= ? AND id < ? AND NOT hidden_by_sender ORDER BY id " + order + " LIMIT ?)"
                + " UNION ALL (SELECT " + COLUMNS + " FROM archive_message"
                + " WHERE recipient = ? AND sender <> ? AND id >= ? AND id < ? AND NOT hidden_by_recipient"
                + " ORDER BY id " + order + " LIMIT ?)) page ORDER BY id " + order + " LIMIT ?";
    }
}
