package io.chatapp.benchmarks.messaging;

import io.chatapp.benchmarks.LoadGenerators;
import io.chatapp.benchmarks.login.Latencies;
import io.chatapp.benchmarks.xmpp.BenchmarkServer;
import io.chatapp.benchmarks.xmpp.ComparisonTable;
import io.chatapp.benchmarks.xmpp.ComparisonTable.Metric;
import io.chatapp.benchmarks.xmpp.Connections;
import io.chatapp.benchmarks.xmpp.MessageTag;
import io.chatapp.benchmarks.xmpp.ServerUnderTest;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * One-to-one messaging through Openfire 4.2.0 with the chat-app plugin against the same Openfire without it, under
 * the same load, in one run. For each server (a JVM of its own, {@link ServerUnderTest}, booted afresh: embedded
 * PostgreSQL, Openfire, and the plugin jar exactly as the dev server deploys it, or no plugin) this JVM logs in
 * sender/receiver pairs with Smack (TCP, STARTTLS, SCRAM-SHA-1, stream management, like our library), warms up, and
 * then:
 *
 * <ul>
 *   <li>a <b>paced</b> run: messages at a fixed total rate, open loop (each is due at its own instant whatever
 *       happened to the ones before; latency counts from that instant, so a sender falling behind shows);</li>
 *   <li>a <b>saturation</b> run: as many messages as the server delivers, at most {@code --window} in flight per
 *       pair (latency counts from the actual send).</li>
 * </ul>
 *
 * <p>Each message is {@code type="chat"} with a {@code <body>}, an {@code origin-id} equal to its {@code id}, and a
 * XEP-0184 receipt request; each receiver answers with a receipt, as our library does. Measured at the receivers:
 * messages delivered, throughput, and delivery latency (p50, p99, max); at the senders the receipt's round trip; and
 * the CPU time the server used (its JVM and PostgreSQL). Prints both servers side by side with the plugin's overhead.
 * See docs/benchmarks.md. Options: {@link LoadOptions#USAGE}.
 */
public final class OneToOneBenchmark {

    private static final String RECEIPTS = "urn:xmpp:receipts";
    private static final String STANZA_IDS = "urn:xmpp:sid:0";
    private static final ExtensionElement RECEIPT_REQUEST = StandardExtensionElement.builder("request", RECEIPTS)
            .build();
    /** Saturation warm-up: long enough for the queues to fill and the JIT to see the new pattern. */
    private static final int SATURATION_WARMUP_SECONDS = 5;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    /** The origin of the times in message ids, so that they are never negative. */
    private static final long EPOCH = System.nanoTime();
    private static final String SENDERS = "bench-sender-";
    private static final String RECEIVERS = "bench-receiver-";

    private final LoadOptions options;
    private final String password = "pw-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private final String body;
    /** The statistics of each run, by its letter; receivers and senders look a message's run up here. */
    private final Map<Character, RunStats> runs = new ConcurrentHashMap<>();

    private OneToOneBenchmark(LoadOptions options) {
        this.options = options;
        this.body = LoadGenerators.chatLine(options.bodyBytes());
    }

    public static void main(String[] args) {
        LoadGenerators.runAndExit(args, LoadOptions::parse, LoadOptions.USAGE, options -> {
            List<ServerResult> results = new ArrayList<>();
            for (boolean plugin : options.order()) {
                ServerResult result = new OneToOneBenchmark(options).against(plugin);
                results.add(result);
                System.out.printf("load average after the server %s the plugin: %s%n", result.name(),
                        LoadGenerators.loadAverage());
            }
            System.out.println();
            printTable(options, results);
        });
    }

    /** Boots a server with or without the plugin, loads it, and stops it. */
    private ServerResult against(boolean plugin) throws Exception {
        System.out.printf("%n=== Openfire %s the chat-app plugin ===%n", plugin ? "with" : "without");
        List<Pair> pairs = new ArrayList<>();
        try (ServerUnderTest server = ServerUnderTest.start(plugin, options.serverHeap(), password,
                options.tcpNoDelay(), List.of(SENDERS + ":" + options.pairs(), RECEIVERS + ":" + options.pairs()))) {
            try {
                long connectStart = System.nanoTime();
                connect(pairs, server);
                System.out.printf("%d connections logged in and routable in %.1f s%n", pairs.size() * 2,
                        (System.nanoTime() - connectStart) / 1e9);

                run(pairs, server, 'w', options.warmupSeconds(), true);
                RunStats paced = run(pairs, server, 'p', options.seconds(), true);
                print("paced", paced);
                RunStats saturation = null;
                if (options.saturationSeconds() > 0) {
                    run(pairs, server, 'v', Math.min(SATURATION_WARMUP_SECONDS, options.saturationSeconds()), false);
                    saturation = run(pairs, server, 's', options.saturationSeconds(), false);
                    print("saturation", saturation);
                }
                return new ServerResult(server.name(), paced, saturation);
            } finally {
                for (Pair pair : pairs) {
                    pair.sender.instantShutdown();
                    pair.receiver.instantShutdown();
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- connections

    /** One sender and one receiver, each a connection of its own. */
    private final class Pair {
        final int index;
        final XMPPTCPConnection sender;
        final XMPPTCPConnection receiver;
        final EntityBareJid receiverJid;
        final AtomicLong numbers = new AtomicLong();
        /** Messages sent and not yet delivered. */
        final AtomicInteger inFlight = new AtomicInteger();

        Pair(int index, ServerUnderTest server) throws IOException {
            this.index = index;
            this.sender = Connections.create(server, options.tcpNoDelay(), true);
            this.receiver = Connections.create(server, options.tcpNoDelay(), true);
            this.receiverJid = JidCreate.entityBareFromOrThrowUnchecked(
                    BenchmarkServer.user(RECEIVERS, index) + "@" + server.domain());
            receiver.addStanzaListener(this::received, stanza -> stanza instanceof Message m && m.getBody() != null);
            sender.addStanzaListener(this::receiptReceived,
                    stanza -> stanza.getExtensionElement("received", RECEIPTS) != null);
        }

        void login() throws Exception {
            Connections.logIn(sender, BenchmarkServer.user(SENDERS, index), password);
            Connections.logIn(receiver, BenchmarkServer.user(RECEIVERS, index), password);
        }

        void send(char run, long sentNanos) throws SmackException.NotConnectedException, InterruptedException {
            String id = new MessageTag(run, index, numbers.incrementAndGet(), sentNanos).id();
            Message message = StanzaBuilder.buildMessage(id)
                    .to(receiverJid)
                    .ofType(Message.Type.chat)
                    .setBody(body)
                    .addExtension(StandardExtensionElement.builder("origin-id", STANZA_IDS)
                            .addAttribute("id", id).build())
                    .addExtension(RECEIPT_REQUEST)
                    .build();
            inFlight.incrementAndGet();
            sender.sendStanza(message);
        }

        /** At the receiver: a message; it is counted and answered with a receipt. */
        private void received(Stanza stanza) throws SmackException.NotConnectedException, InterruptedException {
            long now = System.nanoTime() - EPOCH;
            MessageTag tag = MessageTag.parse(stanza.getStanzaId());
            if (tag == null) {
                return;
            }
            inFlight.decrementAndGet();
            RunStats stats = runs.get(tag.run());
            if (stats != null) {
                stats.delivered(now - tag.sentNanos());
            }
            if (stanza.getExtensionElement("request", RECEIPTS) != null) {
                receiver.sendStanza(StanzaBuilder.buildMessage("r" + stanza.getStanzaId())
                        .to(stanza.getFrom())
                        .ofType(Message.Type.chat)
                        .addExtension(StandardExtensionElement.builder("received", RECEIPTS)
                                .addAttribute("id", stanza.getStanzaId()).build())
                        .build());
            }
        }

        /** At the sender: a receipt for one of its messages. */
        private void receiptReceived(Stanza stanza) {
            long now = System.nanoTime() - EPOCH;
            // Smack parses the receipt as a DeliveryReceipt when smack-extensions is on the class path (the client
            // library brings it), else as a StandardExtensionElement; counting only the latter counted none.
            ExtensionElement received = stanza.getExtensionElement("received", RECEIPTS);
            String id = received instanceof DeliveryReceipt receipt ? receipt.getId()
                    : received instanceof StandardExtensionElement standard ? standard.getAttributeValue("id") : null;
            if (id != null) {
                MessageTag tag = MessageTag.parse(id);
                RunStats stats = tag == null ? null : runs.get(tag.run());
                if (stats != null) {
                    stats.receiptReceived(now - tag.sentNanos());
                }
            }
        }
    }

    /** Logs the pairs in, a few at a time. */
    private void connect(List<Pair> pairs, ServerUnderTest server) throws Exception {
        List<Connections.Login> logins = new ArrayList<>();
        for (int i = 0; i < options.pairs(); i++) {
            Pair pair = new Pair(i, server);
            pairs.add(pair);
            logins.add(pair::login);
        }
        Connections.logInAll(logins, 4);
    }

    // ---------------------------------------------------------------------------------------------------- load

    /**
     * One run: {@code senderThreads} threads share the pairs (thread t sends for pairs t, t + T, …), paced or as
     * fast as the windows allow; then waits until everything sent has been delivered and receipted.
     */
    private RunStats run(List<Pair> pairs, ServerUnderTest server, char letter, int seconds, boolean paced)
            throws InterruptedException {
        RunStats stats = new RunStats(paced ? (long) options.rate() * seconds : 0);
        runs.put(letter, stats);
        Duration serverCpuBefore = server.cpu();
        Duration databaseCpuBefore = server.databaseCpu();
        long clientCpuBefore = Connections.clientCpuNanos();
        long start = System.nanoTime() - EPOCH + 20_000_000L;
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < options.senderThreads(); t++) {
            List<Pair> own = new ArrayList<>();
            for (int i = t; i < pairs.size(); i += options.senderThreads()) {
                own.add(pairs.get(i));
            }
            int thread = t;
            Thread sender = new Thread(() -> {
                try {
                    if (paced) {
                        sendPaced(thread, own, letter, start, end, stats);
                    } else {
                        sendSaturating(own, letter, start, end, stats);
                    }
                } catch (Exception e) {
                    stats.failure(e);
                }
            }, "sender-" + t);
            threads.add(sender);
            sender.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long sendEnd = System.nanoTime() - EPOCH;
        stats.awaitDrained(DRAIN_TIMEOUT);
        stats.finish((sendEnd - start) / 1e9, server.cpu().minus(serverCpuBefore),
                server.databaseCpu().minus(databaseCpuBefore),
                (Connections.clientCpuNanos() - clientCpuBefore) / 1e9);
        return stats;
    }

    private void sendPaced(int thread, List<Pair> own, char letter, long start, long end, RunStats stats)
            throws Exception {
        LoadGenerators.sendPaced(i -> start + options.offsetNanos(thread, i), end, () -> System.nanoTime() - EPOCH,
                (i, due, lag) -> {
                    stats.sending(lag);
                    own.get((int) (i % own.size())).send(letter, due);
                });
    }

    private void sendSaturating(List<Pair> own, char letter, long start, long end, RunStats stats)
            throws Exception {
        while (System.nanoTime() - EPOCH < start) {
            LockSupport.parkNanos(start - (System.nanoTime() - EPOCH));
        }
        int next = 0;
        while (System.nanoTime() - EPOCH < end) {
            boolean sent = false;
            for (int k = 0; k < own.size(); k++) {
                Pair pair = own.get(next);
                next = (next + 1) % own.size();
                if (pair.inFlight.get() < options.window()) {
                    stats.sending(0);
                    pair.send(letter, System.nanoTime() - EPOCH);
                    sent = true;
                }
            }
            if (!sent) {
                LockSupport.parkNanos(50_000);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- results

    /** What one run measured. */
    private static final class RunStats {
        private final Latencies delivery;
        private final Latencies receipt;
        private final LongAdder sent = new LongAdder();
        private final LongAdder delivered = new LongAdder();
        private final LongAdder receipts = new LongAdder();
        private final AtomicLong maxLagNanos = new AtomicLong();
        private volatile Exception failure;
        private double seconds;
        private Duration serverCpu;
        private Duration databaseCpu;
        private double clientCpuSeconds;

        RunStats(long expected) {
            int capacity = (int) Math.min(expected + expected / 10 + 1024, 50_000_000);
            this.delivery = new Latencies("delivery", capacity);
            this.receipt = new Latencies("receipt round trip", capacity);
        }

        void sending(long lagNanos) {
            sent.increment();
            maxLagNanos.accumulateAndGet(lagNanos, Math::max);
        }

        void delivered(long nanos) {
            synchronized (delivery) {
                delivery.add(nanos);
            }
            delivered.increment();
        }

        void receiptReceived(long nanos) {
            synchronized (receipt) {
                receipt.add(nanos);
            }
            receipts.increment();
        }

        void failure(Exception e) {
            failure = e;
        }

        void awaitDrained(Duration timeout) throws InterruptedException {
            LoadGenerators.awaitUntil(() -> delivered.sum() >= sent.sum() && receipts.sum() >= sent.sum(), timeout);
        }

        void finish(double sendSeconds, Duration serverCpu, Duration databaseCpu, double clientCpuSeconds) {
            this.seconds = sendSeconds;
            this.serverCpu = serverCpu;
            this.databaseCpu = databaseCpu;
            this.clientCpuSeconds = clientCpuSeconds;
            if (failure != null) {
                throw new IllegalStateException("A sender failed", failure);
            }
        }

        long sent() {
            return sent.sum();
        }

        long delivered() {
            return delivered.sum();
        }

        double deliveredPerSecond() {
            return delivered() / seconds;
        }

        double serverCpuMillisPerThousand() {
            return serverCpu.toNanos() / 1e6 / (delivered() / 1000.0);
        }

        double databaseCpuMillisPerThousand() {
            return databaseCpu.toNanos() / 1e6 / (delivered() / 1000.0);
        }

        double serverCores() {
            return serverCpu.toNanos() / 1e9 / seconds;
        }
    }

    private record ServerResult(String name, RunStats paced, RunStats saturation) {
    }

    private static void print(String run, RunStats s) {
        System.out.printf(Locale.ROOT, "%s: sent %d, delivered %d, receipts %d in %.1f s: %.0f msg/s; delivery p50 "
                        + "%.2f / p99 %.2f / max %.2f ms; receipt round trip p50 %.2f / p99 %.2f ms; latest send "
                        + "%.1f ms behind; server CPU %.2f cores (%.0f ms per 1,000 messages, PostgreSQL %.0f of them); client "
                        + "CPU %.2f cores%n",
                run, s.sent(), s.delivered(), s.receipts.sum(), s.seconds, s.deliveredPerSecond(),
                s.delivery.medianMillis(), s.delivery.p99Millis(), s.delivery.maxMillis(),
                s.receipt.medianMillis(), s.receipt.p99Millis(), s.maxLagNanos.get() / 1e6, s.serverCores(),
                s.serverCpuMillisPerThousand(), s.databaseCpuMillisPerThousand(), s.clientCpuSeconds / s.seconds);
    }

    private static final List<Metric<RunStats>> METRICS = List.of(
            new Metric<>("messages sent", s -> s.sent(), true, "%.0f"),
            new Metric<>("messages delivered", s -> s.delivered(), true, "%.0f"),
            new Metric<>("throughput, msg/s delivered", RunStats::deliveredPerSecond, true, "%.0f"),
            new Metric<>("delivery latency p50, ms", s -> s.delivery.medianMillis(), false, "%.2f"),
            new Metric<>("delivery latency p99, ms", s -> s.delivery.p99Millis(), false, "%.2f"),
            new Metric<>("delivery latency max, ms", s -> s.delivery.maxMillis(), false, "%.2f"),
            new Metric<>("receipt round trip p50, ms", s -> s.receipt.medianMillis(), false, "%.2f"),
            new Metric<>("receipt round trip p99, ms", s -> s.receipt.p99Millis(), false, "%.2f"),
            new Metric<>("server CPU, cores", RunStats::serverCores, false, "%.2f"),
            new Metric<>("server CPU per 1,000 msgs, ms", RunStats::serverCpuMillisPerThousand, false, "%.0f"),
            new Metric<>("of which PostgreSQL, ms", RunStats::databaseCpuMillisPerThousand, false, "%.0f"),
            new Metric<>("client CPU, cores", s -> s.clientCpuSeconds / s.seconds, false, "%.2f"));

    private static void printTable(LoadOptions options, List<ServerResult> results) {
        System.out.printf(Locale.ROOT, "Paced: %d msg/s offered (open loop), %d pairs, %d s measured after %d s "
                + "warm-up%n", options.rate(), options.pairs(), options.seconds(), options.warmupSeconds());
        printTable(results, ServerResult::paced);
        if (options.saturationSeconds() > 0) {
            System.out.printf(Locale.ROOT, "%nSaturation: at most %d messages in flight per pair, %d pairs, %d s "
                    + "measured%n", options.window(), options.pairs(), options.saturationSeconds());
            printTable(results, ServerResult::saturation);
        }
        System.out.println("\nOverhead: the plugin's cost relative to Openfire without it (positive = worse with "
                + "the plugin; throughput: how much lower). Several runs of a server are averaged.");
    }

    private static void printTable(List<ServerResult> results, Function<ServerResult, RunStats> run) {
        ComparisonTable<RunStats> table = new ComparisonTable<>(METRICS);
        for (ServerResult result : results) {
            table.add(result.name(), run.apply(result));
        }
        table.print();
    }
}
