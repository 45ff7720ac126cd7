package io.chatapp.plugin.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media on the local file system, one file per key under a root directory (which every node must share when
 * several run). A blob is written to a temporary file beside its final place and moved there atomically once
 * complete, so readers never see half a file and a failed upload leaves nothing. Keys are checked by
 * {@link BlobKeys} and the resolved path must stay under the root.
 */
public final class LocalBlobStore implements BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(LocalBlobStore.class);
    /** Temporary files start with a dot, which no valid key does, so {@link #list} never reports them. */
    private static final String TEMP_PREFIX = ".upload-";
    /** Leftovers of a crash mid-upload older than this are removed at start-up (no upload takes this long). */
    private static final Duration STALE_TEMP = Duration.ofDays(1);
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    /**
     * Found once: finding it reads the mount table, while asking it for space is one statfs of the root's path, which
     * also sees a file system mounted over the root later.
     */
    private final FileStore fileSystem;

    public LocalBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
        this.fileSystem = Files.getFileStore(this.root);
        removeStaleTemporaryFiles();
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        Path target = resolve(key);
        Path temp;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, ".tmp");
        } catch (IOException e) {
            throw new StoreWriteException(e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                copyExactly(content, out, length);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            } catch (IOException e) {
                throw new StoreWriteException(e);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The media directory's file system cannot move files atomically: " + root, e);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void copyExactly(InputStream content, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long remaining = length;
        while (remaining > 0) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new IOException("content ended after " + (length - remaining) + " of " + length + " bytes");
            }
            try {
                out.write(buffer, 0, n);
            } catch (IOException e) {
                throw new StoreWriteException(e); // the disk, not the client
            }
            remaining -= n;
        }
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        try {
            return Optional.of(Files.size(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream get(String key, long offset, long length) throws IOException {
        BlobKeys.checkRange(offset, length);
        FileChannel channel = FileChannel.open(resolve(key), StandardOpenOption.READ);
        try {
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public void list(String prefix, Consumer<String> sink) throws IOException {
        BlobKeys.checkPrefix(prefix);
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/"))
                    .filter(key -> key.startsWith(prefix) && BlobKeys.isKey(key))
                    .forEach(sink);
        }
    }

    /** What the root's file system has free for this process (the space reserved for root not counted). */
    @Override
    public OptionalLong usableSpace() throws IOException {
        return OptionalLong.of(fileSystem.getUsableSpace());
    }

    /** The path of a key, which must lie under the root (checked twice: the key's syntax, then the path). */
    private Path resolve(String key) {
        Path path = root.resolve(BlobKeys.checkKey(key)).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("blob key escapes the store: " + key);
        }
        return path;
    }

    private void removeStaleTemporaryFiles() throws IOException {
        Instant cutoff = Instant.now().minus(STALE_TEMP);
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(path -> path.getFileName().toString().startsWith(TEMP_PREFIX)).forEach(path -> {
                try {
                    FileTime modified = Files.getLastModifiedTime(path);
                    if (modified.toInstant().isBefore(cutoff)) {
                        Files.deleteIfExists(path);
                    }
                } catch (IOException e) {
                    LOG.warn("Could not remove the stale upload {}: {}", path, e.getMessage());
                }
            });
        }
    }

    Path root() {
        return root;
    }

    @Override
    public void close() {
        // Nothing held open between calls.
    }
}
