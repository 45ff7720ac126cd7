package io.chatapp.plugin.media;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body of one {@link BlobStore#put}: exactly {@code length} bytes of the caller's stream, never more, and an
 * {@link EOFException} when it ends early. Remembers the first failure of the caller's stream (a cut-off upload, a
 * validator refusing the content) so that the store can rethrow that one rather than its client library's wrapper.
 */
final class ExactLengthStream extends InputStream {

    private final InputStream source;
    private final long length;
    private long read;
    private Exception failure;

    ExactLengthStream(InputStream source, long length) {
        this.source = source;
        this.length = length;
    }

    /** What the caller's stream threw, if anything; the store rethrows it as is. */
    Exception failure() {
        return failure;
    }

    /** Whether anything has been read (or tried and failed): the stream cannot be offered again after that. */
    boolean started() {
        return read > 0 || failure != null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        long remaining = length - read;
        if (remaining == 0) {
            return -1;
        }
        int n;
        try {
            n = source.read(buffer, offset, (int) Math.min(count, remaining));
            if (n < 0) {
                throw new EOFException("the content ended after " + read + " of its " + length + " bytes");
            }
        } catch (IOException | RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
            throw e;
        }
        read += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(source.available(), length - read);
    }

    /** The caller owns (and closes) its stream; the HTTP client closing the body must not close it. */
    @Override
    public void close() {
    }
}
