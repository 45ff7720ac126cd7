package io.chatapp.benchmarks.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        positive("--pairs", pairs);
        positive("--rate", rate);
        positive("--seconds", seconds);
        notNegative("--warmup", warmupSeconds);
        notNegative("--saturation-seconds", saturationSeconds);
        positive("--window", window);
        positive("--sender-threads", senderThreads);
        if (bodyBytes < 40) {
            throw new IllegalArgumentException("--body-bytes must be at least 40, not " + bodyBytes);
        }
        if (!serverHeap.matches("[0-9]+[kmgKMG]?")) {
            throw new IllegalArgumentException("--server-heap must be a JVM size such as 1g, not " + serverHeap);
        }
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
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!NAMES.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            given.put(args[i], args[i + 1]);
        }
        LoadOptions d = defaults();
        return new LoadOptions(number(given, "--pairs", d.pairs), number(given, "--rate", d.rate),
                number(given, "--seconds", d.seconds), number(given, "--warmup", d.warmupSeconds),
                number(given, "--saturation-seconds", d.saturationSeconds), number(given, "--window", d.window),
                number(given, "--body-bytes", d.bodyBytes), number(given, "--sender-threads", d.senderThreads),
                given.getOrDefault("--server-heap", d.serverHeap),
                given.containsKey("--order") ? order(given.get("--order")) : d.order,
                given.containsKey("--tcp-nodelay") ? bool("--tcp-nodelay", given.get("--tcp-nodelay")) : d.tcpNoDelay);
    }

    /** The time of message {@code index} of a sender thread, in nanoseconds after the run's start. */
    long offsetNanos(int thread, long index) {
        // Thread t sends the overall messages t, t + T, t + 2T, …: the threads together keep the total rate, each
        // message at its own instant rather than in bursts.
        long overall = index * senderThreads + thread;
        return overall * 1_000_000_000L / rate;
    }

    private static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " takes true or false, not " + value);
        };
    }

    private static List<Boolean> order(String value) {
        List<Boolean> servers = new ArrayList<>();
        for (String each : value.split(",")) {
            switch (each.trim()) {
                case "with" -> servers.add(true);
                case "without" -> servers.add(false);
                default -> throw new IllegalArgumentException("--order takes with and/or without, not " + each);
            }
        }
        return servers;
    }

    private static int number(Map<String, String> given, String name, int defaultValue) {
        String value = given.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not " + value);
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }

    private static void notNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, not " + value);
        }
    }
}
