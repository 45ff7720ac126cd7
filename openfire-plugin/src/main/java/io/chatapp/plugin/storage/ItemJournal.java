package io.chatapp.plugin.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead journal of one feature's items (the archive's messages, the receipts), what each such feature
 * shares: at start, what a killed process left is decoded and handed to the feature to write again
 * ({@link Recovery}), before the journal takes anything new; then each item its {@link BatchWriter} accepts is
 * recorded ({@link #append}) before the caller's stanza is acknowledged. The feature owns only its {@link Codec}
 * and how a recovered item is written.
 */
public final class ItemJournal<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ItemJournal.class);
    /** How long a segment collects items before it is closed (and deleted once they are committed). */
    private static final Duration ROTATION = Duration.ofSeconds(1);
    private static final int NONE = -1;

    /** An item as bytes and back; the helpers write strings that may be null. */
    public interface Codec<T> {

        void write(T item, DataOutputStream out) throws IOException;

        /** Reads an item; {@code in.available()} tells whether a field added later is there. */
        T read(DataInputStream in) throws IOException;

        static void writeString(DataOutputStream out, String value) throws IOException {
            if (value == null) {
                out.writeInt(NONE);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }

        static String readString(DataInputStream in) throws IOException {
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

    /**
     * Writes the items a previous process left, in the order they were accepted, before anything new; some of them
     * were written before the process ended, so writing one twice must change nothing. {@code release} deletes the
     * segments they came from: the feature runs it once the items, and whatever it derives from them, are safe
     * elsewhere (at once, or later: the new journal's segments come after them). Never run, they are written again,
     * harmlessly, at the next start.
     */
    @FunctionalInterface
    public interface Recovery<T, E extends Exception> {
        void write(List<T> items, Runnable release) throws E;
    }

    /**
     * Where a journal lives and what it is called.
     *
     * @param directory where its segments are (local to the node)
     * @param property  the setting naming the directory, for the operator when it cannot be used
     * @param items     what the items are called in log lines ("archive messages")
     */
    public record Place(Path directory, String property, String items) {
    }

    private final WriteAheadJournal journal;
    private final Codec<T> codec;

    private ItemJournal(WriteAheadJournal journal, Codec<T> codec) {
        this.journal = journal;
        this.codec = codec;
    }

    /**
     * Writes what a previous process left in {@code place} through {@code recovery} (which says when it may be
     * deleted), then starts the journal after it. {@code committed} is the feature's writer's flush ({@link BatchWriter#flushed}).
     */
    public static <T, E extends Exception> ItemJournal<T> start(Place place, WriteAheadJournal.Mode mode,
                                                                Codec<T> codec, Recovery<T, E> recovery,
                                                                Supplier<CompletableFuture<Void>> committed)
            throws E {
        try {
            recover(place, codec, recovery);
            return new ItemJournal<>(WriteAheadJournal.start(place.directory(), mode, ROTATION, committed), codec);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the journal of " + place.items() + " in " + place.directory()
                    + " (" + place.property() + "): " + e.getMessage(), e);
        }
    }

    /**
     * Records the accepted item, waiting as the mode says; false (logged by the journal) when it could not: the item
     * then has only its writer's promise.
     */
    public boolean append(T item) {
        return journal.append(encode(codec, item));
    }

    @Override
    public void close() {
        journal.close();
    }

    private static <T, E extends Exception> void recover(Place place, Codec<T> codec, Recovery<T, E> recovery)
            throws IOException, E {
        JournalSegments.Recovered recovered = JournalSegments.recover(place.directory());
        if (recovered.segments().isEmpty()) {
            return;
        }
        if (recovered.records().isEmpty()) {
            recovered.discard();
            return;
        }
        List<T> items = new ArrayList<>(recovered.records().size());
        for (byte[] record : recovered.records()) {
            items.add(decode(codec, record));
        }
        recovery.write(items, recovered::discard);
        LOG.info("Journal of {}: {} left by the previous process written (those already written changed nothing)",
                place.items(), items.size());
    }

    public static <T> byte[] encode(Codec<T> codec, T item) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            codec.write(item, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    public static <T> T decode(Codec<T> codec, byte[] record) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            return codec.read(in);
        }
    }
}
