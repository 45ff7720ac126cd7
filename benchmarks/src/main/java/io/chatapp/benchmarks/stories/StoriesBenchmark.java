package io.chatapp.benchmarks.stories;

import io.chatapp.benchmarks.BenchmarkDatabase;
import io.chatapp.benchmarks.PartsAndOptions;
import io.chatapp.plugin.config.StorySettings;
import io.chatapp.plugin.stories.Contacts;
import io.chatapp.plugin.stories.StoryCleanup;
import io.chatapp.plugin.stories.StoryEvents;
import io.chatapp.plugin.stories.StoryFiles;
import io.chatapp.plugin.stories.StoryService;
import io.chatapp.plugin.stories.StoryStore;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load generator for status stories (issue 17 targets), on an embedded PostgreSQL of its own, through the plugin's
 * {@link StoryService} and {@link StoryCleanup} as the server runs them. Not JMH. Two parts, in the order given:
 *
 * <ul>
 *   <li>{@code feed}: {@code --users} users (20,000), each viewer with {@code --contacts} contacts (500) of whom
 *       {@code --posters} (100) have 3 live stories, some already viewed; {@code --background} (200,000) other
 *       expired stories (not yet cleaned up) around them. Times {@code --queries} (5,000) feeds of random viewers
 *       (p50/p90/p99/max) and prints the plan of the feed statement ({@code EXPLAIN (ANALYZE, BUFFERS)}).</li>
 *   <li>{@code cleanup}: adds {@code --expired} (100,000) expired stories with two views each, then runs the
 *       clean-up while one thread keeps asking feeds: reports how long the clean-up took and the feed latencies
 *       during it, to show it does not block reads.</li>
 * </ul>
 *
 * <pre>
 *   ./mvnw -q -DskipTests package
 *   java -cp "benchmarks/target/classes:$(cat benchmarks/target/archive-benchmark.classpath)" \
 *       io.chatapp.benchmarks.stories.StoriesBenchmark feed cleanup
 * </pre>
 */
public final class StoriesBenchmark {

    private static final String DOMAIN = "example.com";

    private final Map<String, String> options;
    private final BenchmarkDatabase harness;
    private final StoryStore store;
    private final int users;
    private final int contactsEach;
    private final int posters;

    private StoriesBenchmark(Map<String, String> options, BenchmarkDatabase harness) {
        this.options = options;
        this.harness = harness;
        this.store = new StoryStore(harness.database().dataSource());
        this.users = option("users", 20_000);
        this.contactsEach = option("contacts", 500);
        this.posters = option("posters", 100);
    }

