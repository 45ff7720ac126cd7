package io.chatapp.plugin.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Where media bytes live: the local file system or S3-compatible object storage. Keys are opaque strings of
 * {@code [a-z0-9/-]} chosen by the media service; a store never interprets them.
 */
public interface BlobStore extends AutoCloseable {

    /**
     * Stores exactly {@code length} bytes read from {@code content} under {@code key}. The object becomes visible only
     * once every byte has been stored; if reading fails (the upload is cut off, or validation refuses it half-way by
     * throwing from the stream) nothing is left behind and the exception is rethrown.
     */
    void put(String key, InputStream content, long length, String contentType) throws IOException;

    /** The stored object's size, or empty when there is no object under this key. */
    Optional<Long> size(String key) throws IOException;

    /** Streams {@code length} bytes starting at {@code offset}; the caller closes the stream. */
    InputStream get(String key, long offset, long length) throws IOException;

    /** Removes the object; removing a missing object is not an error. */
    void delete(String key) throws IOException;

    /** Calls {@code sink} with every key under {@code prefix} (the clean-up job uses it to find orphans). */
    void list(String prefix, Consumer<String> sink) throws IOException;

    /**
     * The bytes a new object may take now, or empty when the store cannot tell (S3: its capacity is its server's
     * business). Cheap enough to ask on every upload slot request: one file-system call at most.
     */
    OptionalLong usableSpace() throws IOException;

    @Override
    void close() throws IOException;
}
