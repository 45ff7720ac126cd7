package io.chatapp.plugin.http;

import io.chatapp.plugin.concurrent.DaemonThreads;
import io.chatapp.plugin.config.HttpLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one selector thread: accepts connections (within the caps of {@link ConnectionLimiter}), reads each
 * request head without blocking, keeps idle connections, and closes any connection whose client missed its deadline
 * (see {@link HttpConnection}). A complete head becomes a {@link ServerExchange} for the workers; no worker ever
 * waits for a head or sits with an idle connection.
 */
final class HttpSelector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSelector.class);
    /** How often deadlines are checked: the precision of every timeout. */
    private static final long SWEEP_MILLIS = 100;
    private static final int BACKLOG = 128;
    /**
     * After an answer to a request whose body was not read: how long and how much more input is read and thrown
     * away before closing, so that the close does not reset the connection before the client has read the answer.
     */
    private static final Duration DRAIN_TIME = Duration.ofSeconds(2);
    private static final long DRAIN_BYTES = 256 * 1024;

    private final HttpLimits limits;
    private final Consumer<ServerExchange> dispatch;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final InetSocketAddress address;
    private final ConnectionLimiter limiter;
    private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
    private final Queue<HttpConnection> returning = new ConcurrentLinkedQueue<>();
    private final byte[] refusal;
    private final Thread thread;
    private long arrivals;
    private volatile boolean accepting = true;
    private volatile boolean running = true;

    /** Binds at once, so that a port in use fails here; serves from {@link #start()}. */
    HttpSelector(InetSocketAddress bind, HttpLimits limits, Consumer<ServerExchange> dispatch, String threadName)
            throws IOException {
        this.limits = limits;
        this.dispatch = dispatch;
        this.limiter = new ConnectionLimiter(limits.maxConnectionsPerAddress(), limits.maxConnections());
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(bind, BACKLOG);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            selector.close();
            throw e;
        }
        this.address = (InetSocketAddress) server.getLocalAddress();
        this.refusal = tooManyConnections();
        this.thread = DaemonThreads.unstarted(threadName, this::run);
    }

    void start() {
        thread.start();
    }

    InetSocketAddress address() {
        return address;
    }

    /** A worker is done with an exchange: the connection waits for its next request here, or is closed. */
    void exchangeDone(HttpConnection connection, ServerExchange.After after) {
        if (after == ServerExchange.After.CLOSE || !accepting) {
            connection.close();
            return;
        }
        try {
            if (after == ServerExchange.After.DRAIN_AND_CLOSE) {
                connection.channel().shutdownOutput(); // the answer is complete: the client sees its end
                connection.startDraining();
            }
            connection.channel().configureBlocking(false);
        } catch (IOException e) {
            connection.close();
            return;
        }
        returning.add(connection);
        selector.wakeup();
    }

    /** Whether exchanges should end with {@code Connection: close} (the server is stopping). */
    boolean stopping() {
        return !accepting;
    }

    /** Stops accepting and closes idle connections; exchanges in progress go on, and close when done. */
    void stopAccepting() {
        accepting = false;
        selector.wakeup();
    }

    /** Stops the thread and closes every connection left, and the listening socket. */
    @Override
    public void close() {
        accepting = false;
        running = false;
        selector.wakeup();
        if (thread.isAlive()) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeAll();
    }

    private void run() {
        long nextSweep = System.nanoTime();
        List<HttpConnection> headsIn = new ArrayList<>();
        try {
            while (running) {
                selector.select(SWEEP_MILLIS);
                if (!accepting) {
                    stopListening();
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    try {
                        if (key.isAcceptable()) {
                            acceptAll();
                        } else if (key.isReadable()) {
                            readHead(key, (HttpConnection) key.attachment(), headsIn);
                        }
                    } catch (CancelledKeyException e) {
                        // Its connection was closed since the selection (a deadline passed): nothing to read.
                    } catch (IOException e) {
                        // e.g. out of file descriptors: this connection is lost, the server goes on.
                        LOG.warn("Accepting an HTTP connection failed: {}", e.toString());
                    }
                }
                for (HttpConnection connection; (connection = returning.poll()) != null; ) {
                    waitForNextRequest(connection, headsIn);
                }
                handOver(headsIn);
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    closeLate(now);
                    nextSweep = now + SWEEP_MILLIS * 1_000_000;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("The HTTP server's selector failed; the HTTP API stops", e);
        } finally {
            closeAll();
        }
    }

    private void acceptAll() throws IOException {
        for (SocketChannel channel; accepting && (channel = server.accept()) != null; ) {
            InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
            if (remote == null || !limiter.tryOpen(remote.getAddress())) {
                refuse(channel);
                continue;
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                HttpConnection connection = new HttpConnection(channel, limits.maxHeaderBytes(), this::forget);
                open.add(connection);
                connection.requestStarted(arrivals++);
                connection.awaitClient(limits.headerTimeout());
                channel.register(selector, SelectionKey.OP_READ, connection);
            } catch (IOException e) {
                limiter.closed(remote.getAddress());
                channel.close();
            }
        }
    }

    private void forget(HttpConnection connection) {
        open.remove(connection);
        limiter.closed(connection.remote().getAddress());
    }

    /** Over a cap: a one-shot 503 if the socket takes it at once, then closed; nothing is read. */
    private void refuse(SocketChannel channel) {
        try (channel) {
            channel.configureBlocking(false);
            channel.write(ByteBuffer.wrap(refusal));
        } catch (IOException e) {
            LOG.debug("Refusing a connection over the cap: {}", e.toString());
        }
    }

    private void readHead(SelectionKey key, HttpConnection connection, List<HttpConnection> headsIn) {
        if (connection.draining()) {
            drain(connection);
            return;
        }
        try {
            if (connection.readHeadBytes() < 0) {
                connection.close();
                return;
            }
        } catch (IOException e) {
            connection.close();
            return;
        }
        if (connection.idle() && connection.hasHeadBytes()) {
            connection.requestStarted(arrivals++);
            connection.awaitClient(limits.headerTimeout());
        }
        if (headComplete(connection)) {
            key.cancel();
            headsIn.add(connection);
        }
    }

    private static void drain(HttpConnection connection) {
        try {
            long drained = connection.discardInput();
            if (drained < 0 || drained > DRAIN_BYTES) {
                connection.close();
            }
        } catch (IOException e) {
            connection.close();
        }
    }

    private static boolean headComplete(HttpConnection connection) {
        return connection.completeHeadLength() > 0 || connection.headBufferFull();
    }

    private void waitForNextRequest(HttpConnection connection, List<HttpConnection> headsIn) {
        if (connection.draining()) {
            connection.awaitClient(DRAIN_TIME);
            register(connection);
            return;
        }
        connection.keepForNextHead();
        if (!connection.idle()) {
            connection.requestStarted(arrivals++);
        }
        if (headComplete(connection)) {
            connection.awaitClient(limits.headerTimeout());
            headsIn.add(connection); // pipelined: the next head was sent with the last request
            return;
        }
        connection.awaitClient(connection.idle() ? limits.keepAliveTimeout() : limits.headerTimeout());
        register(connection);
    }

    private void register(HttpConnection connection) {
        try {
            connection.channel().register(selector, SelectionKey.OP_READ, connection);
        } catch (ClosedChannelException e) {
            connection.close();
        }
    }

    /** Complete heads go to the workers, their connections now blocking and out of the selector. */
    private void handOver(List<HttpConnection> headsIn) throws IOException {
        if (headsIn.isEmpty()) {
            return;
        }
        selector.selectNow(); // completes the cancellation of their keys, which blocking mode needs
        // First come, first served: the selected keys come in no particular order.
        headsIn.sort(Comparator.comparingLong(HttpConnection::arrival));
        for (HttpConnection connection : headsIn) {
            try {
                connection.channel().configureBlocking(true);
            } catch (IOException e) {
                connection.close();
                continue;
            }
            connection.serverBusy();
            dispatch.accept(exchangeFor(connection));
        }
        headsIn.clear();
    }

    private ServerExchange exchangeFor(HttpConnection connection) {
        int headLength = connection.completeHeadLength();
        if (headLength < 0) {
            return ServerExchange.refused(connection, HttpResponse.error(431, "request_header_too_large",
                    "The request line and headers are larger than " + limits.maxHeaderBytes() + " bytes."),
                    limits.bodyIdleTimeout(), this::exchangeDone);
        }
        try {
            return ServerExchange.of(connection, connection.takeHead(headLength), limits.bodyIdleTimeout(),
                    stopping(), this::exchangeDone);
        } catch (RequestHead.MalformedRequest e) {
            return ServerExchange.refused(connection, e.response(), limits.bodyIdleTimeout(), this::exchangeDone);
        }
    }

    /** Closes every connection whose client missed its deadline, and idle ones once the server stops. */
    private void closeLate(long now) {
        for (HttpConnection connection : open) {
            if (connection.pastDeadline(now)) {
                LOG.debug("Closing the HTTP connection of {}: it missed its deadline", connection.remote());
                connection.close();
            }
        }
    }

    private void stopListening() throws IOException {
        if (server.isOpen()) {
            server.close();
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof HttpConnection idle) {
                    idle.close();
                }
            }
        }
    }

    private void closeAll() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the HTTP listening socket: {}", e.toString());
        }
        for (HttpConnection connection : open) {
            connection.close();
        }
        for (HttpConnection connection; (connection = returning.poll()) != null; ) {
            connection.close();
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("Closing the HTTP selector: {}", e.toString());
        }
    }

    private static byte[] tooManyConnections() {
        byte[] body = Json.write(HttpResponse.error(503, "too_many_connections",
                "Too many open connections; try again shortly.").body()).getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\nRetry-After: 1\r\nCache-Control: no-store\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "Connection: close\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head8.length + body.length];
        System.arraycopy(head8, 0, all, 0, head8.length);
        System.arraycopy(body, 0, all, head8.length, body.length);
        return all;
    }
}
