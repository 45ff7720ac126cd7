package io.chatapp.plugin.storage;

import io.chatapp.plugin.concurrent.DaemonThreads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local write-ahead record of items a {@link BatchWriter} has accepted but perhaps not yet committed, so that a
 * process killed abruptly (SIGKILL, power loss) loses none of them: the next start reads them back
 * ({@link JournalSegments#recover}) and writes them before anything else.
 *
 * <p><b>Appending.</b> {@link #append} hands the caller's bytes to the journal thread and waits until they are in the
 * file ({@link Mode#WRITE}: in the operating system's cache, which survives the process) or on the disk
 * ({@link Mode#FSYNC}: survives the machine too). The thread writes everything queued at once and syncs once for all
 * of it (group commit), so a busy server pays one sync per group, not per item. This is the only wait a caller has;
 * the database is never waited for.
 *
 * <p><b>Discarding.</b> The journal is a sequence of segment files. A segment is closed once it is large or old
 * ({@code rotation}) and deleted once {@code committed} (the writer's flush) says that every item accepted before it
 * closed has been committed; a segment whose items could not be committed stays for the next start.
 *
 * <p><b>Records.</b> Each record is its length, a CRC-32 of its bytes and the bytes; a record cut short by the kill
 * (never acknowledged, since its append had not returned) is ignored at recovery.
 */
public final class WriteAheadJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WriteAheadJournal.class);
    private static final long MAX_SEGMENT_BYTES = 16L << 20;
    /** How long a caller waits for its record before it is told the journal failed. */
    private static final Duration APPEND_TIMEOUT = Duration.ofSeconds(5);
    private static final Append STOP = new Append(new byte[0]);

    /** How far an appended record has got when {@link #append} returns. */
    public enum Mode {
        /** Written to the file: survives the process being killed, not the machine losing power. */
        WRITE,
        /** Written and synced to the disk: survives both. */
        FSYNC;

        /** The mode a setting spells {@code write} or {@code fsync}. */
        public static Mode named(String name) {
            return switch (name) {
                case "write" -> WRITE;
                case "fsync" -> FSYNC;
                default -> throw new IllegalArgumentException("no journal mode " + name);
            };
        }
    }

    private final Path directory;
    private final Mode mode;
    private final Duration rotation;
    private final Supplier<CompletableFuture<Void>> committed;
    private final LinkedBlockingQueue<Append> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private long sequence;
    private FileChannel segment;
    private Path segmentPath;
    private long segmentBytes;
    private long segmentOpenedNanos;

    private WriteAheadJournal(Path directory, Mode mode, Duration rotation,
                              Supplier<CompletableFuture<Void>> committed, long firstSequence) {
        this.directory = directory;
        this.mode = mode;
        this.rotation = rotation;
        this.committed = committed;
        this.sequence = firstSequence;
        this.thread = DaemonThreads.unstarted("chatapp-journal-" + directory.getFileName(), this::run);
    }

    /**
     * Starts a journal in {@code directory} (created if missing) after the segments already there, which the caller
     * has recovered. {@code committed} completes once every item accepted so far has been committed, and fails if
     * some of them never will be (their segment is then kept).
     */
    public static WriteAheadJournal start(Path directory, Mode mode, Duration rotation,
                                          Supplier<CompletableFuture<Void>> committed) throws IOException {
        Files.createDirectories(directory);
        WriteAheadJournal journal = new WriteAheadJournal(directory, mode, rotation, committed,
                JournalSegments.nextSequence(directory));
        journal.thread.start();
        return journal;
    }

    /**
     * Records the item's bytes, waiting until they are as safe as the mode says; false when they could not be
     * recorded (the disk failed or is full, or the journal is closed): the item then has only the writer's promise.
     */
    public boolean append(byte[] record) {
        if (closed) {
            return false;
        }
        Append append = new Append(record);
        queue.add(append);
        try {
            return append.done.get(APPEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Stops the thread; the last segment is deleted once {@code committed} says its items are written. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            thread.join(APPEND_TIMEOUT.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Append> group = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                Append first = queue.poll(rotation.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    group.add(first);
                    queue.drainTo(group);
                }
            } catch (InterruptedException e) {
                stopping = true;
            }
            stopping |= group.remove(STOP);
            if (!group.isEmpty()) {
                boolean written = write(group);
                group.forEach(append -> append.done.complete(written));
                group.clear();
            }
            if (segment != null && (stopping || segmentBytes >= MAX_SEGMENT_BYTES
                    || System.nanoTime() - segmentOpenedNanos >= rotation.toNanos())) {
                closeSegment();
            }
        }
        // Appends that raced with close: their items are in the writer, which drained them before the journal closed.
        List<Append> late = new ArrayList<>();
        queue.drainTo(late);
        late.forEach(append -> append.done.complete(false));
    }

    private boolean write(List<Append> group) {
        try {
            if (segment == null) {
                openSegment();
            }
            int size = 0;
            for (Append append : group) {
                size += JournalSegments.HEADER_BYTES + append.record.length;
            }
            ByteBuffer buffer = ByteBuffer.allocate(size);
            CRC32 crc = new CRC32();
            for (Append append : group) {
                crc.reset();
                crc.update(append.record);
                buffer.putInt(append.record.length).putInt((int) crc.getValue()).put(append.record);
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                segment.write(buffer);
            }
            if (mode == Mode.FSYNC) {
                segment.force(false);
            }
            segmentBytes += size;
            return true;
        } catch (IOException e) {
            LOG.error("Could not record {} items in the journal {} ({}); they are not safe from a crash until"
                    + " written to the database", group.size(), directory, e.getMessage());
            if (segment != null) {
                // Whatever part of the group reached the file is kept for recovery; start afresh in a new segment.
                closeSegment();
            }
            return false;
        }
    }

    private void openSegment() throws IOException {
        segmentPath = JournalSegments.path(directory, sequence++);
        segment = FileChannel.open(segmentPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segmentBytes = 0;
        segmentOpenedNanos = System.nanoTime();
    }

    private void closeSegment() {
        Path closing = segmentPath;
        try {
            segment.close();
        } catch (IOException e) {
            LOG.warn("Could not close journal segment {}: {}", closing, e.getMessage());
        }
        segment = null;
        segmentPath = null;
        // Every item of the segment was accepted by the writer before it was appended, so before this flush.
        committed.get().whenComplete((ignored, failure) -> {
            if (failure == null) {
                JournalSegments.delete(closing);
            } else {
                LOG.warn("Keeping journal segment {} for the next start: {}", closing, failure.getMessage());
            }
        });
    }

    /** One record and the caller waiting for it. */
    private static final class Append {
        final byte[] record;
        final CompletableFuture<Boolean> done = new CompletableFuture<>();

        Append(byte[] record) {
            this.record = record;
        }
    }
}
