package io.chatapp.benchmarks.calls;

import io.chatapp.benchmarks.Arguments;
import io.chatapp.benchmarks.LoadGenerators;
import io.chatapp.benchmarks.xmpp.BenchmarkServer;
import io.chatapp.benchmarks.xmpp.Connections;
import io.chatapp.benchmarks.xmpp.ServerUnderTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The plugin's cost of call signalling: {@code --pairs} caller/callee pairs (Smack, TCP, STARTTLS, stream management)
 * each place {@code --calls} answered calls one after the other, as the standard clients signal them (XEP-0353:
 * propose to the callee's bare JID; ringing and proceed back to the caller's full JID; finish to the callee's full
 * JID: four chat messages with a store hint per call), against Openfire with the plugin (which follows each call and
 * writes the call log) and without it. Measured: the server's CPU (its JVM and PostgreSQL) from the first propose
 * until the server is idle again, per 1,000 JMI messages, and the plugin's share (with − without). See
 * docs/benchmarks.md.
 */
public final class SignallingBenchmark {

    static final String USAGE = "options: --pairs 20 --calls 250 --warmup-calls 100 --server-heap 1g"
            + " --order without,with";
    private static final String JMI = "urn:xmpp:jingle-message:0";
    private static final String CALLERS = "bench-caller-";
    private static final String CALLEES = "bench-callee-";
    private static final int MESSAGES_PER_CALL = 4;

    record Options(int pairs, int calls, int warmupCalls, String serverHeap, List<Boolean> order) {

        static Options parse(String[] args) {
            Arguments given = Arguments.parse(args, Set.of("--pairs", "--calls", "--warmup-calls", "--server-heap",
                    "--order"));
            Options options = new Options(given.number("--pairs", 20), given.number("--calls", 250),
                    given.number("--warmup-calls", 100), given.text("--server-heap", "1g"),
                    given.servers("--order", List.of(false, true)));
            Arguments.positive("--pairs", options.pairs);
            Arguments.positive("--calls", options.calls);
            Arguments.notNegative("--warmup-calls", options.warmupCalls);
            Arguments.heapSize("--server-heap", options.serverHeap);
            return options;
        }
    }

    /** What one server cost: messages routed, server CPU, of which PostgreSQL, and the wall time. */
    record Result(String server, long messages, Duration cpu, Duration databaseCpu, Duration wall) {

        double cpuMillisPerThousand() {
            return cpu.toNanos() / 1e6 / messages * 1000;
        }

        double databaseMillisPerThousand() {
            return databaseCpu.toNanos() / 1e6 / messages * 1000;
        }
    }

    private final Options options;
    private final String password = "pw-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));