    public static void main(String[] args) throws Exception {
        PartsAndOptions command = PartsAndOptions.parse(args, List.of("feed", "cleanup"));
        Map<String, String> options = command.options();
        List<String> parts = command.parts();
        try (BenchmarkDatabase harness = BenchmarkDatabase.start(options, "chatapp-stories-bench-")) {
            System.out.printf("JDK %s, %d CPUs, PostgreSQL %s with data in %s%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), harness.text("SHOW server_version"), harness.data());
            StoriesBenchmark benchmark = new StoriesBenchmark(options, harness);
            benchmark.load();
            for (String part : parts) {
                switch (part) {
                    case "feed" -> benchmark.feed();
                    case "cleanup" -> benchmark.cleanup();
                    default -> throw new IllegalArgumentException("Unknown part " + part + ": feed or cleanup");
                }
            }
        }
    }

    private int option(String name, int defaultValue) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(defaultValue)));
    }

    private static String user(int number) {
        return "user" + number + "@" + DOMAIN;
    }

    /**
     * Viewer v's contacts: v+1 … v+contacts (wrapping); the first {@code posters} of them have live stories, which
     * the load makes true for every viewer by giving every user live stories with probability posters/contacts.
     */
    private Set<String> contactsOf(String jid) {
        int number = Integer.parseInt(jid.substring(4, jid.indexOf('@')));
        Set<String> contacts = new LinkedHashSet<>();
        for (int i = 1; i <= contactsEach; i++) {
            contacts.add(user((number + i) % users));
        }
        return contacts;
    }

    private StoryService service(Clock clock) {
        Contacts contacts = this::contactsOf;
        return new StoryService(store, StoryFiles.NONE, contacts, StoryEvents.NONE,
                new StorySettings(Duration.ofHours(24), 700, Duration.ofMinutes(1),
                        Duration.ofSeconds(60)), clock);
    }

    /** Live stories (3 each for a share posters/contacts of the users), background stories, some views; analyzed. */
    private void load() throws SQLException {
        long started = System.nanoTime();
        double share = (double) posters / contactsEach;
        int background = option("background", 200_000);
        try (Connection connection = harness.database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO story (story_id, owner, kind, body, audience, posted_at, expires_at)"
                    + " SELECT md5('live' || u || '-' || n), 'user' || u || '@" + DOMAIN + "', 'text', 'hello',"
                    + " 'contacts', now() - (n || ' hours')::interval, now() + ((24 - n) || ' hours')::interval"
                    + " FROM generate_series(0, " + (users - 1) + ") u, generate_series(1, 3) n"
                    + " WHERE (hashtext('p' || u) & 1023) < " + Math.round(share * 1024));
            statement.execute("INSERT INTO story (story_id, owner, kind, body, audience, posted_at, expires_at)"
                    + " SELECT md5('bg' || i), 'user' || (i % " + users + ") || '@" + DOMAIN + "', 'text', 'old',"
                    + " CASE WHEN i % 10 = 0 THEN 'except' ELSE 'contacts' END,"
                    + " now() - ((25 + i % 48) || ' hours')::interval, now() - ((1 + i % 48) || ' hours')::interval"
                    + " FROM generate_series(1, " + background + ") i");
            statement.execute("INSERT INTO story_view (story_id, viewer, viewed_at) SELECT s.story_id,"
                    + " 'user' || ((split_part(substr(s.owner, 5), '@', 1)::int + " + users + " - 1) % " + users
                    + ") || '@" + DOMAIN + "', now() FROM story s WHERE s.expires_at > now() AND random() < 0.3");
            statement.execute("VACUUM ANALYZE");
        }
        System.out.printf("Loaded %s stories (%s live), %s views in %d s%n", harness.text("SELECT count(*) FROM story"),
                harness.text("SELECT count(*) FROM story WHERE expires_at > now()"),
                harness.text("SELECT count(*) FROM story_view"), (System.nanoTime() - started) / 1_000_000_000);
    }

    private void feed() throws Exception {
        StoryService stories = service(Clock.systemUTC());
        SplittableRandom random = new SplittableRandom(17);
        int queries = option("queries", 5_000);
        for (int i = 0; i < Math.min(500, queries); i++) {
            stories.feed(user(random.nextInt(users)));
        }
        long[] nanos = new long[queries];
        long contactsWithStories = 0;
        for (int i = 0; i < queries; i++) {
            String viewer = user(random.nextInt(users));
            long start = System.nanoTime();
            contactsWithStories += stories.feed(viewer).size();
            nanos[i] = System.nanoTime() - start;
        }
        report("Feed of a viewer with " + contactsEach + " contacts (" + (double) contactsWithStories / queries
                + " with live stories on average)", nanos);
        explain(user(random.nextInt(users)));
    }

    private void cleanup() throws Exception {
        int expired = option("expired", 100_000);
        try (Connection connection = harness.database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO story (story_id, owner, kind, body, audience, posted_at, expires_at)"
                    + " SELECT md5('exp' || i), 'user' || (i % " + users + ") || '@" + DOMAIN + "', 'text', 'gone',"
                    + " 'contacts', now() - interval '25 hours', now() - interval '1 hour'"
                    + " FROM generate_series(1, " + expired + ") i");
            statement.execute("INSERT INTO story_view (story_id, viewer, viewed_at) SELECT md5('exp' || i),"
                    + " 'user' || ((i + v) % " + users + ") || '@" + DOMAIN + "', now() - interval '2 hours'"
                    + " FROM generate_series(1, " + expired + ") i, generate_series(1, 2) v");
            statement.execute("VACUUM ANALYZE");
        }
        StoryService stories = service(Clock.systemUTC());
        StoryCleanup cleanup = new StoryCleanup(harness.database().dataSource(), store, stories, Clock.systemUTC());
        AtomicBoolean cleaning = new AtomicBoolean(true);
        List<Long> during = new ArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            SplittableRandom random = new SplittableRandom(23);
            while (cleaning.get()) {
                long start = System.nanoTime();
                try {
                    stories.feed(user(random.nextInt(users)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                during.add(System.nanoTime() - start);
            }
        });
        long start = System.nanoTime();
        int removed = cleanup.run();
        long took = System.nanoTime() - start;
        cleaning.set(false);
        reader.join();
        System.out.printf("Clean-up removed %d expired stories (with their views) in %.1f s, %.0f stories/s%n",
                removed, took / 1e9, removed / (took / 1e9));
        report("Feed during the clean-up", during.stream().mapToLong(Long::longValue).toArray());
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            System.out.println(what + ": no queries");
            return;
        }
        System.out.printf("%s: %d queries, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)] / 1e6;
    }

    private void explain(String viewer) throws SQLException {
        try (Connection connection = harness.database().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + StoryStore.FEED)) {
            Array contacts = connection.createArrayOf("text", contactsOf(viewer).toArray());
            query.setString(1, viewer);
            query.setString(2, viewer);
            query.setArray(3, contacts);
            query.setTimestamp(4, Timestamp.from(Instant.now()));
            query.setString(5, viewer);
            query.setString(6, viewer);
            System.out.println("Plan of the feed statement:");
            try (ResultSet plan = query.executeQuery()) {
                while (plan.next()) {
                    System.out.println("  " + plan.getString(1));
                }
            }
        }
    }
}
