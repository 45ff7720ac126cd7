package io.chatapp.benchmarks.groups;

import io.chatapp.benchmarks.LoadGenerators;
import io.chatapp.benchmarks.xmpp.BenchmarkServer;
import io.chatapp.benchmarks.xmpp.ComparisonTable;
import io.chatapp.benchmarks.xmpp.ComparisonTable.Metric;
import io.chatapp.benchmarks.xmpp.Connections;
import io.chatapp.benchmarks.xmpp.MessageTag;
import io.chatapp.benchmarks.xmpp.ServerUnderTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Group fan-out (issue 5): one group of {@code --members} online members receiving {@code --rate} messages per second,
 * on Openfire 4.2.0 with the chat-app plugin (a real group: the plugin records it, archives every message, stamps
 * each copy with a stanza-id and records receipts) against a plain MUC room on the same Openfire without the plugin,
 * configured the same (members-only, persistent), in one run. Each server is a JVM of its own ({@link
 * ServerUnderTest}). This JVM logs every member in (lean Smack connections: no roster, no stream management), sets the
 * room up ({@link MucRoom}), warms up, then measures one paced run per receipts mode: members only receiving, and each
 * member answering every group message with a XEP-0184 receipt to the room as our library does. Each message's id
 * carries the instant it was due to be sent; each occupant notes when its copy arrives. Prints each run and a table
 * with the plugin's overhead. See docs/benchmarks.md. Options: {@link FanOutOptions#USAGE}.
 */
public final class GroupFanOutBenchmark {

    private static final String RECEIPTS = "urn:xmpp:receipts";
    private static final String STANZA_IDS = "urn:xmpp:sid:0";
    private static final String MEMBERS = "bench-member-";
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(15);
    /** The origin of the times in message ids, so that they are never negative. */
    private static final long EPOCH = System.nanoTime();

    private final FanOutOptions options;
    private final String password = "pw-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private final String body;
    /** The statistics of each run, by its letter; members look a message's run up here. */
    private final Map<Character, FanOutRun> runs = new ConcurrentHashMap<>();
    /** The run under way, which stanza errors are charged to. */
    private volatile FanOutRun current;
    private final AtomicLong receiptIds = new AtomicLong();

    private GroupFanOutBenchmark(FanOutOptions options) {
        this.options = options;
        this.body = LoadGenerators.chatLine(options.bodyBytes());
    }

    public static void main(String[] args) {
        LoadGenerators.runAndExit(args, FanOutOptions::parse, FanOutOptions.USAGE, options -> {
            List<List<FanOutRun>> results = new ArrayList<>();
            List<String> servers = new ArrayList<>();
            for (boolean plugin : options.order()) {
                results.add(new GroupFanOutBenchmark(options).against(plugin));
                servers.add(plugin ? "with" : "without");
                System.out.printf("load average after the server %s the plugin: %s%n", servers.get(servers.size() - 1),
                        LoadGenerators.loadAverage());
            }
            printTables(options, servers, results);
        });
    }

    /**
     * The MUC service of the room: the plugin's group service (chatapp.groups.service, created by the plugin), or the
     * standard one of a plain Openfire.
     */
    private static String service(boolean plugin) {
        return plugin ? "groups" : "conference";
    }

