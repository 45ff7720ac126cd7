package io.chatapp.benchmarks.push;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.UnparsedIQ;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * A XEP-0357 app server as the benchmark's receiver: an XMPP session (its full JID is what the devices name in
 * {@code <enable jid='…'/>}) that answers every pubsub publish with a result, as Conversations' app server does, and
 * notes when each arrived ({@link System#nanoTime()}) by node. Answering happens on Smack's IQ handler threads.
 */
final class BenchmarkAppServer {

    private static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    private static final Pattern NODE = Pattern.compile("<publish[^>]* node=['\"]([^'\"]+)['\"]");

    static {
        // Smack would parse the publish into its PubSub classes; the node is all the benchmark reads.
        ProviderManager.removeIQProvider("pubsub", PUBSUB);
    }

    /** A publish's arrival: when, and to which node. */
    record Arrival(long nanos, String node) {
    }

    private final XMPPTCPConnection connection;
    private final Map<String, ConcurrentLinkedQueue<Long>> byNode = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();

    BenchmarkAppServer(XMPPTCPConnection connection) {
        this.connection = connection;
        connection.registerIQRequestHandler(new AbstractIqRequestHandler("pubsub", PUBSUB, IQ.Type.set,
                IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ request) {
                long now = System.nanoTime();
                Matcher node = NODE.matcher(((UnparsedIQ) request).getContent());
                String name = node.find() ? node.group(1) : "";
                byNode.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).add(now);
                arrivals.add(new Arrival(now, name));
                count.incrementAndGet();
                return IQ.createResultIQ(request);
            }
        });
    }

    /** The full JID devices enable push with. */
    String jid() {
        return connection.getUser().toString();
    }

    /** Publishes received so far, to any node. */
    int count() {
        return count.get();
    }

    /** The next not yet taken arrival time at {@code node}, or null. */
    Long take(String node) {
        ConcurrentLinkedQueue<Long> queue = byNode.get(node);
        return queue == null ? null : queue.poll();
    }

    /** Every arrival so far, in arrival order, and forgets them. */
    java.util.List<Arrival> drain() {
        java.util.List<Arrival> drained = new java.util.ArrayList<>();
        Arrival arrival;
        while ((arrival = arrivals.poll()) != null) {
            drained.add(arrival);
        }
        byNode.clear();
        return drained;
    }
}
