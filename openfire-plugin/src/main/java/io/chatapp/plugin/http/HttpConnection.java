package io.chatapp.plugin.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One client connection. While it waits for a request head it is non-blocking and belongs to the selector thread;
 * while a worker serves an exchange it is blocking and belongs to that worker. Either way it carries a deadline:
 * whenever the server waits for the client (head bytes, body bytes, the client taking response bytes), the selector
 * thread closes the connection once the deadline passes, which also frees a worker blocked on it.
 */
final class HttpConnection {

    private static final long NO_DEADLINE = Long.MAX_VALUE;
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};
    /** Each write gets its own deadline, so a slow but steady reader of a large response is never cut off. */
    private static final int WRITE_SLICE = 16 * 1024;

    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final Consumer<HttpConnection> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Head bytes while filling (selector); the bytes read ahead of the body while draining (worker). */
    private final ByteBuffer buffer;
    private int scannedTo;
    /** When the current request began, in the selector's count: complete heads go to the workers in this order. */
    private long arrival;
    /** Bytes discarded since the answer of an exchange whose body was not read, or -1 when not draining. */
    private long drained = -1;
    /** Set while a kept-alive connection waits for the first byte of its next request (selector thread only). */
    private boolean idle;
    private volatile long deadline = NO_DEADLINE;
    private volatile boolean broken;

    HttpConnection(SocketChannel channel, int maxHeadBytes, Consumer<HttpConnection> onClose) throws IOException {
        this.channel = channel;
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.buffer = ByteBuffer.allocate(maxHeadBytes);
        this.onClose = onClose;
    }

    SocketChannel channel() {
        return channel;
    }

    InetSocketAddress remote() {
        return remote;
    }

    InetSocketAddress local() {
        return local;
    }

    /** From now on the client has {@code time} to do its part, or the connection is closed. */
    void awaitClient(Duration time) {
        deadline = System.nanoTime() + time.toNanos();
    }

    /** The server, not the client, is busy now (e.g. a route is running): no deadline. */
    void serverBusy() {
        deadline = NO_DEADLINE;
    }

    boolean pastDeadline(long now) {
        long due = deadline;
        return due != NO_DEADLINE && now - due > 0;
    }

    // --- the head, read by the selector thread ---------------------------------------------------------------

    /** Reads what the client has sent so far; -1 at end of stream. */
    int readHeadBytes() throws IOException {
        return channel.read(buffer);
    }

    boolean headBufferFull() {
        return !buffer.hasRemaining();
    }

    boolean hasHeadBytes() {
        return buffer.position() > 0;
    }

    /** The length of the head (its final empty line included) once it is all there, else -1. */
    int completeHeadLength() {
        byte[] bytes = buffer.array();
        for (int i = Math.max(0, scannedTo - 3); i + 4 <= buffer.position(); i++) {
            if (bytes[i] == END_OF_HEAD[0] && bytes[i + 1] == END_OF_HEAD[1] && bytes[i + 2] == END_OF_HEAD[2]
                    && bytes[i + 3] == END_OF_HEAD[3]) {
                scannedTo = 0;
                return i + 4;
            }
        }
        scannedTo = buffer.position();
        return -1;
    }

    /** Parses the complete head and leaves the bytes after it for the body. */
    RequestHead takeHead(int headLength) throws RequestHead.MalformedRequest {
        try {
            return RequestHead.parse(buffer.array(), headLength - END_OF_HEAD.length);
        } finally {
            buffer.flip();
            buffer.position(headLength);
        }
    }

    /** After an exchange: whatever the client sent beyond it becomes the start of the next head. */
    void keepForNextHead() {
        buffer.compact();
        scannedTo = 0;
        idle = !hasHeadBytes();
    }

    /** Whether this is a kept-alive connection that has had no byte of its next request yet. */
    boolean idle() {
        return idle;
    }

    void requestStarted(long arrival) {
        this.idle = false;
        this.arrival = arrival;
    }

    long arrival() {
        return arrival;
    }

    /** From now on the input is read only to be discarded, until the connection closes. */
    void startDraining() {
        drained = 0;
    }

    boolean draining() {
        return drained >= 0;
    }

    /** Reads and discards what the client has sent; the bytes discarded so far, or -1 at end of stream. */
    long discardInput() throws IOException {
        buffer.clear();
        int read = channel.read(buffer);
        buffer.clear();
        if (read < 0) {
            return -1;
        }
        drained += read;
        return drained;
    }

    // --- body and response, on a worker (blocking) ----------------------------------------------------------

    /** Bytes of the request body read ahead with the head, or already read from the socket. */
    int buffered() {
        return buffer.remaining();
    }

    /** Reads up to {@code length} bytes: first those read ahead, then from the socket; -1 at end of stream. */
    int read(byte[] target, int offset, int length, Duration idleTimeout) throws IOException {
        if (!buffer.hasRemaining()) {
            buffer.clear();
            int read;
            awaitClient(idleTimeout);
            try {
                read = channel.read(buffer);
            } catch (IOException e) {
                broken = true;
                throw e;
            } finally {
                serverBusy();
                buffer.flip();
            }
            if (read < 0) {
                broken = true; // a body is read only while more of it is due
                return -1;
            }
        }
        int count = Math.min(length, buffer.remaining());
        buffer.get(target, offset, count);
        return count;
    }

    void skipBuffered(int count) {
        buffer.position(buffer.position() + count);
    }

    /** Writes all of {@code bytes}; the client must take each part within {@code idleTimeout}. */
    void write(ByteBuffer bytes, Duration idleTimeout) throws IOException {
        try {
            int end = bytes.limit();
            while (bytes.position() < end) {
                bytes.limit(Math.min(end, bytes.position() + WRITE_SLICE));
                awaitClient(idleTimeout);
                channel.write(bytes);
            }
        } catch (IOException e) {
            broken = true;
            throw e;
        } finally {
            serverBusy();
        }
    }

    /** Whether reading or writing failed: the client went away, or missed a deadline. */
    boolean broken() {
        return broken || closed.get();
    }

    boolean isOpen() {
        return !closed.get();
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            broken = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing more to do with a connection that is going anyway.
            }
            onClose.accept(this);
        }
    }
}
