package io.chatapp.benchmarks.messaging;

import io.chatapp.benchmarks.Arguments;
import java.util.List;
import java.util.Set;

/**
 * The arguments of {@link OneToOneBenchmark}.
 *
 * @param pairs             sender/receiver pairs, each a connection of its own (so 2 × pairs connections)
 * @param rate              messages per second in total in the paced run, spread evenly over the pairs
 * @param seconds           length of each measured run (paced and saturation)
 * @param warmupSeconds     paced load before the measured runs, not counted
 * @param saturationSeconds length of the saturation run; 0 skips it
 * @param window            saturation run: messages per pair sent and not yet delivered, at most
 * @param bodyBytes         length of each message's body
 * @param senderThreads     threads that send (each paces its share of the pairs)
 * @param serverHeap        the server JVM's heap ({@code -Xms} and {@code -Xmx}), the same for both servers
 * @param order             the servers to run, in this order: {@code without} and/or {@code with} the plugin
 * @param tcpNoDelay        Nagle's algorithm off on both ends (server: {@code xmpp.socket.tcp-nodelay}); Openfire
 *                          4.2 and Smack leave it on, which delays small stanzas by tens of milliseconds
 */
record LoadOptions(int pairs, int rate, int seconds, int warmupSeconds, int saturationSeconds, int window,
        int bodyBytes, int senderThreads, String serverHeap, List<Boolean> order, boolean tcpNoDelay) {

    static final String USAGE = """
            OneToOneBenchmark [--pairs 50] [--rate 2000] [--seconds 60] [--warmup 15] [--saturation-seconds 60]
                              [--window 10] [--body-bytes 100] [--sender-threads 2] [--server-heap 1g]
                              [--order without,with] [--tcp-nodelay true]""";

    private static final Set<String> NAMES = Set.of("--pairs", "--rate", "--seconds", "--warmup",
            "--saturation-seconds", "--window", "--body-bytes", "--sender-threads", "--server-heap", "--order", "--tcp-nodelay");

    LoadOptions {
        Arguments.positive("--pairs", pairs);
        Arguments.positive("--rate", rate);
        Arguments.positive("--seconds", seconds);
        Arguments.notNegative("--warmup", warmupSeconds);
        Arguments.notNegative("--saturation-seconds", saturationSeconds);
        Arguments.positive("--window", window);
        Arguments.positive("--sender-threads", senderThreads);
        if (bodyBytes < 40) {
            throw new IllegalArgumentException("--body-bytes must be at least 40, not " + bodyBytes);
        }
        Arguments.heapSize("--server-heap", serverHeap);
        if (order.isEmpty()) {
            throw new IllegalArgumentException("--order names no server");
        }
        order = List.copyOf(order);
        senderThreads = Math.min(senderThreads, pairs);
    }

    static LoadOptions defaults() {
        return new LoadOptions(50, 2000, 60, 15, 60, 10, 100, 2, "1g", List.of(false, true), true);
    }

    static LoadOptions parse(String[] args) {
        Arguments given = Arguments.parse(args, NAMES);
        LoadOptions d = defaults();
        return new LoadOptions(given.number("--pairs", d.pairs), given.number("--rate", d.rate),
                given.number("--seconds", d.seconds), given.number("--warmup", d.warmupSeconds),
                given.number("--saturation-seconds", d.saturationSeconds), given.number("--window", d.window),
                given.number("--body-bytes", d.bodyBytes), given.number("--sender-threads", d.senderThreads),
                given.text("--server-heap", d.serverHeap), given.servers("--order", d.order),
                given.bool("--tcp-nodelay", d.tcpNoDelay));
    }

    /** The time of message {@code index} of a sender thread, in nanoseconds after the run's start. */
    long offsetNanos(int thread, long index) {
        return Arguments.offsetNanos(rate, senderThreads, thread, index);
    }
}
