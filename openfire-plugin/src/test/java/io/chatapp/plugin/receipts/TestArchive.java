package io.chatapp.plugin.receipts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * A stand-in for the archive in receipts tests: it writes rows of {@code archive_message} (created by the test stub of
 * migration V4) directly and answers {@link ArchiveLookup} from them. Its {@link #flushed()} completes at once unless
 * a test holds it with {@link #holdFlushes()}.
 */
final class TestArchive implements ArchiveLookup {

    /** Archive ids count milliseconds from here (as the archive's ids do). */
    static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

    private final DataSource dataSource;
    private final AtomicReference<CompletableFuture<Void>> flush = new AtomicReference<>(
            CompletableFuture.completedFuture(null));

    TestArchive(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An archive id of a message received at {@code at}, the {@code sequence}th in that millisecond. */
    static long id(Instant at, int sequence) {
        return (at.toEpochMilli() - EPOCH.toEpochMilli()) << 22 | sequence;
    }

    static Instant timeOf(long id) {
        return EPOCH.plusMillis(id >>> 22);
    }

    /** Stores a message as the archive would, with the same origin-id and id (as our library sends). */
    long store(long id, String sender, String recipient, String messageId) {
        return store(id, sender, recipient, messageId, messageId);
    }

    long store(long id, String sender, String recipient, String messageId, String originId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO archive_message (id, sender, recipient, message_id, client_ref, stanza)"
                             + " VALUES (?, ?, ?, ?, ?, '<message/>')")) {
            insert.setLong(1, id);
            insert.setString(2, sender);
            insert.setString(3, recipient);
            insert.setString(4, messageId);
            insert.setString(5, originId != null ? originId : messageId);
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** From now on {@link #flushed()} waits until the returned future is completed. */
    CompletableFuture<Void> holdFlushes() {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        flush.set(gate);
        return gate;
    }

    @Override
    public CompletableFuture<Void> flushed() {
        return flush.get();
    }

    @Override
    public CompletableFuture<OptionalLong> resolve(String sender, String recipient, String reference) {
        return CompletableFuture.supplyAsync(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT id FROM archive_message WHERE sender = ? AND recipient = ?"
                                 + " AND (client_ref = ? OR message_id = ? OR id = ?) ORDER BY id DESC LIMIT 1")) {
                query.setString(1, sender);
                query.setString(2, recipient);
                query.setString(3, reference);
                query.setString(4, reference);
                query.setLong(5, asId(reference));
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
                }
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        });
    }

    @Override
    public CompletableFuture<Optional<ArchivedRef>> find(String owner, String reference) {
        return CompletableFuture.supplyAsync(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT id, sender, recipient, message_id FROM archive_message"
                                 + " WHERE (sender = ? OR recipient = ?) AND (client_ref = ? OR message_id = ? OR id = ?)"
                                 + " ORDER BY (sender = ?) DESC, id DESC LIMIT 1")) {
                query.setString(1, owner);
                query.setString(2, owner);
                query.setString(3, reference);
                query.setString(4, reference);
                query.setLong(5, asId(reference));
                query.setString(6, owner);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    long id = rows.getLong(1);
                    return Optional.of(new ArchivedRef(id, rows.getString(2), rows.getString(3), rows.getString(4),
                            timeOf(id)));
                }
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static long asId(String reference) {
        return reference.matches("[0-9]{1,18}") ? Long.parseLong(reference) : -1;
    }
}
