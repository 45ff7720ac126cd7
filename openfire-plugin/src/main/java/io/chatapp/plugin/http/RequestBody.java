package io.chatapp.plugin.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A request body as the route reads it, framed by Content-Length ({@link #fixed}) or chunks ({@link ChunkedBody}).
 * Each read from the socket must bring bytes within the body idle timeout; a client that promised bytes and stops
 * sending them loses its connection (see {@link HttpConnection}). Closing it does nothing: the exchange decides
 * what happens to bytes the route left unread.
 */
abstract class RequestBody extends InputStream {

    /** Sends {@code 100 Continue} when the client waits for it: the first time the route reads the body. */
    @FunctionalInterface
    interface FirstRead {
        void happens() throws IOException;
    }

    private final HttpConnection connection;
    private final Duration idleTimeout;
    private FirstRead firstRead;

    RequestBody(HttpConnection connection, Duration idleTimeout, FirstRead firstRead) {
        this.connection = connection;
        this.idleTimeout = idleTimeout;
        this.firstRead = firstRead;
    }

    static RequestBody of(RequestHead head, HttpConnection connection, Duration idleTimeout, FirstRead firstRead) {
        return head.chunked() ? new ChunkedBody(connection, idleTimeout, firstRead)
                : new FixedLengthBody(head.bodyLength(), connection, idleTimeout, firstRead);
    }

    /** Whether the route has read the whole body. */
    abstract boolean finished();

    /**
     * Discards the rest of the body if the server already holds it (read ahead with the head), without waiting on
     * the client; whether the body is finished now.
     */
    abstract boolean discardBufferedRest();

    /** Up to {@code length} bytes from the connection, which must not end here. */
    protected final int readSome(byte[] target, int offset, int length) throws IOException {
        if (firstRead != null) {
            FirstRead once = firstRead;
            firstRead = null;
            once.happens();
        }
        int read = connection.read(target, offset, length, idleTimeout);
        if (read < 0) {
            throw new EOFException("The client closed the connection before the end of the request body.");
        }
        return read;
    }

    protected final HttpConnection connection() {
        return connection;
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() {
        // Unread bytes are the exchange's business: it discards what is buffered or closes the connection.
    }

    /** The body of a request with a Content-Length (0 when it declares none). */
    private static final class FixedLengthBody extends RequestBody {

        private long remaining;

        FixedLengthBody(long length, HttpConnection connection, Duration idleTimeout, FirstRead firstRead) {
            super(connection, idleTimeout, firstRead);
            this.remaining = length;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int read = readSome(target, offset, (int) Math.min(length, remaining));
            remaining -= read;
            return read;
        }

        @Override
        public int available() {
            return (int) Math.min(remaining, connection().buffered());
        }

        @Override
        boolean finished() {
            return remaining == 0;
        }

        @Override
        boolean discardBufferedRest() {
            if (remaining <= connection().buffered()) {
                connection().skipBuffered((int) remaining);
                remaining = 0;
            }
            return finished();
        }
    }
}
