package io.chatapp.plugin.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment files of a {@link WriteAheadJournal}: their names ({@code <sequence>.journal}, in the order written),
 * and reading back the records a killed process left.
 */
public final class JournalSegments {

    private static final Logger LOG = LoggerFactory.getLogger(JournalSegments.class);
    static final int HEADER_BYTES = 8;
    private static final String SUFFIX = ".journal";

    /**
     * What a journal directory held at start: every complete record, in the order written, and the segments they
     * came from (to delete once the records are safe elsewhere).
     */
    public record Recovered(List<byte[]> records, List<Path> segments) {

        /** Deletes the recovered segments. */
        public void discard() {
            segments.forEach(JournalSegments::delete);
        }
    }

    private JournalSegments() {
    }

    /** Reads every segment in {@code directory} (none if it does not exist); a torn or corrupt tail is skipped. */
    public static Recovered recover(Path directory) throws IOException {
        List<Path> segments = list(directory);
        List<byte[]> records = new ArrayList<>();
        for (Path segment : segments) {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment));
            while (bytes.remaining() >= HEADER_BYTES) {
                int length = bytes.getInt();
                int checksum = bytes.getInt();
                if (length < 0 || length > bytes.remaining()) {
                    LOG.warn("Journal segment {} ends with a record cut short; it was never acknowledged", segment);
                    break;
                }
                byte[] record = new byte[length];
                bytes.get(record);
                CRC32 crc = new CRC32();
                crc.update(record);
                if ((int) crc.getValue() != checksum) {
                    LOG.warn("Journal segment {} has a corrupt record at {}; skipping the rest", segment,
                            bytes.position() - length - HEADER_BYTES);
                    break;
                }
                records.add(record);
            }
        }
        return new Recovered(records, segments);
    }

    static long nextSequence(Path directory) throws IOException {
        long next = 0;
        for (Path segment : list(directory)) {
            next = Math.max(next, sequence(segment) + 1);
        }
        return next;
    }

    static Path path(Path directory, long sequence) {
        return directory.resolve(String.format("%019d%s", sequence, SUFFIX));
    }

    static void delete(Path segment) {
        try {
            Files.deleteIfExists(segment);
        } catch (IOException e) {
            LOG.warn("Could not delete journal segment {} (its records will be written again, harmlessly, at the next"
                    + " start): {}", segment, e.getMessage());
        }
    }

    private static List<Path> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("[0-9]{1,19}\\" + SUFFIX))
                    .sorted((a, b) -> Long.compare(sequence(a), sequence(b))).toList();
        }
    }

    private static long sequence(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }
}