    private SignallingBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        LoadGenerators.runAndExit(args, Options::parse, USAGE, options -> {
            List<Result> results = new ArrayList<>();
            for (boolean plugin : options.order()) {
                results.add(new SignallingBenchmark(options).against(plugin));
            }
            System.out.println();
            System.out.println("| server | JMI messages | server CPU per 1,000 (ms) | of which PostgreSQL (ms) | wall (s) |");
            System.out.println("|---|---|---|---|---|");
            for (Result result : results) {
                System.out.printf("| %s | %,d | %.1f | %.1f | %.1f |%n", result.server(), result.messages(),
                        result.cpuMillisPerThousand(), result.databaseMillisPerThousand(),
                        result.wall().toMillis() / 1000.0);
            }
        });
    }

    private Result against(boolean plugin) throws Exception {
        System.out.printf("%n=== Openfire %s the chat-app plugin ===%n", plugin ? "with" : "without");
        List<Pair> pairs = new ArrayList<>();
        try (ServerUnderTest server = ServerUnderTest.start(plugin, options.serverHeap(), password, true,
                List.of(CALLERS + ":" + options.pairs(), CALLEES + ":" + options.pairs()))) {
            try {
                List<Connections.Login> logins = new ArrayList<>();
                for (int i = 0; i < options.pairs(); i++) {
                    Pair pair = new Pair(i, server);
                    pairs.add(pair);
                    logins.add(pair::login);
                }
                Connections.logInAll(logins, 4);
                run(pairs, "w", options.warmupCalls());
                server.awaitIdle(Duration.ofSeconds(30));
                Duration cpuBefore = server.cpu();
                Duration databaseBefore = server.databaseCpu();
                long start = System.nanoTime();
                run(pairs, "m", options.calls());
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                server.awaitIdle(Duration.ofSeconds(30));
                Result result = new Result(server.name(), (long) options.pairs() * options.calls() * MESSAGES_PER_CALL,
                        server.cpu().minus(cpuBefore), server.databaseCpu().minus(databaseBefore), wall);
                System.out.printf("%,d JMI messages in %.1f s; server CPU %.1f ms per 1,000 (PostgreSQL %.1f)%n",
                        result.messages(), wall.toMillis() / 1000.0, result.cpuMillisPerThousand(),
                        result.databaseMillisPerThousand());
                return result;
            } finally {
                for (Pair pair : pairs) {
                    pair.caller.instantShutdown();
                    pair.callee.instantShutdown();
                }
            }
        }
    }

    /** Every pair places its calls one after the other, all pairs at once; returns when every call has finished. */
    private static void run(List<Pair> pairs, String run, int calls) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (Pair pair : pairs) {
            Thread thread = new Thread(() -> {
                try {
                    for (int call = 0; call < calls; call++) {
                        pair.call(run + "-" + pair.index + "-" + call);
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "caller-" + pair.index);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** A caller and a callee; the callee answers every propose, the caller finishes on the answer. */
    private final class Pair {
        final int index;
        final XMPPTCPConnection caller;
        final XMPPTCPConnection callee;
        final Jid calleeBare;
        volatile CompletableFuture<Void> current;

        Pair(int index, ServerUnderTest server) throws Exception {
            this.index = index;
            this.caller = Connections.create(server, true, true);
            this.callee = Connections.create(server, true, true);
            this.calleeBare = JidCreate.entityBareFrom(BenchmarkServer.user(CALLEES, index) + "@" + server.domain());
            callee.addAsyncStanzaListener(this::proposed, stanza -> stanza.getExtensionElement("propose", JMI) != null);
            caller.addAsyncStanzaListener(this::proceeded, stanza -> stanza.getExtensionElement("proceed", JMI) != null);
            callee.addAsyncStanzaListener(this::finished, stanza -> stanza.getExtensionElement("finish", JMI) != null);
        }

        void login() throws Exception {
            Connections.logIn(caller, BenchmarkServer.user(CALLERS, index), password);
            Connections.logIn(callee, BenchmarkServer.user(CALLEES, index), password);
        }

        void call(String id) throws Exception {
            CompletableFuture<Void> done = new CompletableFuture<>();
            current = done;
            caller.sendStanza(jmi(calleeBare, StandardExtensionElement.builder("propose", JMI)
                    .addAttribute("id", id)
                    .addElement(StandardExtensionElement.builder("description", "urn:xmpp:jingle:apps:rtp:1")
                            .addAttribute("media", "audio").build())
                    .build()));
            done.get(30, TimeUnit.SECONDS);
        }

        private void proposed(Stanza stanza) throws SmackException.NotConnectedException, InterruptedException {
            String id = id(stanza, "propose");
            callee.sendStanza(jmi(stanza.getFrom(), signal("ringing", id, null)));
            callee.sendStanza(jmi(stanza.getFrom(), signal("proceed", id, null)));
        }

        private void proceeded(Stanza stanza) throws SmackException.NotConnectedException, InterruptedException {
            caller.sendStanza(jmi(stanza.getFrom(), signal("finish", id(stanza, "proceed"), "success")));
        }

        private void finished(Stanza stanza) {
            CompletableFuture<Void> done = current;
            if (done != null) {
                done.complete(null);
            }
        }
    }

    private static String id(Stanza stanza, String element) {
        return ((StandardExtensionElement) stanza.getExtensionElement(element, JMI)).getAttributeValue("id");
    }

    private static ExtensionElement signal(String name, String id, String reason) {
        StandardExtensionElement.Builder signal = StandardExtensionElement.builder(name, JMI).addAttribute("id", id);
        if (reason != null) {
            signal.addElement(StandardExtensionElement.builder("reason", "urn:xmpp:jingle:1")
                    .addElement(StandardExtensionElement.builder(reason, "urn:xmpp:jingle:1").build()).build());
        }
        return signal.build();
    }

    private static Message jmi(Jid to, ExtensionElement signal) {
        return StanzaBuilder.buildMessage()
                .to(to)
                .ofType(Message.Type.chat)
                .addExtension(signal)
                .addExtension(StandardExtensionElement.builder("store", "urn:xmpp:hints").build())
                .build();
    }
}
