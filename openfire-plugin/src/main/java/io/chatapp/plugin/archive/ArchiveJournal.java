package io.chatapp.plugin.archive;

import io.chatapp.plugin.config.ArchiveSettings;
import io.chatapp.plugin.storage.BatchWriter;
import io.chatapp.plugin.storage.JournalSegments;
import io.chatapp.plugin.storage.WriteAheadJournal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's write-ahead journal: every message the archive accepts is recorded here before the interceptor
 * returns, hence before Openfire counts it as handled and acknowledges it to its sender (XEP-0198 counts a stanza
 * once its routing, interceptors included, has returned). A message acknowledged and then lost with a killed process
 * before its batch committed is written at the next start, before the archive takes anything new
 * ({@link #recover}). See docs/reliability.md.
 */
final class ArchiveJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveJournal.class);
    /** How long a segment collects messages before it is closed (and deleted once they are committed). */
    private static final Duration ROTATION = Duration.ofSeconds(1);
    private static final int NONE = -1;

    private final WriteAheadJournal journal;

    private ArchiveJournal(WriteAheadJournal journal) {
        this.journal = journal;
    }

    /**
     * Writes what a previous process left in the journal (each message once: an id already archived is skipped),
     * then starts the journal; null when the settings have none.
     */
    static ArchiveJournal start(ArchiveSettings settings, DataSource db, BatchInsert insert,
                                BatchWriter<NewMessage> writer) throws SQLException {
        if (!settings.journaled()) {
            return null;
        }
        Path directory = Path.of(settings.journalDirectory());
        try {
            recover(directory, db, insert, settings.batchSize());
            WriteAheadJournal.Mode mode = settings.journalMode().equals("write") ? WriteAheadJournal.Mode.WRITE
                    : WriteAheadJournal.Mode.FSYNC;
            return new ArchiveJournal(WriteAheadJournal.start(directory, mode, ROTATION, writer::flushed));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the archive journal in " + directory
                    + " (chatapp.archive.journal.directory): " + e.getMessage(), e);
        }
    }

    /** Records the accepted message; false (logged by the journal) when it could not. */
    boolean append(NewMessage message) {
        return journal.append(encode(message));
    }

    @Override
    public void close() {
        journal.close();
    }

    static void recover(Path directory, DataSource db, BatchInsert insert, int batchSize)
            throws IOException, SQLException {
        JournalSegments.Recovered recovered = JournalSegments.recover(directory);
        if (recovered.segments().isEmpty()) {
            return;
        }
        List<NewMessage> messages = new ArrayList<>(recovered.records().size());
        for (byte[] record : recovered.records()) {
            messages.add(decode(record));
        }
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            for (int from = 0; from < messages.size(); from += batchSize) {
                // retry = true: ON CONFLICT (id) DO NOTHING, since most of them were committed before the end.
                insert.write(connection, messages.subList(from, Math.min(messages.size(), from + batchSize)), true);
            }
            connection.commit();
        }
        recovered.discard();
        LOG.info("Archive journal: {} messages left by the previous process written (those already archived were"
                + " skipped)", messages.size());
    }

    static byte[] encode(NewMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(message.stanzaXml().length() + 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(message.id());
            writeString(out, message.sender());
            writeString(out, message.recipient());
            writeString(out, message.messageId());
            writeString(out, message.originId());
            writeString(out, message.stanzaXml());
            writeString(out, message.groupSender());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static NewMessage decode(byte[] record) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            // A record written before group senders were journalled ends after the stanza.
            return new NewMessage(in.readLong(), readString(in), readString(in), readString(in), readString(in),
                    readString(in), in.available() > 0 ? readString(in) : null);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(NONE);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == NONE) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("corrupt journal record");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
