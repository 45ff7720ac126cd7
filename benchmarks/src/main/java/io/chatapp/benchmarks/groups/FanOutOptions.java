package io.chatapp.benchmarks.groups;

import io.chatapp.benchmarks.Arguments;
import java.util.List;
import java.util.Set;

/**
 * The arguments of {@link GroupFanOutBenchmark}.
 *
 * @param members       occupants of the group (or room), each a connection of its own; the first is its owner
 * @param rate          group messages per second in total, paced (open loop)
 * @param senders       members that send, taking turns (the first {@code senders} members)
 * @param seconds       length of each measured run
 * @param warmupSeconds paced load before the measured runs, not counted
 * @param receipts      the measured runs, in order: false = members only receive, true = each member answers every
 *                      group message with a XEP-0184 receipt to the room, as our library does
 * @param bodyBytes     length of each message's body
 * @param loginThreads  logins (and room entries) at a time: each login costs a SCRAM derivation on both ends
 * @param serverHeap    the server JVM's heap ({@code -Xms} and {@code -Xmx}), the same for both servers
 * @param order         the servers to run, in this order: {@code without} and/or {@code with} the plugin
 * @param tcpNoDelay    Nagle's algorithm off on both ends (see OneToOneBenchmark)
 */
record FanOutOptions(int members, int rate, int senders, int seconds, int warmupSeconds, List<Boolean> receipts,
        int bodyBytes, int loginThreads, String serverHeap, List<Boolean> order, boolean tcpNoDelay) {

    static final String USAGE = """
            GroupFanOutBenchmark [--members 256] [--rate 20] [--senders 4] [--seconds 60] [--warmup 10]
                                 [--receipts both] [--body-bytes 100] [--login-threads 2] [--server-heap 1g]
                                 [--order without,with] [--tcp-nodelay true]
              --receipts: off (members only receive), on (each answers with a receipt), both (off, then on)""";

    private static final Set<String> NAMES = Set.of("--members", "--rate", "--senders", "--seconds", "--warmup",
            "--receipts", "--body-bytes", "--login-threads", "--server-heap", "--order", "--tcp-nodelay");

    FanOutOptions {
        if (members < 2) {
            throw new IllegalArgumentException("--members must be at least 2, not " + members);
        }
        Arguments.positive("--rate", rate);
        Arguments.positive("--senders", senders);
        if (senders > members) {
            throw new IllegalArgumentException("--senders must not exceed --members (" + members + "), not "
                    + senders);
        }
        Arguments.positive("--seconds", seconds);
        Arguments.notNegative("--warmup", warmupSeconds);
        if (bodyBytes < 40) {
            throw new IllegalArgumentException("--body-bytes must be at least 40, not " + bodyBytes);
        }
        Arguments.positive("--login-threads", loginThreads);
        Arguments.heapSize("--server-heap", serverHeap);
        if (order.isEmpty()) {
            throw new IllegalArgumentException("--order names no server");
        }
        receipts = List.copyOf(receipts);
        order = List.copyOf(order);
    }

    static FanOutOptions defaults() {
        return new FanOutOptions(256, 20, 4, 60, 10, List.of(false, true), 100, 2, "1g", List.of(false, true),
                true);
    }

    static FanOutOptions parse(String[] args) {
        Arguments given = Arguments.parse(args, NAMES);
        FanOutOptions d = defaults();
        return new FanOutOptions(given.number("--members", d.members), given.number("--rate", d.rate),
                given.number("--senders", d.senders), given.number("--seconds", d.seconds),
                given.number("--warmup", d.warmupSeconds), receipts(given.text("--receipts", "both")),
                given.number("--body-bytes", d.bodyBytes), given.number("--login-threads", d.loginThreads),
                given.text("--server-heap", d.serverHeap), given.servers("--order", d.order),
                given.bool("--tcp-nodelay", d.tcpNoDelay));
    }

    /** The time of the run's message {@code index}, in nanoseconds after the run's start (one pacing thread). */
    long offsetNanos(long index) {
        return Arguments.offsetNanos(rate, 1, 0, index);
    }

    /** The member who sends the run's message {@code index}: the senders take turns. */
    int sender(long index) {
        return (int) (index % senders);
    }

    private static List<Boolean> receipts(String value) {
        return switch (value) {
            case "off" -> List.of(false);
            case "on" -> List.of(true);
            case "both" -> List.of(false, true);
            default -> throw new IllegalArgumentException("--receipts takes off, on or both, not " + value);
        };
    }
}
