package io.chatapp.benchmarks.stories;

import io.chatapp.benchmarks.Arguments;
import io.chatapp.benchmarks.PartsAndOptions;
import java.util.List;

/**
 * Options of {@link StoryFanOutBenchmark}.
 *
 * @param members       audience members: mutual contacts of the poster, all online
 * @param posts         measured posts, one at a time
 * @param warmup        posts before them, not measured
 * @param pauseMillis   pause after each post is complete, before the next one
 * @param loginThreads  logins at a time: each login costs a SCRAM derivation on both ends
 * @param serverHeap    the server JVM's heap ({@code -Xms} and {@code -Xmx})
 */
record StoryFanOutOptions(int members, int posts, int warmup, int pauseMillis, int loginThreads, String serverHeap) {

    static final String USAGE = """
            StoryFanOutBenchmark [--members 1000] [--posts 20] [--warmup 5] [--pause-ms 500] [--login-threads 4]
                                 [--server-heap 1g]""";

    StoryFanOutOptions {
        Arguments.positive("--members", members);
        Arguments.positive("--posts", posts);
        Arguments.positive("--login-threads", loginThreads);
        Arguments.heapSize("--server-heap", serverHeap);
        if (warmup < 0 || pauseMillis < 0) {
            throw new IllegalArgumentException("--warmup and --pause-ms cannot be negative");
        }
    }

    static StoryFanOutOptions parse(String[] args) {
        PartsAndOptions given = PartsAndOptions.parse(args, List.of());
        if (!given.parts().isEmpty()) {
            throw new IllegalArgumentException("Unexpected " + given.parts());
        }
        try {
            return new StoryFanOutOptions(given.number("members", 1000), given.number("posts", 20),
                    given.number("warmup", 5), given.number("pause-ms", 500), given.number("login-threads", 4),
                    given.options().getOrDefault("server-heap", "1g"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a number: " + e.getMessage(), e);
        }
    }
}
