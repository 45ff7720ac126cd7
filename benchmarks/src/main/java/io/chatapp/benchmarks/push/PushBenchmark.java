package io.chatapp.benchmarks.push;

import io.chatapp.benchmarks.Arguments;
import io.chatapp.benchmarks.LoadGenerators;
import io.chatapp.benchmarks.groups.MucRoom;
import io.chatapp.benchmarks.login.Latencies;
import io.chatapp.benchmarks.xmpp.Connections;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.DevServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Push notifications (issue 18), on one dev server with the plugin (in this JVM) and a real XEP-0357 app server
 * session ({@link BenchmarkAppServer}):
 * <ol>
 *   <li><b>latency</b>: {@code --latency-devices} users each enable push on one device and go offline; a sender
 *   sends {@code --latency-messages} one-to-one messages to them in turn ({@code --latency-gap-ms} apart, so that each
 *   device's minimum interval between pushes never holds one back); measured: message sent → app server received.</li>
 *   <li><b>fan-out</b>: {@code --members} group members with {@code --devices-per-member} offline devices each (the
 *   registrations written straight to {@code push_registration}, then picked up by the plugin's periodic reload, as
 *   registrations made on another node are); one group message; measured: time until the app server got a push for
 *   every device, and pushes/s.</li>
 *   <li><b>online delivery</b>: {@code --pairs} online pairs exchange {@code --online-messages} paced one-to-one
 *   messages (sent → received), first with no push registration for the receivers, then with the receiver's device
 *   and {@code --devices-per-member − 1} offline devices of each receiver registered (and the fan-out's devices),
 *   then again without: same server, same run.</li>
 * </ol>
 * Pushes use the plugin's defaults ({@code chatapp.push.batchMillis} 300: a push waits that long for more of the same
 * device's notifications). See docs/benchmarks.md.
 */
public final class PushBenchmark {

    static final String USAGE = "options: --latency-devices 20 --latency-messages 200 --latency-gap-ms 150"
            + " --members 500 --devices-per-member 20 --pairs 5 --online-messages 400 --online-rate 20";
    private static final String PASSWORD = "bench-push-password";
    private static final String RELOAD_WAIT = "chatapp push registrations reload every 15 s";
    private static final Duration RELOAD = Duration.ofSeconds(17);

    record Options(int latencyDevices, int latencyMessages, int latencyGapMillis, int members, int devicesPerMember,
                   int pairs, int onlineMessages, int onlineRate) {

        static Options parse(String[] args) {
            Arguments given = Arguments.parse(args, Set.of("--latency-devices", "--latency-messages",
                    "--latency-gap-ms", "--members", "--devices-per-member", "--pairs", "--online-messages",
                    "--online-rate"));
            Options options = new Options(given.number("--latency-devices", 20),
                    given.number("--latency-messages", 200), given.number("--latency-gap-ms", 150),
                    given.number("--members", 500), given.number("--devices-per-member", 20),
                    given.number("--pairs", 5), given.number("--online-messages", 400),
                    given.number("--online-rate", 20));
            Arguments.positive("--latency-devices", options.latencyDevices);
            Arguments.positive("--latency-messages", options.latencyMessages);
            Arguments.positive("--latency-gap-ms", options.latencyGapMillis);
            Arguments.positive("--members", options.members);
            Arguments.positive("--devices-per-member", options.devicesPerMember);
            Arguments.positive("--pairs", options.pairs);
            Arguments.positive("--online-messages", options.onlineMessages);
            Arguments.positive("--online-rate", options.onlineRate);
            return options;
        }
    }

    private final Options options;
    private final DevServer server;
    private final X509TrustManager trust;
    private final List<XMPPTCPConnection> connections = new ArrayList<>();
    private BenchmarkAppServer appServer;
    private XMPPTCPConnection sender;

    private PushBenchmark(Options options, DevServer server) throws Exception {
        this.options = options;
        this.server = server;
        this.trust = LoadGenerators.trusting(server.certificate());
    }

    public static void main(String[] args) {
        LoadGenerators.runAndExit(args, Options::parse, USAGE, options -> {
            Path folder = Files.createTempDirectory("push-bench-");
            // The fan-out's group has every member plus the sender.
            try (DevServer server = DevServer.start(DevServerConfig.forTests(folder).withProperty(
                    "chatapp.groups.maxMembers", Integer.toString(Math.max(1024, options.members() + 1))))) {
                new PushBenchmark(options, server).run();
            } finally {
                LoadGenerators.deleteRecursively(folder);
            }
        });
    }

    private void run() throws Exception {
        createUsers();
        XMPPTCPConnection appServerSession = login("bench-appserver", "push-service");
        appServer = new BenchmarkAppServer(appServerSession);
        sender = login("bench-sender", "desk");

        Latencies online = new Latencies("online, no push registrations", options.onlineMessages());
        List<OnlinePair> pairs = new ArrayList<>();
        for (int i = 0; i < options.pairs(); i++) {
            pairs.add(new OnlinePair(login("bench-from-" + i, "desk"), login("bench-to-" + i, "phone")));
        }
        onlineDelivery(pairs, online);

        Latencies latency = pushLatency();

        registerOfflineDevices(pairs);
        System.out.println("waiting for the plugin to load the registrations (" + RELOAD_WAIT + ")");
        Thread.sleep(RELOAD.toMillis());
        FanOut fanOut = fanOut();

        Latencies withPush = new Latencies("online, receivers with " + options.devicesPerMember()
                + " registered devices", options.onlineMessages());
        onlineDelivery(pairs, withPush);
        unregister(pairs);
        Thread.sleep(RELOAD.toMillis());
        Latencies onlineAgain = new Latencies("online, no push registrations (again)", options.onlineMessages());
        onlineDelivery(pairs, onlineAgain);

        System.out.println();
        System.out.printf("load average after: %s%n%n", LoadGenerators.loadAverage());
        System.out.println("| measured | samples | p50 (ms) | p99 (ms) | max (ms) | mean (ms) |");
        System.out.println("|---|---|---|---|---|---|");
        for (Latencies l : List.of(latency, online, withPush, onlineAgain)) {
            System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", l.name(), l.count(), l.medianMillis(),
                    l.p99Millis(), l.maxMillis(), l.meanMillis());
        }
        System.out.println();
        System.out.printf("fan-out: %,d devices (%d members × %d); first push after %.0f ms, half after %.0f ms,"
                + " all %,d after %.0f ms: %,.0f pushes/s%n", fanOut.devices(), options.members(),
                options.devicesPerMember(), fanOut.firstMillis(), fanOut.halfMillis(), fanOut.received(),
                fanOut.lastMillis(), fanOut.received() / (fanOut.lastMillis() / 1000));
        for (XMPPTCPConnection connection : connections) {
            connection.instantShutdown();
        }
    }

    private void createUsers() {
        long start = System.nanoTime();
        List<String> users = new ArrayList<>(List.of("bench-appserver", "bench-sender"));
        for (int i = 0; i < options.latencyDevices(); i++) {
            users.add("bench-offline-" + i);
        }
        for (int i = 0; i < options.members(); i++) {
            users.add(member(i));
        }
        for (int i = 0; i < options.pairs(); i++) {
            users.add("bench-from-" + i);
            users.add("bench-to-" + i);
        }
        users.forEach(user -> server.createUser(user, PASSWORD));
        System.out.printf("%,d users created in %.1f s%n", users.size(), (System.nanoTime() - start) / 1e9);
    }

    private static String member(int index) {
        return "bench-member-" + index;
    }

    private XMPPTCPConnection login(String username, String resource) throws Exception {
        XMPPTCPConnection connection = Connections.create(server.domain(), server.xmppPort(), trust, true, false,
                resource);
        Connections.logIn(connection, username, PASSWORD);
        connections.add(connection);
        return connection;
    }

    /** Each latency user enables push on its phone, then goes offline; messages to them are timed to the push. */
    private Latencies pushLatency() throws Exception {
        System.out.println("push latency: enabling push on " + options.latencyDevices() + " devices");
        for (int i = 0; i < options.latencyDevices(); i++) {
            XMPPTCPConnection phone = login("bench-offline-" + i, "phone");
            PushIqs.enable(phone, appServer.jid(), "latency-" + i);
            phone.instantShutdown(); // disconnect() would wait for a closing stream tag Openfire 4.2 never sends
            connections.remove(phone);
        }
        Thread.sleep(1_000);
        appServer.drain();
        Latencies latencies = new Latencies("push latency, message sent → app server received",
                options.latencyMessages());
        long[] sent = new long[options.latencyMessages()];
        for (int i = 0; i < sent.length; i++) {
            int device = i % options.latencyDevices();
            EntityBareJid to = JidCreate.entityBareFrom("bench-offline-" + device + "@" + server.domain());
            sent[i] = System.nanoTime();
            sender.sendStanza(StanzaBuilder.buildMessage().to(to).ofType(Message.Type.chat)
                    .setBody("push latency " + i).build());
            Thread.sleep(options.latencyGapMillis());
        }
        Thread.sleep(3_000);
        for (int i = 0; i < sent.length; i++) {
            Long arrived = appServer.take("latency-" + (i % options.latencyDevices()));
            if (arrived != null) {
                latencies.add(arrived - sent[i]);
            }
        }
        System.out.printf("push latency: %d of %d messages pushed%n", latencies.count(), sent.length);
        return latencies;
    }

    /** The fan-out's member devices and, for the online pairs, the receivers' other devices: straight to the table. */
    private void registerOfflineDevices(List<OnlinePair> pairs) throws Exception {
        long start = System.nanoTime();
        try (Connection db = server.connectToDatabase(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO chatapp.push_registration (username, resource, service, node, publish_options,"
                        + " enabled_at) VALUES (?, ?, ?, ?, NULL, ?)")) {
            db.setAutoCommit(false);
            for (int m = 0; m < options.members(); m++) {
                for (int d = 0; d < options.devicesPerMember(); d++) {
                    add(insert, member(m), "device-" + d, "fan-" + m + "-" + d);
                }
            }
            for (int p = 0; p < pairs.size(); p++) {
                for (int d = 1; d < options.devicesPerMember(); d++) {
                    add(insert, "bench-to-" + p, "device-" + d, "online-" + p + "-" + d);
                }
            }
            insert.executeBatch();
            db.commit();
        }
        for (int p = 0; p < pairs.size(); p++) {
            PushIqs.enable(pairs.get(p).to(), appServer.jid(), "online-" + p + "-0");
        }
        System.out.printf("registered %,d offline devices in %.1f s%n", options.members() * options.devicesPerMember()
                + pairs.size() * (options.devicesPerMember() - 1), (System.nanoTime() - start) / 1e9);
    }

    private void add(PreparedStatement insert, String user, String resource, String node) throws Exception {
        insert.setString(1, user);
        insert.setString(2, resource);
        insert.setString(3, appServer.jid());
        insert.setString(4, node);
        insert.setTimestamp(5, Timestamp.from(Instant.now()));
        insert.addBatch();
    }

    private void unregister(List<OnlinePair> pairs) throws Exception {
        for (int p = 0; p < pairs.size(); p++) {
            PushIqs.disable(pairs.get(p).to(), appServer.jid());
        }
        try (Connection db = server.connectToDatabase(); PreparedStatement delete = db.prepareStatement(
                "DELETE FROM chatapp.push_registration WHERE username LIKE 'bench-to-%'")) {
            delete.executeUpdate();
        }
    }

    /** How one group message reached every member's offline devices. */
    private record FanOut(int devices, int received, double firstMillis, double halfMillis, double lastMillis) {
    }

    private FanOut fanOut() throws Exception {
        MucRoom room = new MucRoom(JidCreate.entityBareFrom("push-fan-out@groups." + server.domain()));
        List<EntityBareJid> members = new ArrayList<>();
        for (int m = 0; m < options.members(); m++) {
            members.add(JidCreate.entityBareFrom(member(m) + "@" + server.domain()));
        }
        room.create(sender, "sender", members);
        Thread.sleep(2_000);
        appServer.drain();
        int devices = options.members() * options.devicesPerMember();
        int before = appServer.count();
        long sent = System.nanoTime();
        sender.sendStanza(StanzaBuilder.buildMessage().to(room.jid()).ofType(Message.Type.groupchat)
                .setBody("one message to the whole group").build());
        long deadline = sent + TimeUnit.MINUTES.toNanos(5);
        while (appServer.count() - before < devices && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<BenchmarkAppServer.Arrival> arrivals = appServer.drain().stream()
                .filter(arrival -> arrival.node().startsWith("fan-")).toList();
        if (arrivals.isEmpty()) {
            throw new IllegalStateException("The app server got no push for the group message");
        }
        return new FanOut(devices, arrivals.size(), millis(arrivals.get(0).nanos() - sent),
                millis(arrivals.get((arrivals.size() - 1) / 2).nanos() - sent),
                millis(arrivals.get(arrivals.size() - 1).nanos() - sent));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** A sender and a receiver, both online; the receiver times each message from the nanoTime in its body. */
    private record OnlinePair(XMPPTCPConnection from, XMPPTCPConnection to) {
    }

    /** Paced one-to-one messages on every pair, all pairs at once; each latency from the send to the receipt. */
    private void onlineDelivery(List<OnlinePair> pairs, Latencies latencies) throws Exception {
        List<StanzaListener> listeners = new ArrayList<>();
        for (OnlinePair pair : pairs) {
            StanzaListener listener = stanza -> {
                String body = ((Message) stanza).getBody();
                if (body != null && body.startsWith("t=")) {
                    long latency = System.nanoTime() - Long.parseLong(body.substring(2));
                    synchronized (latencies) {
                        latencies.add(latency);
                    }
                }
            };
            pair.to().addSyncStanzaListener(listener, stanza -> stanza instanceof Message);
            listeners.add(listener);
        }
        int pushesBefore = appServer.count();
        long interval = TimeUnit.SECONDS.toNanos(1) / options.onlineRate();
        long start = System.nanoTime();
        for (int i = 0; i < options.onlineMessages(); i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            OnlinePair pair = pairs.get(i % pairs.size());
            pair.from().sendStanza(StanzaBuilder.buildMessage().to(pair.to().getUser()).ofType(Message.Type.chat)
                    .setBody("t=" + System.nanoTime()).build());
        }
        Thread.sleep(2_000);
        for (int i = 0; i < pairs.size(); i++) {
            pairs.get(i).to().removeSyncStanzaListener(listeners.get(i));
        }
        System.out.printf("%s: %d of %d delivered, p50 %.1f ms, p99 %.1f ms; the app server got %d pushes"
                + " meanwhile%n", latencies.name(), latencies.count(), options.onlineMessages(),
                latencies.medianMillis(), latencies.p99Millis(), appServer.count() - pushesBefore);
    }
}
