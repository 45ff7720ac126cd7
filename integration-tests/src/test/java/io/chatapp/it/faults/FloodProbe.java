package io.chatapp.it.faults;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The "other users" of a flood: on an engine and threads of their own, pairs of users chat (one message every 50 ms
 * per pair, its delivery time measured), someone logs in and out every second (time to be online measured; a login
 * failing or taking over {@link FaultBounds#LOGIN_SECONDS} counts as failed), and {@code /health} is asked every
 * 250 ms (with a one-second timeout). Started before the fault, stopped after it.
 */
final class FloodProbe implements AutoCloseable {

    private static final int PAIRS = 4;
    private static final String PASSWORD = "probe-password-1";

    private final DevServer server;
    private final LightXmppEngine engine;
    private final List<LightXmppClient[]> pairs = new ArrayList<>();
    private final List<String> loginPool = new ArrayList<>();
    private final Latencies delivery = new Latencies();
    private final Latencies logins = new Latencies();
    private final Latencies health = new Latencies();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger loginFailures = new AtomicInteger();
    private final AtomicInteger healthFailures = new AtomicInteger();
    private final AtomicInteger maxThreads = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile boolean running;
    private OtherProcessesCpu otherProcesses;

    FloodProbe(DevServer server, TestUsers users) throws Exception {
        this.server = server;
        this.engine = new LightXmppEngine("probe", "127.0.0.1", server.xmppPort(), server.domain());
        for (int i = 0; i < PAIRS; i++) {
            LightXmppClient sender = login(users.create("probe-a"));
            LightXmppClient recipient = login(users.create("probe-b"));
            recipient.onStanza(this::onMessage);
            pairs.add(new LightXmppClient[] {sender, recipient});
        }
        for (int i = 0; i < 10; i++) {
            TestUser user = users.create("probe-login");
            loginPool.add(user.username() + "\0" + user.password());
        }
    }

    private LightXmppClient login(TestUser user) throws Exception {
        return engine.login(user.username(), user.password(), "probe", false).get(30, TimeUnit.SECONDS);
    }

    /** Starts chatting, logging in and asking /health. */
    void start() {
        running = true;
        otherProcesses = OtherProcessesCpu.start();
        worker("probe-chat", this::chatOnce, 50);
        worker("probe-login", this::loginOnce, 1_000);
        worker("probe-health", this::healthOnce, 250);
        worker("probe-threads", () -> maxThreads.accumulateAndGet(ServerVitals.threads(), Math::max), 500);
    }

    /** Stops, waits a little for messages in flight, and returns what was measured. */
    Result stop() throws InterruptedException {
        running = false;
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(FaultBounds.LOGIN_SECONDS + 5));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.get() < sent.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double othersCpuShare = otherProcesses == null ? 1 : otherProcesses.share();
        return new Result(delivery, sent.get() - received.get(), logins, loginFailures.get(), health,
                healthFailures.get(), maxThreads.get(), othersCpuShare);
    }

    private void worker(String name, Runnable task, long periodMillis) {
        Thread thread = new Thread(() -> {
            while (running) {
                long started = System.nanoTime();
                task.run();
                long left = periodMillis - (System.nanoTime() - started) / 1_000_000;
                try {
                    Thread.sleep(Math.max(1, left));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        thread.setDaemon(true);
        workers.add(thread);
        thread.start();
    }

    private void chatOnce() {
        for (LightXmppClient[] pair : pairs) {
            sent.incrementAndGet();
            pair[0].send("<message type='chat' to='" + pair[1].jid() + "'><body>probe " + System.nanoTime()
                    + "</body></message>");
        }
    }

    private void onMessage(String stanza) {
        String body = LightXmppClient.body(stanza);
        if (stanza.startsWith("<message") && body != null && body.startsWith("probe ")) {
            delivery.record(System.nanoTime() - Long.parseLong(body.substring("probe ".length())));
            received.incrementAndGet();
        }
    }

    private void loginOnce() {
        String[] account = loginPool.get(logins.count() % loginPool.size()).split("\0");
        long started = System.nanoTime();
        try {
            LightXmppClient client = engine.login(account[0], account[1], "login", false)
                    .get(FaultBounds.LOGIN_SECONDS, TimeUnit.SECONDS);
            logins.record(System.nanoTime() - started);
            client.closeCleanly();
        } catch (Exception e) {
            loginFailures.incrementAndGet();
            logins.record(System.nanoTime() - started);
        }
    }

    private void healthOnce() {
        URI uri = server.pluginHttpUri().resolve("health");
        long started = System.nanoTime();
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                healthFailures.incrementAndGet();
            }
        } catch (Exception e) {
            healthFailures.incrementAndGet();
        }
        health.record(System.nanoTime() - started);
    }

    @Override
    public void close() {
        running = false;
        engine.close();
    }

    /** What the other users saw during the fault. */
    record Result(Latencies delivery, int lost, Latencies logins, int loginFailures, Latencies health,
            int healthFailures, int maxThreads, double othersCpuShare) {

        @Override
        public String toString() {
            return String.format("chat delivery %s, lost %d; logins %s, failed %d; /health %s, failed %d;"
                    + " threads at most %d; other processes took %.0f %% of the CPU", delivery, lost, logins,
                    loginFailures, health, healthFailures, maxThreads, othersCpuShare * 100);
        }

        /**
         * Everyone else was served: no probe message lost, every login and every /health answer in time (a second),
         * and delivery's 99th percentile within the bound: the quiet machine's (issue 15 asks 100 ms) when other
         * processes left the CPU to the server, a generous one when they did not ({@link FaultBounds#p99Bound}).
         */
        void assertOthersUnharmed(double quietMachineP99Millis) {
            org.assertj.core.api.Assertions.assertThat(lost).as("probe messages lost: %s", this).isZero();
            org.assertj.core.api.Assertions.assertThat(loginFailures).as("probe logins failed: %s", this).isZero();
            org.assertj.core.api.Assertions.assertThat(healthFailures).as("/health late or not 200: %s", this)
                    .isZero();
            double bound = FaultBounds.p99Bound(quietMachineP99Millis, othersCpuShare);
            System.out.printf("Delivery p99 %.1f ms asserted under %.0f ms (%s)%n", delivery.percentile(99), bound,
                    bound == quietMachineP99Millis ? "the quiet machine's bound" : "the machine was shared");
            org.assertj.core.api.Assertions.assertThat(delivery.percentile(99)).as("delivery p99: %s", this)
                    .isLessThan(bound);
        }

        /**
         * The flood left the server bounded: the heap it added (after a full GC, during it and after) and the threads
         * it added are within {@link FaultBounds}.
         */
        void assertServerBounded(long heapBefore, long heapDuring, long heapAfter, int threadsBefore) {
            org.assertj.core.api.Assertions.assertThat(Math.max(heapDuring, heapAfter) - heapBefore)
                    .as("heap the flood added, MB").isLessThan(FaultBounds.HEAP_GROWTH_MB);
            org.assertj.core.api.Assertions.assertThat(maxThreads - threadsBefore).as("threads added during the flood")
                    .isLessThan(FaultBounds.THREAD_GROWTH);
        }
    }
}
