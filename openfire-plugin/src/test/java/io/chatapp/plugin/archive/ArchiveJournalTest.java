package io.chatapp.plugin.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.ArchiveSettings;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.storage.JournalSegments;
import io.chatapp.plugin.storage.WriteAheadJournal;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's write-ahead journal: a message is recorded before {@code offer} returns (before the server
 * acknowledges it), and what a killed process left is archived at the next start, each message once.
 */
class ArchiveJournalTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    @TempDir
    Path journal;

    private final String schema = "journal_" + System.nanoTime();
    private final Database database = Database.open(postgres.settings(schema));
    /** The archive under test; closed (when open) before the database. */
    private MessageArchive archive;

    @AfterEach
    void closeArchiveThenDatabase() {
        java.util.Optional.ofNullable(archive).ifPresent(MessageArchive::close);
        database.close();
    }

    private ArchiveSettings settings() {
        return new ArchiveSettings(1000, 100, 2, 250, Duration.ofHours(48), journal.toString(), "fsync");
    }

    private static NewMessage message(long id, int n) {
        return new NewMessage(id, "alice@example.com", "bob@example.com", "m-" + n, n % 2 == 0 ? null : "o-" + n,
                "<message id='m-" + n + "'><body>caf\u00e9 " + n + "</body></message>");
    }

    private List<List<Object>> rows() throws SQLException {
        return postgres.query("SELECT id, message_id, client_ref FROM " + schema + ".archive_message ORDER BY id");
    }

    @Test
    void anAcceptedMessageIsInTheJournalBeforeItsBatchCommits() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        BatchInsert held = new BatchInsert() {
            private final BatchInsert real = BatchInsert.standard();

            @Override
            public void write(Connection connection, List<NewMessage> batch, boolean retry) throws SQLException {
                try {
                    hold.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                real.write(connection, batch, retry);
            }
        };
        archive = MessageArchive.start(database.dataSource(), settings(), Clock.systemUTC(), held);
        for (int n = 1; n <= 3; n++) {
            assertThat(archive.offer(message(archive.ids().next(), n))).isTrue();
        }

        List<byte[]> recorded = JournalSegments.recover(journal).records();
        assertThat(recorded).hasSize(3);
        assertThat(ArchiveJournal.decode(recorded.get(2)).messageId()).isEqualTo("m-3");
        assertThat(rows()).as("not committed yet").isEmpty();

        hold.countDown();
        archive.flushed().get(10, TimeUnit.SECONDS);
        archive.close();
        archive = null;
        assertThat(rows()).hasSize(3);
        assertThat(segments()).as("committed: the journal is emptied").isEmpty();
    }

    @Test
    void whatAKilledProcessLeftIsArchivedOnceAtTheNextStart() throws Exception {
        // The previous process archived message 1, had 2 and 3 acknowledged but not committed, then died.
        archive = MessageArchive.start(database.dataSource(), new ArchiveSettings(1000, 100, 2, 250,
                Duration.ofHours(48)), Clock.systemUTC());
        NewMessage first = message(archive.ids().next(), 1);
        List<NewMessage> left = List.of(first, message(archive.ids().next(), 2), message(archive.ids().next(), 3));
        archive.offer(first);
        archive.flushed().get(10, TimeUnit.SECONDS);
        archive.close();
        leftByAKilledProcess(left);

        archive = MessageArchive.start(database.dataSource(), settings(), Clock.systemUTC());

        assertThat(rows()).extracting(row -> row.get(1)).containsExactly("m-1", "m-2", "m-3");
        assertThat(rows()).extracting(row -> row.get(2)).containsExactly("o-1", "m-2", "o-3");
        assertThat(segments()).as("kept until what derives from them is safe").hasSize(1);
        List<NewMessage> told = new ArrayList<>();
        archive.takeRecovered(told::addAll);
        assertThat(told).as("handed over, for what derives from them (media shares)").containsExactlyElementsOf(left);
        assertThat(segments()).as("then deleted").isEmpty();
        archive.takeRecovered(messages -> told.add(null));
        assertThat(told).as("once").hasSize(3);
        assertThat(archive.query("alice@example.com", ArchiveQuery.first(10)).get(10, TimeUnit.SECONDS)
                .messages()).extracting(ArchivedMessage::stanzaXml).last().asString().contains("caf\u00e9 3");
    }

    /**
     * The media shares of recovered messages are noted after the archive starts: a database lost, or a second kill,
     * before they are must not lose them. Their segments stay until they are noted, and the next start brings them back.
     */
    @Test
    void recoveredMessagesComeBackUntilWhatDerivesFromThemIsSafe() throws Exception {
        archive = MessageArchive.start(database.dataSource(), settings(), Clock.systemUTC());
        List<NewMessage> left = List.of(message(archive.ids().next(), 1), message(archive.ids().next(), 2));
        archive.close();
        archive = null;
        leftByAKilledProcess(left);

        // Started again: the shares cannot be noted (the database went away).
        archive = MessageArchive.start(database.dataSource(), settings(), Clock.systemUTC());
        assertThatThrownBy(() -> archive.takeRecovered(messages -> {
            throw new java.sql.SQLTransientConnectionException("no connection (simulated)");
        })).isInstanceOf(SQLException.class);
        assertThat(archive.offer(message(archive.ids().next(), 3))).isTrue();
        archive.flushed().get(10, TimeUnit.SECONDS);
        archive.close(); // or killed: either way, the next start gives them back
        archive = MessageArchive.start(database.dataSource(), settings(), Clock.systemUTC());

        List<NewMessage> told = new ArrayList<>();
        archive.takeRecovered(told::addAll);
        assertThat(told).extracting(NewMessage::messageId).as("the recovered ones again").containsExactly("m-1", "m-2");
        assertThat(segments()).isEmpty();
        assertThat(rows()).extracting(row -> row.get(1)).as("each once").containsExactly("m-1", "m-2", "m-3");
    }

    /**
     * A message the database refuses for what it is (here a reference too large for an index entry, SQLSTATE 54000)
     * would fail every start; it is skipped, the others written, and the archive starts.
     */
    @Test
    void aMessageTheDatabaseRefusesDoesNotStopTheNextStart() throws Exception {
        archive = MessageArchive.start(database.dataSource(), settings(), Clock.systemUTC());
        List<NewMessage> left = List.of(message(archive.ids().next(), 1),
                new NewMessage(archive.ids().next(), "alice@example.com", "bob@example.com", "m-big",
                        ArchiveWriterTest.tooLargeForAnIndexEntry(), "<message id='m-big'><body>big</body></message>"),
                message(archive.ids().next(), 3));
        archive.close();
        archive = null;
        leftByAKilledProcess(left);

        archive = MessageArchive.start(database.dataSource(), settings(), Clock.systemUTC());

        assertThat(rows()).extracting(row -> row.get(1)).containsExactly("m-1", "m-3");
        assertThat(archive.offer(message(archive.ids().next(), 4))).isTrue();
    }

    /** Journals the messages as a process killed before their batch committed would have left them. */
    private void leftByAKilledProcess(List<NewMessage> left) throws Exception {
        try (WriteAheadJournal killed = WriteAheadJournal.start(journal, WriteAheadJournal.Mode.FSYNC,
                Duration.ofMinutes(1), CompletableFuture::new)) {
            left.forEach(message -> assertThat(killed.append(ArchiveJournal.encode(message))).isTrue());
        }
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(journal)) {
            return files.toList();
        }
    }

    /**
     * A group message keeps its real sender through the journal and into {@code archive_message.group_sender} by
     * either insert; a record journalled before senders were (it ends after the stanza) still reads, without one.
     */
    @Test
    void aGroupSenderIsJournalledAndArchivedAndAnOlderRecordStillReads() throws Exception {
        NewMessage group = new NewMessage(1001, "g@groups.example.com", "g@groups.example.com", "g-1", null,
                "<message id='g-1'><body>hi</body></message>", "alice@example.com");
        assertThat(ArchiveJournal.decode(ArchiveJournal.encode(group))).isEqualTo(group);
        byte[] current = ArchiveJournal.encode(message(1002, 2));
        byte[] older = java.util.Arrays.copyOf(current, current.length - Integer.BYTES); // without the "none" mark
        assertThat(ArchiveJournal.decode(older)).isEqualTo(message(1002, 2));

        NewMessage copied = new NewMessage(1003, group.sender(), group.recipient(), "g-2", null, group.stanzaXml(),
                "bob@example.com");
        try (java.sql.Connection connection = database.dataSource().getConnection()) {
            new BatchInsert.Unnest().write(connection, List.of(group), false);
            new BatchInsert.Copy().write(connection, List.of(copied, message(1004, 4)), false);
        }
        assertThat(postgres.query("SELECT id, group_sender FROM " + schema + ".archive_message ORDER BY id"))
                .containsExactly(List.of(1001L, "alice@example.com"), List.of(1003L, "bob@example.com"),
                        java.util.Arrays.asList(1004L, null));
    }
}
