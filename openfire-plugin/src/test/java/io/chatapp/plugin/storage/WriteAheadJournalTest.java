package io.chatapp.plugin.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead journal: what it records survives until committed, and is read back after a crash. */
class WriteAheadJournalTest {

    @TempDir
    Path directory;

    private static byte[] record(int n) {
        return ("record-" + n).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(JournalSegments.Recovered recovered) {
        return recovered.records().stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void uncommittedRecordsAreReadBackInOrderAcrossSegments() throws Exception {
        // The database never confirms: nothing may be deleted; a short rotation spreads records over segments.
        try (WriteAheadJournal journal = WriteAheadJournal.start(directory, WriteAheadJournal.Mode.FSYNC,
                Duration.ofMillis(20), CompletableFuture::new)) {
            for (int n = 0; n < 60; n++) {
                assertThat(journal.append(record(n))).isTrue();
                if (n % 20 == 19) {
                    Thread.sleep(50);
                }
            }
        }
        JournalSegments.Recovered recovered = JournalSegments.recover(directory);
        assertThat(recovered.segments()).hasSizeGreaterThan(1);
        assertThat(texts(recovered)).containsExactlyElementsOf(
                IntStream.range(0, 60).mapToObj(n -> "record-" + n).toList());

        recovered.discard();
        assertThat(JournalSegments.recover(directory).records()).isEmpty();
    }

    @Test
    void segmentsAreDeletedOnceTheirRecordsAreCommitted() throws Exception {
        try (WriteAheadJournal journal = WriteAheadJournal.start(directory, WriteAheadJournal.Mode.WRITE,
                Duration.ofMillis(20), () -> CompletableFuture.completedFuture(null))) {
            for (int n = 0; n < 10; n++) {
                assertThat(journal.append(record(n))).isTrue();
            }
            Thread.sleep(200);
            assertThat(segmentFiles()).as("rotated and deleted while running").isEmpty();
            assertThat(journal.append(record(10))).isTrue();
        }
        assertThat(segmentFiles()).as("the last segment goes at close").isEmpty();
    }

    @Test
    void aSegmentWhoseRecordsFailedToCommitIsKept() throws Exception {
        try (WriteAheadJournal journal = WriteAheadJournal.start(directory, WriteAheadJournal.Mode.WRITE,
                Duration.ofMillis(20), () -> CompletableFuture.failedFuture(new IllegalStateException("lost")))) {
            assertThat(journal.append(record(1))).isTrue();
        }
        assertThat(texts(JournalSegments.recover(directory))).containsExactly("record-1");
    }

    @Test
    void aRecordCutShortByTheKillIsIgnored() throws Exception {
        try (WriteAheadJournal journal = WriteAheadJournal.start(directory, WriteAheadJournal.Mode.WRITE,
                Duration.ofSeconds(10), CompletableFuture::new)) {
            journal.append(record(1));
            journal.append(record(2));
        }
        Path segment = segmentFiles().get(0);
        // A third record's header and half its bytes; then a record whose checksum does not match.
        Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 'x', 'y'}, StandardOpenOption.APPEND);
        assertThat(texts(JournalSegments.recover(directory))).containsExactly("record-1", "record-2");

        Files.write(directory.resolve("0000000000000000099.journal"), new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 'z'});
        assertThat(texts(JournalSegments.recover(directory))).containsExactly("record-1", "record-2");
    }

    @Test
    void aClosedJournalRefusesAndANewOneStartsAfterTheOldSegments() throws Exception {
        WriteAheadJournal first = WriteAheadJournal.start(directory, WriteAheadJournal.Mode.WRITE,
                Duration.ofSeconds(10), CompletableFuture::new);
        first.append(record(1));
        first.close();
        assertThat(first.append(record(2))).isFalse();

        try (WriteAheadJournal second = WriteAheadJournal.start(directory, WriteAheadJournal.Mode.WRITE,
                Duration.ofSeconds(10), CompletableFuture::new)) {
            second.append(record(3));
        }
        assertThat(texts(JournalSegments.recover(directory))).containsExactly("record-1", "record-3");
    }

    private List<Path> segmentFiles() throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
