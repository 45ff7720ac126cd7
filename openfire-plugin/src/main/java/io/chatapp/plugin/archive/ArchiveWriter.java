package io.chatapp.plugin.archive;

import io.chatapp.plugin.storage.BatchWriter;
import io.chatapp.plugin.storage.DatabaseFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's writer ({@code chatapp-archive-writer}): a {@link BatchWriter} of accepted messages whose batches are
 * committed by {@link BatchInsert}, one transaction each.
 *
 * <p>A batch that fails for any reason but bad data (connection lost, database down, out of disk) is retried, the same
 * batch, until it is written; retries use {@code ON CONFLICT (id) DO NOTHING}, since a commit whose answer was lost may
 * have gone through. A batch refused for its data ({@link DatabaseFailures#isRefusedData}: SQLSTATE classes 22, 23
 * and 54, which no retry can fix) is written one
 * message at a time, and only the offending messages are skipped and logged. Nothing is given up at close.
 *
 * <p>Once a batch is committed, its {@link MessageArchive.ArchivedListener} is told, on this thread, before the batch
 * counts as flushed: what derives from an archived message (a media share) is then as safe from a killed process as
 * the message, since the journal keeps a segment until its messages are flushed. A listener that finds the database
 * unavailable has the batch retried like a failed commit (written again, changing nothing, and told again).
 */
final class ArchiveWriter implements BatchWriter.Sink<NewMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWriter.class);
    static final String THREAD_NAME = "chatapp-archive-writer";
    /** How long the writer waits for more messages before writing a batch (see {@code Batches}). */
    private static final Duration BATCH_LINGER = Duration.ofMillis(10);

    private final DataSource dataSource;
    private final BatchInsert insert;
    private final AtomicReference<MessageArchive.ArchivedListener> listener;

    private ArchiveWriter(DataSource dataSource, BatchInsert insert,
                          AtomicReference<MessageArchive.ArchivedListener> listener) {
        this.dataSource = dataSource;
        this.insert = insert;
        this.listener = listener;
    }

    static BatchWriter<NewMessage> start(DataSource dataSource, BatchInsert insert, int capacity, int batchSize,
                                         AtomicReference<MessageArchive.ArchivedListener> listener) {
        return BatchWriter.builder(THREAD_NAME, "archive messages", new ArchiveWriter(dataSource, insert, listener))
                .capacity(capacity)
                .batchSize(batchSize)
                .linger(BATCH_LINGER)
                .skipRefusedItems(DatabaseFailures::isRefusedData, ArchiveWriter::logSkipped)
                .start();
    }

    @Override
    public void write(List<NewMessage> batch, boolean retry) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insert.write(connection, batch, retry);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        try {
            listener.get().archived(batch);
        } catch (SQLException | RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                // What derives from the batch is not yet safe: keep the batch (and its journal segment), and come
                // back with it, committed already, as for a commit whose answer was lost.
                throw e;
            }
            // A failure no retry fixes must not have the messages written again, or block the rest.
            LOG.warn("After archiving {} messages: {}", batch.size(), e.getMessage(), e);
        }
    }

    private static void logSkipped(NewMessage message, Exception cause) {
        LOG.error("Archive message {} from {} to {} cannot be stored and is skipped: {}",
                ArchiveIds.format(message.id()), message.sender(), message.recipient(), cause.getMessage());
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it.
        }
    }
}
