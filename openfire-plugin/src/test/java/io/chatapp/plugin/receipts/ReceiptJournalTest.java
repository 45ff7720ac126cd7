package io.chatapp.plugin.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.config.ReceiptSettings;
import io.chatapp.plugin.receipts.ReceiptRecorder.Kind;
import io.chatapp.plugin.receipts.ReceiptRecorder.Receipt;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.storage.ItemJournal;
import io.chatapp.plugin.storage.JournalSegments;
import io.chatapp.plugin.storage.WriteAheadJournal;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receipts' write-ahead journal: an accepted receipt or read marker is recorded before the recorder's offer
 * returns (before the server acknowledges its stanza), and what a killed process left is written at the next start,
 * each once; receipts that were written before the kill are written again harmlessly.
 */
class ReceiptJournalTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final Instant T0 = Instant.parse("2026-12-07T10:15:30.123Z");
    private static final String ALICE = "alice@example.org";
    private static final String BOB = "bob@example.org";
    private static final String ROOM = "crew@groups.example.org";

    @TempDir
    Path journal;

    private final MutableClock clock = new MutableClock(T0.plusSeconds(60));
    private Database database;
    private TestArchive archive;
    /** The recorder under test; closed (when open) before the database. */
    private ReceiptRecorder recorder;

    @BeforeEach
    void open() {
        database = Database.open(postgres.settings("receipt_journal_" + System.nanoTime()));
        archive = new TestArchive(database.dataSource());
    }

    @AfterEach
    void close() {
        if (recorder != null) {
            recorder.close();
        }
        database.close();
    }

    private ReceiptSettings journaled() {
        return new ReceiptSettings(journal.toString(), "fsync");
    }

    private static long id(int second) {
        return TestArchive.id(T0.plusSeconds(second), 0);
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second).plusMillis(7);
    }

    @Test
    void anAcceptedReceiptIsInTheJournalBeforeItIsWritten() throws Exception {
        long m1 = archive.store(id(1), ALICE, BOB, "m1");
        CompletableFuture<Void> archiveFlush = archive.holdFlushes();
        recorder = ReceiptRecorder.start(database.dataSource(), archive, clock, journaled());

        assertThat(recorder.delivered(ALICE, BOB, "m1", at(2))).isTrue();
        assertThat(recorder.displayed(BOB, ALICE, "m1", at(3))).isTrue();

        List<byte[]> recorded = JournalSegments.recover(journal).records();
        assertThat(recorded).hasSize(2);
        Receipt read = ItemJournal.decode(ReceiptJournal.CODEC, recorded.get(1));
        assertThat(List.of(read.kind, read.sender, read.recipient, read.archivedTo, read.reference, read.at))
                .containsExactly(Kind.DISPLAYED, ALICE, BOB, BOB, "m1", at(3));
        assertThat(deliveries()).as("not written yet").isEmpty();

        archiveFlush.complete(null);
        recorder.flushed().get(10, TimeUnit.SECONDS);
        recorder.close();
        recorder = null;
        assertThat(deliveries()).containsExactly(List.of(m1, BOB, at(2)));
        assertThat(segments()).as("written: the journal is emptied").isEmpty();
    }

    @Test
    void whatAKilledProcessLeftIsWrittenOnceAtTheNextStart() throws Exception {
        long m1 = archive.store(id(1), ALICE, BOB, "m1");
        long m2 = archive.store(id(2), ALICE, BOB, "m2");
        long m3 = archive.store(id(3), ALICE, BOB, "m3");
        long g1 = archive.store(id(4), ROOM, ROOM, "g1");
        // The previous process wrote the first delivery and read mark, had the rest acknowledged, then died: its
        // journal still holds all of them (the segment of the written ones had not been deleted yet).
        try (ReceiptRecorder before = ReceiptRecorder.start(database.dataSource(), archive, clock)) {
            before.delivered(ALICE, BOB, "m1", at(10));
            before.displayed(BOB, ALICE, "m1", at(11));
            before.flushed().get(10, TimeUnit.SECONDS);
        }
        List<Receipt> left = List.of(
                new Receipt(Kind.DELIVERED, ALICE, BOB, BOB, "m1", at(10)),
                new Receipt(Kind.DISPLAYED, ALICE, BOB, BOB, "m1", at(11)),
                new Receipt(Kind.DELIVERED, ALICE, BOB, BOB, "m2", at(12)),
                new Receipt(Kind.DISPLAYED, ALICE, BOB, BOB, "m3", at(13)),
                new Receipt(Kind.DISPLAYED, ALICE, BOB, BOB, "m2", at(14)), // behind the reader's position
                new Receipt(Kind.DELIVERED, ROOM, BOB, ROOM, "g1", at(15)),
                new Receipt(Kind.DISPLAYED, ROOM, BOB, ROOM, "g1", at(16)),
                new Receipt(Kind.DELIVERED, ALICE, BOB, BOB, "lost", at(17))); // its message was never acknowledged
        try (WriteAheadJournal killed = WriteAheadJournal.start(journal, WriteAheadJournal.Mode.FSYNC,
                Duration.ofMinutes(1), CompletableFuture::new)) {
            left.forEach(receipt -> assertThat(killed.append(ItemJournal.encode(ReceiptJournal.CODEC, receipt)))
                    .isTrue());
        }

        recorder = ReceiptRecorder.start(database.dataSource(), archive, clock, journaled());

        List<List<Object>> deliveries = List.of(List.of(m1, BOB, at(10)), List.of(m2, BOB, at(12)),
                List.of(g1, BOB, at(15)));
        List<List<Object>> readMarks = List.of(List.of(BOB, ALICE, m1, at(11)), List.of(BOB, ALICE, m3, at(13)),
                List.of(BOB, ROOM, g1, at(16)));
        assertThat(deliveries()).containsExactlyElementsOf(deliveries);
        assertThat(readMarks()).containsExactlyElementsOf(readMarks);
        assertThat(segments()).as("recovered segments are deleted").isEmpty();

        // Started again (as after a second kill with the same journal): nothing is written twice.
        recorder.close();
        try (WriteAheadJournal killedAgain = WriteAheadJournal.start(journal, WriteAheadJournal.Mode.WRITE,
                Duration.ofMinutes(1), CompletableFuture::new)) {
            left.forEach(receipt -> killedAgain.append(ItemJournal.encode(ReceiptJournal.CODEC, receipt)));
        }
        recorder = ReceiptRecorder.start(database.dataSource(), archive, clock, journaled());
        assertThat(deliveries()).containsExactlyElementsOf(deliveries);
        assertThat(readMarks()).containsExactlyElementsOf(readMarks);
    }

    @Test
    void withoutAJournalNothingIsRecordedOnDisk() throws Exception {
        archive.store(id(1), ALICE, BOB, "m1");
        recorder = ReceiptRecorder.start(database.dataSource(), archive, clock,
                new ReceiptSettings(journal.toString(), "off"));
        assertThat(recorder.delivered(ALICE, BOB, "m1", at(2))).isTrue();
        recorder.flushed().get(10, TimeUnit.SECONDS);
        assertThat(segments()).isEmpty();
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(journal)) {
            return files.toList();
        }
    }

    private List<List<Object>> deliveries() throws SQLException {
        return new ReceiptRows(postgres, database.schema()).deliveries();
    }

    private List<List<Object>> readMarks() throws SQLException {
        return new ReceiptRows(postgres, database.schema()).readMarks();
    }
}
