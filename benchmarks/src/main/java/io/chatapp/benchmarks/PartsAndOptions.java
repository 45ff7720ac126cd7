package io.chatapp.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a database load generator: parts to run, in the order given (bare words), and
 * {@code --name value} options.
 */
public record PartsAndOptions(List<String> parts, Map<String, String> options) {

    /** Parses the arguments; without any part named, the default parts run. */
    public static PartsAndOptions parse(String[] args, List<String> defaultParts) {
        Map<String, String> options = new HashMap<>();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                options.put(args[i].substring(2), args[++i]);
            } else {
                parts.add(args[i]);
            }
        }
        return new PartsAndOptions(parts.isEmpty() ? defaultParts : List.copyOf(parts), Map.copyOf(options));
    }

    /** An integer option, or its default. */
    public int number(String name, int defaultValue) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(defaultValue)));
    }
}
