package io.chatapp.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The load generators' command lines: {@code --name value} pairs, checked against the names a generator knows, and
 * the conversions and checks their options share. Every bad argument is an {@link IllegalArgumentException} whose
 * message says which option and why.
 */
public final class Arguments {

    private final Map<String, String> given;

    private Arguments(Map<String, String> given) {
        this.given = given;
    }

    public static Arguments parse(String[] args, Set<String> names) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!names.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            given.put(args[i], args[i + 1]);
        }
        return new Arguments(given);
    }

    public String text(String name, String defaultValue) {
        return given.getOrDefault(name, defaultValue);
    }

    public int number(String name, int defaultValue) {
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

    public boolean bool(String name, boolean defaultValue) {
        String value = given.get(name);
        if (value == null) {
            return defaultValue;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " takes true or false, not " + value);
        };
    }

    /** A comma-separated list of {@code with} and {@code without} (the plugin), in order: true is with. */
    public List<Boolean> servers(String name, List<Boolean> defaultValue) {
        String value = given.get(name);
        if (value == null) {
            return defaultValue;
        }
        List<Boolean> servers = new ArrayList<>();
        for (String each : value.split(",")) {
            switch (each.trim()) {
                case "with" -> servers.add(true);
                case "without" -> servers.add(false);
                default -> throw new IllegalArgumentException(name + " takes with and/or without, not " + each);
            }
        }
        return servers;
    }

    public static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }

    public static void notNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, not " + value);
        }
    }

    /** A JVM heap size such as {@code 1g}, for {@code -Xms}/{@code -Xmx}. */
    public static void heapSize(String name, String value) {
        if (!value.matches("[0-9]+[kmgKMG]?")) {
            throw new IllegalArgumentException(name + " must be a JVM size such as 1g, not " + value);
        }
    }

    /**
     * Open-loop pacing: the time of message {@code index} of sender thread {@code thread} of {@code threads}, in
     * nanoseconds after the run's start, when together they send {@code rate} messages per second.
     */
    public static long offsetNanos(int rate, int threads, int thread, long index) {
        // Thread t sends the overall messages t, t + T, t + 2T, …: the threads together keep the total rate, each
        // message at its own instant rather than in bursts.
        long overall = index * threads + thread;
        return overall * 1_000_000_000L / rate;
    }
}
