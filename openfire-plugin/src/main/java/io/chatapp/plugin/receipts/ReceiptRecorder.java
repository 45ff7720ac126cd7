package io.chatapp.plugin.receipts;

import io.chatapp.plugin.archive.MessageArchive.Reference;
import io.chatapp.plugin.config.ReceiptSettings;
import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.storage.BatchWriter;
import io.chatapp.plugin.storage.DatabaseFailures;
import io.chatapp.plugin.storage.ItemJournal;
import io.chatapp.plugin.storage.RefusedRows;
import io.chatapp.plugin.storage.WriteAheadJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records delivery receipts (XEP-0184) and read markers (XEP-0333) without making the packet thread wait for the
 * database: {@link #delivered} and {@link #displayed} queue the receipt (and, with a journal, record it locally), and
 * one writer thread ({@code chatapp-receipts-writer}, a {@link BatchWriter}) stores them in batches.
 *
 * <p>Before each batch the writer waits for the archive to have stored everything offered to it so far, so a receipt
 * that overtook its message on the way to the database still finds it. Each reference is then resolved to an archive
 * id among the sender's messages to the recipient; a receipt that names no such message is dropped. The first
 * delivery recorded for a message and recipient wins; a read marker adds a read mark only when it moves the reader's
 * position in the conversation forward. A batch that cannot be written (database down) is retried with a growing
 * pause, so receipts wait in the queue meanwhile; when the queue is full new receipts are refused. At close, a batch
 * that still fails after three attempts is given up, and {@link #flushed()} fails from then on.
 *
 * <p>With a journal ({@link ReceiptSettings#journaled()}), an accepted receipt is also recorded in a local write-ahead
 * journal before {@code delivered}/{@code displayed} return, so before Openfire acknowledges the receipt's stanza
 * (XEP-0198); what a killed process left is written at the next start, before anything new, once the archive has
 * recovered the messages it names. Writing a receipt twice changes nothing (the first delivery wins; a read mark is
 * added only when it moves the reader forward), so the receipts that had been written before the kill are harmless.
 */
public final class ReceiptRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptRecorder.class);

    public static final String THREAD_NAME = "chatapp-receipts-writer";
    public static final int DEFAULT_QUEUE_CAPACITY = 100_000;
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** How long the writer waits for more receipts before writing a batch (see {@code Batches}). */
    private static final Duration BATCH_LINGER = Duration.ofMillis(20);

    /** Longest wait for the archive's flush, or for the archive to resolve a batch's references, before a retry. */
    private static final Duration ARCHIVE_TIMEOUT = Duration.ofSeconds(30);
    /** While closing, a batch that still fails after this many attempts is given up. */
    private static final int ATTEMPTS_WHEN_CLOSING = 3;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final ArchiveLookup archive;
    private final Clock clock;
    private final BatchWriter<Receipt> writer;
    private final int batchSize;
    /** Null when the settings have no journal; set once by {@link #start}, before the recorder is handed out. */
    private ItemJournal<Receipt> journal;

    private ReceiptRecorder(DataSource dataSource, ArchiveLookup archive, Clock clock, int queueCapacity,
                            int batchSize) {
        this.dataSource = dataSource;
        this.archive = archive;
        this.clock = clock;
        this.batchSize = batchSize;
        this.writer = BatchWriter.<Receipt>builder(THREAD_NAME, "receipts", (batch, retry) -> write(batch))
                .capacity(queueCapacity)
                .batchSize(batchSize)
                .linger(BATCH_LINGER)
                .giveUpWhenClosingAfter(ATTEMPTS_WHEN_CLOSING)
                .skipRefusedItems(DatabaseFailures::isRefusedData, ReceiptRecorder::logSkipped)
                .start();
    }

    /** A recorder without a journal (a killed process loses the receipts it had not written). */
    public static ReceiptRecorder start(DataSource dataSource, ArchiveLookup archive, Clock clock) {
        return start(dataSource, archive, clock, DEFAULT_QUEUE_CAPACITY, DEFAULT_BATCH_SIZE);
    }

    public static ReceiptRecorder start(DataSource dataSource, ArchiveLookup archive, Clock clock, int queueCapacity,
                                        int batchSize) {
        return new ReceiptRecorder(dataSource, archive, clock, queueCapacity, batchSize);
    }

    /**
     * A recorder with the journal the settings give (when they give one): first writes the receipts a killed process
     * left there, so the archive must have recovered its own journal already (the messages those receipts name).
     */
    public static ReceiptRecorder start(DataSource dataSource, ArchiveLookup archive, Clock clock,
                                        ReceiptSettings settings) throws Exception {
        ReceiptRecorder recorder = start(dataSource, archive, clock);
        if (!settings.journaled()) {
            return recorder;
        }
        try {
            recorder.journal = ItemJournal.start(new ItemJournal.Place(Path.of(settings.journalDirectory()),
                            Settings.RECEIPTS_JOURNAL_DIRECTORY.name(), "receipts"),
                    WriteAheadJournal.Mode.named(settings.journalMode()), ReceiptJournal.CODEC,
                    (receipts, release) -> {
                        recorder.writeRecovered(receipts);
                        release.run(); // nothing derives from a receipt: written is safe
                    }, recorder.writer::flushed);
            return recorder;
        } catch (Exception | Error e) {
            recorder.close();
            throw e;
        }
    }

    /**
     * {@code recipient} acknowledged receiving {@code sender}'s message named by {@code reference} at {@code at} (now
     * when null). Never blocks; false when the receipt could not be queued (queue full, or closed).
     */
    public boolean delivered(String sender, String recipient, String reference, Instant at) {
        return offer(new Receipt(Kind.DELIVERED, sender, recipient, recipient, reference, at));
    }

    /**
     * {@code reader} displayed {@code sender}'s message named by {@code reference}, and so every earlier message from
     * {@code sender}, at {@code at} (now when null). Never blocks; false when the marker could not be queued.
     */
    public boolean displayed(String reader, String sender, String reference, Instant at) {
        return offer(new Receipt(Kind.DISPLAYED, sender, reader, reader, reference, at));
    }

    /**
     * {@code member} received the group message of {@code room} named by {@code reference} (its archive id, usually).
     * Group messages are archived with the room as sender and recipient, so that is where the reference is looked up.
     */
    public boolean groupDelivered(String room, String member, String reference, Instant at) {
        return offer(new Receipt(Kind.DELIVERED, room, member, room, reference, at));
    }

    /** {@code member} displayed the group message of {@code room} named by {@code reference}, and every earlier one. */
    public boolean groupDisplayed(String member, String room, String reference, Instant at) {
        return offer(new Receipt(Kind.DISPLAYED, room, member, room, reference, at));
    }

    private boolean offer(Receipt receipt) {
        if (receipt.sender == null || receipt.recipient == null || receipt.reference == null) {
            return false;
        }
        receipt.at = (receipt.at == null ? clock.instant() : receipt.at).truncatedTo(ChronoUnit.MILLIS);
        if (!writer.offer(receipt)) {
            return false;
        }
        if (journal != null) {
            // Waits for the journal (never for the database), as the archive's offer does; should the disk fail,
            // the receipt still has the writer's promise, and the journal logs it.
            journal.append(receipt);
        }
        return true;
    }

    /**
     * Completes once every receipt queued before the call has been dealt with (stored, or dropped because it names no
     * message); fails when some of them could not be stored before {@link #close}.
     */
    public CompletableFuture<Void> flushed() {
        return writer.flushed();
    }

    /** Receipts accepted and not yet written (queued, or in the batch being written). */
    public int pending() {
        return writer.pending();
    }

    /** Refuses new receipts, stores every queued one (giving up a batch only if the database keeps failing) and stops. */
    @Override
    public void close() {
        writer.close(CLOSE_TIMEOUT);
        if (journal != null) {
            journal.close(); // after the writer: its last segment goes once the writer says all is written
        }
    }

    /**
     * Writes the receipts the journal gave back at start, in their order, a batch at a time; one the database refuses
     * for its data is skipped, as live.
     */
    private void writeRecovered(List<Receipt> receipts) throws Exception {
        for (int from = 0; from < receipts.size(); from += batchSize) {
            RefusedRows.writeSkippingRefused(receipts.subList(from, Math.min(receipts.size(), from + batchSize)),
                    this::write, ReceiptRecorder::logSkipped);
        }
    }

    private static void logSkipped(Receipt receipt, Exception cause) {
        LOG.error("Receipt {} cannot be stored and is skipped: {}", receipt, cause.getMessage());
    }

    private void write(List<Receipt> batch)
            throws SQLException, ExecutionException, TimeoutException, InterruptedException {
        // Messages offered to the archive before these receipts arrived are stored once this completes.
        archive.flushed().get(ARCHIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        List<MessageKey> keys = new ArrayList<>(new java.util.LinkedHashSet<>(batch.stream()
                .map(Receipt::key).toList()));
        // One round trip for the whole batch.
        List<OptionalLong> ids = archive.resolveAll(keys.stream()
                        .map(key -> new Reference(key.sender, key.recipient, key.reference)).toList())
                .get(ARCHIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<MessageKey, OptionalLong> resolved = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            resolved.put(keys.get(i), ids.get(i));
        }

        List<Resolved> deliveries = new ArrayList<>();
        List<Resolved> reads = new ArrayList<>();
        for (Receipt receipt : batch) {
            OptionalLong id = resolved.get(receipt.key());
            if (id.isEmpty()) {
                LOG.debug("Dropping a {} receipt from {} for {}'s message {}: no such message", receipt.kind,
                        receipt.recipient, receipt.sender, receipt.reference);
            } else if (receipt.kind == Kind.DELIVERED) {
                deliveries.add(new Resolved(receipt, id.getAsLong()));
            } else {
                reads.add(new Resolved(receipt, id.getAsLong()));
            }
        }
        if (deliveries.isEmpty() && reads.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insertDeliveries(connection, deliveries);
                insertReadMarks(connection, reads);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void insertDeliveries(Connection connection, List<Resolved> deliveries) throws SQLException {
        if (deliveries.isEmpty()) {
            return;
        }
        // One statement for the whole batch: a batch of single-row INSERTs costs the database an execution each.
        int size = deliveries.size();
        Long[] ids = new Long[size];
        String[] recipients = new String[size];
        String[] times = new String[size];
        for (int i = 0; i < size; i++) {
            Resolved delivery = deliveries.get(i);
            ids[i] = delivery.id;
            recipients[i] = delivery.receipt.recipient;
            times[i] = delivery.receipt.at.toString();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO message_delivery (message_id, recipient, delivered_at)"
                        + " SELECT * FROM unnest(?::bigint[], ?::text[], ?::timestamptz[])"
                        + " ON CONFLICT (message_id, recipient) DO NOTHING")) {
            insert.setArray(1, connection.createArrayOf("bigint", ids));
            insert.setArray(2, connection.createArrayOf("text", recipients));
            insert.setArray(3, connection.createArrayOf("text", times));
            insert.executeUpdate();
        }
    }

    private static void insertReadMarks(Connection connection, List<Resolved> reads) throws SQLException {
        if (reads.isEmpty()) {
            return;
        }
        // Another node may be recording the same reader's markers for the same peer: a transaction lock per
        // conversation, taken in one order by every node, keeps "only rows that advance" true across nodes. The sort
        // is stable, so markers of one conversation keep their order.
        List<Resolved> ordered = new ArrayList<>(reads);
        ordered.sort(Comparator.comparingLong(read -> read.lockKey));
        Long[] keys = ordered.stream().map(read -> read.lockKey).distinct().toArray(Long[]::new);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest(?::bigint[]) AS t(k) ORDER BY k) s")) {
            Array array = connection.createArrayOf("bigint", keys);
            lock.setArray(1, array);
            lock.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO read_mark (reader, peer, up_to_id, read_at) SELECT ?, ?, ?, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM read_mark WHERE reader = ? AND peer = ? AND up_to_id >= ?)"
                        + " ON CONFLICT (reader, peer, up_to_id) DO NOTHING")) {
            for (Resolved read : ordered) {
                String reader = read.receipt.recipient;
                String peer = read.receipt.sender;
                insert.setString(1, reader);
                insert.setString(2, peer);
                insert.setLong(3, read.id);
                insert.setObject(4, utc(read.receipt.at));
                insert.setString(5, reader);
                insert.setString(6, peer);
                insert.setLong(7, read.id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A 64-bit FNV-1a hash of the conversation, the key of its advisory lock. */
    static long lockKey(String reader, String peer) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : ("read_mark\u0000" + reader + "\u0000" + peer).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    enum Kind {
        DELIVERED, DISPLAYED
    }

    /**
     * A queued receipt; for a read marker, {@code recipient} is the reader. The message is looked up as sent by
     * {@code sender} to {@code archivedTo}: the recipient for a one-to-one message, the room for a group message.
     */
    static final class Receipt {
        final Kind kind;
        final String sender;
        final String recipient;
        final String archivedTo;
        final String reference;
        Instant at;

        Receipt(Kind kind, String sender, String recipient, String archivedTo, String reference, Instant at) {
            this.kind = kind;
            this.sender = sender;
            this.recipient = recipient;
            this.archivedTo = archivedTo;
            this.reference = reference;
            this.at = at;
        }

        MessageKey key() {
            return new MessageKey(sender, archivedTo, reference);
        }
    }

    private record MessageKey(String sender, String recipient, String reference) {
    }

    private static final class Resolved {
        final Receipt receipt;
        final long id;
        final long lockKey;

        Resolved(Receipt receipt, long id) {
            this.receipt = receipt;
            this.id = id;
            this.lockKey = lockKey(receipt.recipient, receipt.sender);
        }
    }
}
