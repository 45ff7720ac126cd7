package io.chatapp.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Thousands of {@link LightXmppClient}s on one thread: a selector loop over non-blocking sockets, so a test can
 * open 2,000 XMPP connections at once without 2,000 Smack connections (each with its reader, writer and parser
 * threads). All of a client's work runs on this engine's thread.
 */
final class LightXmppEngine implements AutoCloseable {

    private final InetSocketAddress server;
    private final String domain;
    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final Thread loop;
    /** Waits out a client's retry delay, then hands the new attempt to the engine's thread. */
    private final ScheduledExecutorService retries;
    private final AtomicInteger busyRefusals = new AtomicInteger();
    private volatile boolean open = true;
    /** Completes once the loop's thread runs: whether it runs at the load generator's low priority. */
    private final CompletableFuture<Boolean> lowPriority = new CompletableFuture<>();

    LightXmppEngine(String name, String host, int port, String domain) {
        this(name, host, port, domain, false);
    }

    /**
     * An engine for a flood's crowd: its thread runs at the lowest priority ({@link LoadGeneratorPriority}), as if the
     * crowd were on another machine.
     */
    static LightXmppEngine loadGenerator(String name, String host, int port, String domain) {
        return new LightXmppEngine(name, host, port, domain, true);
    }

    private LightXmppEngine(String name, String host, int port, String domain, boolean loadGenerator) {
        this.server = new InetSocketAddress(host, port);
        this.domain = domain;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "light-xmpp-" + name + "-retries");
            thread.setDaemon(true);
            return thread;
        });
        this.loop = new Thread(() -> {
            lowPriority.complete(loadGenerator && LoadGeneratorPriority.lowerCurrentThread());
            run();
        }, "light-xmpp-" + name);
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Connects and logs in (SCRAM-SHA-1, bind, presence); with stream management, enables it with resumption. When
     * the server is busy with other logins ({@code temporary-auth-failure}) the client connects again after a
     * growing, jittered delay, as a real client does.
     */
    CompletableFuture<LightXmppClient> login(String username, String password, String resource,
            boolean streamManagement) {
        CompletableFuture<LightXmppClient> online = new CompletableFuture<>();
        attempt(online, 1, () -> new LightXmppClient(this, domain, username, password, resource, streamManagement));
        return online;
    }

    /**
     * Whether the engine's thread yields the CPU to the server ({@link #loadGenerator}): where it could not, the crowd
     * competes with the server and the quiet machine's p99 bound says nothing about the server.
     */
    boolean yieldsTheCpu() {
        return lowPriority.join();
    }

    /** Logins the server refused as busy, so far (each retried). */
    int busyRefusals() {
        return busyRefusals.get();
    }

    private void attempt(CompletableFuture<LightXmppClient> online, int attempt,
            Supplier<LightXmppClient> clients) {
        LightXmppClient client = clients.get();
        execute(() -> connect(client));
        client.ready().whenComplete((ready, failure) -> {
            if (failure == null) {
                online.complete(ready);
            } else if (failure instanceof LightXmppClient.ServerBusyException && open) {
                busyRefusals.incrementAndGet();
                long delay = Math.min(500L << Math.min(attempt - 1, 3), 2_000L);
                delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay);
                try {
                    retries.schedule(() -> attempt(online, attempt + 1, clients), delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closing) {
                    online.completeExceptionally(failure); // the engine closed meanwhile
                }
            } else {
                online.completeExceptionally(failure);
            }
        });
    }

    /** A new connection that resumes (XEP-0198) the stream of a client that was dropped (retried like a login). */
    CompletableFuture<LightXmppClient> resume(LightXmppClient dropped) {
        CompletableFuture<LightXmppClient> resumed = new CompletableFuture<>();
        attempt(resumed, 1, dropped::resumer);
        return resumed;
    }

    /** Runs the task on the engine's thread. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    ByteBuffer readBuffer() {
        return readBuffer;
    }

    Selector selector() {
        return selector;
    }

    private void connect(LightXmppClient client) {
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(server);
            client.attach(channel, channel.register(selector, SelectionKey.OP_CONNECT, client));
        } catch (IOException e) {
            client.fail(e);
        }
    }

    private void run() {
        while (open) {
            try {
                selector.select(1_000);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    LightXmppClient client = (LightXmppClient) key.attachment();
                    client.onReady(key);
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (open) {
                    e.printStackTrace();
                }
            }
        }
    }

    /** Stops the loop and closes every socket abruptly. */
    @Override
    public void close() {
        open = false;
        retries.shutdownNow();
        selector.wakeup();
        try {
            loop.join(5_000);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        } catch (IOException e) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
