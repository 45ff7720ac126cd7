package io.chatapp.plugin.archive;

import io.chatapp.plugin.config.ArchiveSettings;
import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.storage.BatchWriter;
import io.chatapp.plugin.storage.ItemJournal;
import io.chatapp.plugin.storage.RefusedRows;
import io.chatapp.plugin.storage.WriteAheadJournal;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's write-ahead journal: every message the archive accepts is recorded here before the interceptor
 * returns, hence before Openfire counts it as handled and acknowledges it to its sender (XEP-0198 counts a stanza
 * once its routing, interceptors included, has returned). A message acknowledged and then lost with a killed process
 * before its batch committed is written at the next start, before the archive takes anything new. See
 * docs/reliability.md.
 */
final class ArchiveJournal {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveJournal.class);

    /** A message as a journal record: its fields in order, the group sender last (added later, so optional). */
    static final ItemJournal.Codec<NewMessage> CODEC = new ItemJournal.Codec<>() {
        @Override
        public void write(NewMessage message, DataOutputStream out) throws IOException {
            out.writeLong(message.id());
            ItemJournal.Codec.writeString(out, message.sender());
            ItemJournal.Codec.writeString(out, message.recipient());
            ItemJournal.Codec.writeString(out, message.messageId());
            ItemJournal.Codec.writeString(out, message.originId());
            ItemJournal.Codec.writeString(out, message.stanzaXml());
            ItemJournal.Codec.writeString(out, message.groupSender());
        }

        @Override
        public NewMessage read(DataInputStream in) throws IOException {
            // A record written before group senders were journalled ends after the stanza.
            return new NewMessage(in.readLong(), ItemJournal.Codec.readString(in), ItemJournal.Codec.readString(in),
                    ItemJournal.Codec.readString(in), ItemJournal.Codec.readString(in),
                    ItemJournal.Codec.readString(in), in.available() > 0 ? ItemJournal.Codec.readString(in) : null);
        }
    };

    /**
     * The messages the journal gave back at start, written again; {@code release} deletes the segments they came from
     * once what derives from them (media shares) is safe too.
     */
    record Recovered(List<NewMessage> messages, Runnable release) {
        static final Recovered NONE = new Recovered(List.of(), () -> { });
    }

    private ArchiveJournal() {
    }

    /**
     * Writes what a previous process left in the journal (each message once: an id already archived is skipped) and
     * hands those messages to {@code recovered}, their segments kept until it releases them; then starts the journal.
     * Null when the settings have none.
     */
    static ItemJournal<NewMessage> start(ArchiveSettings settings, DataSource db, BatchInsert insert,
                                         BatchWriter<NewMessage> writer, Consumer<Recovered> recovered)
            throws SQLException {
        if (!settings.journaled()) {
            return null;
        }
        return ItemJournal.start(new ItemJournal.Place(Path.of(settings.journalDirectory()),
                        Settings.ARCHIVE_JOURNAL_DIRECTORY.name(), "archive messages"),
                WriteAheadJournal.Mode.named(settings.journalMode()), CODEC, (messages, release) -> {
                    write(db, insert, settings.batchSize(), messages);
                    recovered.accept(new Recovered(messages, release));
                }, writer::flushed);
    }

    private static void write(DataSource db, BatchInsert insert, int batchSize, List<NewMessage> messages)
            throws SQLException {
        RefusedRows.writeSkippingRefused(messages, rows -> writeAll(db, insert, batchSize, rows), (message, cause) ->
                LOG.error("Archive message {} from {} to {}, left by the previous process, cannot be stored and is"
                        + " skipped: {}", ArchiveIds.format(message.id()), message.sender(), message.recipient(),
                        cause.getMessage()));
    }

    private static void writeAll(DataSource db, BatchInsert insert, int batchSize, List<NewMessage> messages)
            throws SQLException {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            for (int from = 0; from < messages.size(); from += batchSize) {
                // retry = true: ON CONFLICT (id) DO NOTHING, since most of them were committed before the end.
                insert.write(connection, messages.subList(from, Math.min(messages.size(), from + batchSize)), true);
            }
            connection.commit();
        }
    }

    static byte[] encode(NewMessage message) {
        return ItemJournal.encode(CODEC, message);
    }

    static NewMessage decode(byte[] record) throws IOException {
        return ItemJournal.decode(CODEC, record);
    }
}