    /** Boots a server with or without the plugin, sets the room up, runs the load, and stops it. */
    private List<FanOutRun> against(boolean plugin) throws Exception {
        System.out.printf("%n=== Openfire %s the chat-app plugin ===%n", plugin ? "with" : "without");
        List<Member> members = new ArrayList<>();
        try (ServerUnderTest server = ServerUnderTest.start(plugin, options.serverHeap(), password,
                options.tcpNoDelay(), List.of(MEMBERS + ":" + options.members()))) {
            try {
                MucRoom room = new MucRoom(JidCreate.entityBareFrom("g" + HexFormat.of().formatHex(
                        new SecureRandom().generateSeed(12)) + "@" + service(plugin) + "." + server.domain()));
                long start = System.nanoTime();
                List<Connections.Login> logins = new ArrayList<>();
                for (int i = 0; i < options.members(); i++) {
                    Member member = new Member(i, server, room.jid());
                    members.add(member);
                    logins.add(member::logIn);
                }
                Connections.logInAll(logins, options.loginThreads());
                System.out.printf("%d members logged in and routable in %.1f s%n", members.size(),
                        (System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                setUp(room, members);
                System.out.printf("room %s created, %d occupants entered in %.1f s%n", room.jid(), members.size(),
                        (System.nanoTime() - start) / 1e9);

                if (options.warmupSeconds() > 0) {
                    // In the first run's mode: a warm-up with receipts can leave background work that would be
                    // charged to a following run without them.
                    run(members, server, 'w', options.warmupSeconds(), options.receipts().get(0));
                }
                List<FanOutRun> measured = new ArrayList<>();
                char letter = 'a';
                for (boolean receipts : options.receipts()) {
                    FanOutRun run = run(members, server, letter++, options.seconds(), receipts);
                    print(receipts, run);
                    measured.add(run);
                }
                return measured;
            } finally {
                for (Member member : members) {
                    member.connection.instantShutdown();
                }
            }
        }
    }

    private void setUp(MucRoom room, List<Member> members) throws Exception {
        List<EntityBareJid> others = new ArrayList<>();
        for (Member member : members.subList(1, members.size())) {
            others.add(member.connection.getUser().asEntityBareJid());
        }
        Member owner = members.get(0);
        room.create(owner.connection, owner.username, others);
        List<Connections.Login> entries = new ArrayList<>();
        for (Member member : members.subList(1, members.size())) {
            entries.add(() -> room.enter(member.connection, member.username));
        }
        Connections.logInAll(entries, options.loginThreads());
    }

    // ------------------------------------------------------------------------------------------------- members

    /** One member: a connection of its own, in the room once set up. */
    private final class Member {
        final int index;
        final String username;
        final XMPPTCPConnection connection;
        final EntityBareJid room;
        final AtomicLong numbers = new AtomicLong();

        Member(int index, ServerUnderTest server, EntityBareJid room) throws Exception {
            this.index = index;
            this.username = BenchmarkServer.user(MEMBERS, index);
            this.room = room;
            this.connection = Connections.create(server, options.tcpNoDelay(), false);
            connection.addStanzaListener(this::received,
                    stanza -> stanza instanceof Message m && m.getType() == Message.Type.groupchat);
            connection.addStanzaListener(stanza -> {
                FanOutRun run = current;
                if (run != null) {
                    run.error(stanza.getError().getCondition().toString());
                }
            }, stanza -> stanza.getError() != null);
        }

        void logIn() throws Exception {
            Connections.logIn(connection, username, password);
        }

        void send(char run, long dueNanos) throws Exception {
            String id = new MessageTag(run, index, numbers.incrementAndGet(), dueNanos).id();
            connection.sendStanza(StanzaBuilder.buildMessage(id)
                    .to(room)
                    .ofType(Message.Type.groupchat)
                    .setBody(body)
                    .build());
        }

        /** A copy of a group message: counted, and answered with a receipt when the run asks for them. */
        private void received(Stanza stanza) throws SmackException.NotConnectedException, InterruptedException {
            long now = System.nanoTime() - EPOCH;
            MessageTag tag = MessageTag.parse(stanza.getStanzaId());
            FanOutRun run = tag == null ? null : runs.get(tag.run());
            if (run == null) {
                return;
            }
            run.delivered(now - tag.sentNanos());
            if (run.receipts()) {
                // As our library does: to the room, naming the message by the room's archive id (stanza-id); a plain
                // room has none, so there the message's own id.
                String named = stanza.getExtensionElement("stanza-id", STANZA_IDS)
                        instanceof StandardExtensionElement sid && room.equals(sid.getAttributeValue("by"))
                        ? sid.getAttributeValue("id") : stanza.getStanzaId();
                connection.sendStanza(StanzaBuilder.buildMessage("r" + receiptIds.incrementAndGet())
                        .to(room)
                        .ofType(Message.Type.chat)
                        .addExtension(StandardExtensionElement.builder("received", RECEIPTS)
                                .addAttribute("id", named).build())
                        .build());
                run.receiptSent();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- load

    /**
     * One paced run: a single thread sends the messages at their instants (open loop), the senders taking turns;
     * then waits until every occupant has every message, or the drain timeout passed.
     */
    private FanOutRun run(List<Member> members, ServerUnderTest server, char letter, int seconds, boolean receipts)
            throws InterruptedException {
        FanOutRun run = new FanOutRun(members.size(), receipts, (long) options.rate() * seconds);
        runs.put(letter, run);
        current = run;
        Duration serverCpuBefore = server.cpu();
        long clientCpuBefore = Connections.clientCpuNanos();
        long start = System.nanoTime() - EPOCH + 20_000_000L;
        long end = start + seconds * 1_000_000_000L;
        Thread sender = new Thread(() -> {
            try {
                LoadGenerators.sendPaced(i -> start + options.offsetNanos(i), end, () -> System.nanoTime() - EPOCH,
                        (i, due, lag) -> {
                            run.sending(lag);
                            members.get(options.sender(i)).send(letter, due);
                        });
            } catch (Exception e) {
                run.failure(e);
            }
        }, "sender");
        sender.start();
        sender.join();
        long sendEnd = System.nanoTime() - EPOCH;
        run.awaitDelivered(DRAIN_TIMEOUT);
        server.awaitIdle(IDLE_TIMEOUT);
        // CPU counts until the server is idle again: the fan-out of the last messages and what the run set off in
        // the background (archive writes, receipts) are part of its cost. Rates are per second of sending.
        run.finish((sendEnd - start) / 1e9, server.cpu().minus(serverCpuBefore),
                (Connections.clientCpuNanos() - clientCpuBefore) / 1e9);
        return run;
    }

    // ------------------------------------------------------------------------------------------------- results

    private static String mode(boolean receipts) {
        return receipts ? "with receipts" : "no receipts";
    }

    private static void print(boolean receipts, FanOutRun r) {
        System.out.printf(Locale.ROOT, "%s: sent %d, deliveries %d of %d (lost %d) in %.1f s: %.0f deliveries/s; "
                        + "latency p50 %.2f / p99 %.2f / max %.2f ms; receipts sent %d, errors back %d (first: %s); "
                        + "latest send "
                        + "%.1f ms behind; server CPU %.2f cores (%.1f s, %.0f ms per 1,000 deliveries); "
                        + "load generator CPU %.2f cores%n",
                mode(receipts), r.sent(), r.delivered(), r.expectedDeliveries(), r.lost(), r.seconds(),
                r.deliveriesPerSecond(), r.latency().medianMillis(), r.latency().p99Millis(),
                r.latency().maxMillis(), r.receiptsSent(), r.errors(), r.firstError(), r.maxLagMillis(),
                r.serverCores(),
                r.serverCpuSeconds(), r.serverCpuMillisPerThousandDeliveries(), r.clientCores());
    }

    private static final List<Metric<FanOutRun>> METRICS = List.of(
            new Metric<>("messages sent", r -> r.sent(), true, "%.0f"),
            new Metric<>("deliveries", r -> r.delivered(), true, "%.0f"),
            new Metric<>("deliveries lost", r -> r.lost(), false, "%.0f"),
            new Metric<>("deliveries/s", FanOutRun::deliveriesPerSecond, true, "%.0f"),
            new Metric<>("delivery latency p50, ms", r -> r.latency().medianMillis(), false, "%.2f"),
            new Metric<>("delivery latency p99, ms", r -> r.latency().p99Millis(), false, "%.2f"),
            new Metric<>("delivery latency max, ms", r -> r.latency().maxMillis(), false, "%.2f"),
            new Metric<>("errors back to members", r -> r.errors(), false, "%.0f"),
            new Metric<>("server CPU, cores", FanOutRun::serverCores, false, "%.3f"),
            new Metric<>("server CPU total, s", FanOutRun::serverCpuSeconds, false, "%.1f"),
            new Metric<>("server CPU per 1,000 deliveries, ms", FanOutRun::serverCpuMillisPerThousandDeliveries,
                    false, "%.1f"),
            new Metric<>("load generator CPU, cores", FanOutRun::clientCores, false, "%.2f"));

    private static void printTables(FanOutOptions options, List<String> servers, List<List<FanOutRun>> results) {
        for (int mode = 0; mode < options.receipts().size(); mode++) {
            System.out.printf(Locale.ROOT, "%n%s: %d members online, %d msg/s from %d senders (open loop), "
                            + "%d s measured after %d s warm-up%n", mode(options.receipts().get(mode)),
                    options.members(), options.rate(), options.senders(), options.seconds(),
                    options.warmupSeconds());
            ComparisonTable<FanOutRun> table = new ComparisonTable<>(METRICS);
            for (int s = 0; s < servers.size(); s++) {
                table.add(servers.get(s), results.get(s).get(mode));
            }
            table.print();
        }
        System.out.println("\nOverhead: the plugin's cost relative to a plain MUC room on Openfire without it "
                + "(positive = worse with the plugin). Several runs of a server are averaged.");
    }
}
