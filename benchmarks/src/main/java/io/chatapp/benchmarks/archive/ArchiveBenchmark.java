package io.chatapp.benchmarks.archive;

import io.chatapp.benchmarks.BenchmarkDatabase;
import io.chatapp.benchmarks.PartsAndOptions;
import io.chatapp.plugin.archive.ArchiveIds;
import io.chatapp.plugin.archive.ArchivePage;
import io.chatapp.plugin.archive.ArchiveQuery;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.archive.NewMessage;
import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.config.SettingsSource;
import io.chatapp.plugin.storage.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load generator for the message archive (issue 4 targets), on an embedded PostgreSQL of its own, through the
 * plugin's {@link MessageArchive} exactly as the server uses it. Not JMH: each part runs for tens of seconds against a
 * database. Two parts, run one after the other or alone:
 *
 * <ul>
 *   <li>{@code ingest}: producer threads offer realistic messages (~400-byte stanzas, many conversations) as fast as
 *       the archive accepts them; a refused offer (queue full) makes the producer back off for a millisecond. Reports
 *       the messages committed per second over the measured period.</li>
 *   <li>{@code pages}: loads {@code --messages} rows over {@code --conversations} conversations straight with SQL
 *       (generate_series; indexes built after the load), VACUUM ANALYZE, then times the newest page of 50 messages of
 *       random conversations through {@link MessageArchive#query} (p50/p90/p99/max), and prints the plan
 *       ({@code EXPLAIN (ANALYZE, BUFFERS)}) of the same statement.</li>
 * </ul>
 *
 * <pre>
 *   java -cp "benchmarks/target/classes:$(cat benchmarks/target/archive-benchmark.classpath)" \
 *       io.chatapp.benchmarks.archive.ArchiveBenchmark [ingest] [pages] [--seconds 40] [--messages 10000000]
 *       [--append true] ...
 * </pre>
 *
 * The parts run in the order given; {@code --append true} makes {@code ingest} add to the rows already there (after
 * {@code pages}: into the 10-million-row archive) instead of starting from an empty table.
 *
 * <pre>
 * </pre>
 *
 * The database lives in {@code --data} (default a new folder under /tmp) and is deleted at the end.
 */
public final class ArchiveBenchmark {

    /** Empties the archive, with the tables that refer to its rows (members' hidden group messages). */
    private static final String CLEAR_ARCHIVE = "TRUNCATE archive_message CASCADE";

    private static final String DOMAIN = "example.com";

    private final Map<String, String> options;
    private BenchmarkDatabase harness;
    private Database database;

    private ArchiveBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        PartsAndOptions command = PartsAndOptions.parse(args, List.of("ingest", "pages"));
        Map<String, String> options = command.options();
        List<String> parts = command.parts();
        ArchiveBenchmark benchmark = new ArchiveBenchmark(options);
        try (BenchmarkDatabase started = BenchmarkDatabase.start(options, "chatapp-archive-bench-")) {
            benchmark.harness = started;
            benchmark.database = started.database();
            System.out.printf("JDK %s, %d CPUs, PostgreSQL %s (synchronous_commit %s) with data in %s%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors(),
                    started.text("SHOW server_version"), started.text("SHOW synchronous_commit"), started.data());
            for (String part : parts) {
                switch (part) {
                    case "ingest" -> benchmark.ingest();
                    case "pages" -> benchmark.pages();
                    default -> throw new IllegalArgumentException("Unknown part " + part + ": ingest or pages");
                }
            }
        }
    }

    private int option(String name, int defaultValue) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(defaultValue)));
    }

    private Settings settings() {
        return Settings.read(SettingsSource.of(Map.of()));
    }

    private MessageArchive startArchive() throws SQLException {
        return MessageArchive.start(database.dataSource(), settings().archive(), Clock.systemUTC());
    }

    // ---------------------------------------------------------------------------------------------------------- ingest

    private void ingest() throws Exception {
        int seconds = option("seconds", 40);
        int warmup = option("warmup", 5);
        int producers = option("producers", 2);
        int users = option("users", 20_000);
        if (!options.containsKey("append")) {
            execute(CLEAR_ARCHIVE);
        }
        long before = count("SELECT count(*) FROM archive_message");
        MessageArchive archive = startArchive();
        String[] bodies = bodies();
        LongAdder accepted = new LongAdder();
        LongAdder refused = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread thread = new Thread(() -> produce(archive, producer, users, bodies, accepted, refused, running),
                    "producer-" + p);
            threads.add(thread);
            thread.start();
        }
        System.out.printf("%nIngest into a table of %,d rows: %d producer threads, %d users, batch %d, queue %d,"
                + " %d s warm-up, %d s measured%n", before, producers, users, settings().archive().batchSize(),
                settings().archive().queueCapacity(), warmup,
                seconds);
        Thread.sleep(warmup * 1000L);
        long startRows = committed(accepted, archive);
        long startNanos = System.nanoTime();
        long lastRows = startRows;
        long minPerSecond = Long.MAX_VALUE;
        for (int s = 1; s <= seconds; s++) {
            Thread.sleep(1000);
            long rows = committed(accepted, archive);
            long perSecond = rows - lastRows;
            minPerSecond = Math.min(minPerSecond, perSecond);
            lastRows = rows;
            if (s % 5 == 0) {
                System.out.printf("  %3d s: %,d committed/s in the last second, %,d pending%n", s, perSecond,
                        archive.pendingWrites());
            }
        }
        long rows = committed(accepted, archive) - startRows;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        archive.close();
        long total = count("SELECT count(*) FROM archive_message");
        System.out.printf("Ingest: %,.0f messages/s committed over %.1f s (slowest second %,d/s); %,d offers refused"
                + " (queue full, producers backed off); %,d rows in the table, %,d accepted%n",
                rows / elapsed, elapsed, minPerSecond, refused.sum(), total, accepted.sum());
        System.out.printf("Table size after ingest: %s (with indexes %s)%n",
                harness.text("SELECT pg_size_pretty(pg_relation_size('archive_message'))"),
                harness.text("SELECT pg_size_pretty(pg_total_relation_size('archive_message'))"));
    }

    private static long committed(LongAdder accepted, MessageArchive archive) {
        return accepted.sum() - archive.pendingWrites();
    }

    private static void produce(MessageArchive archive, int producer, int users, String[] bodies, LongAdder accepted,
                                LongAdder refused, AtomicBoolean running) {
        SplittableRandom random = new SplittableRandom(producer);
        ArchiveIds ids = archive.ids();
        long n = 0;
        while (running.get()) {
            int from = random.nextInt(users);
            int to = (from + 1 + random.nextInt(50)) % users; // each user talks with up to 50 others
            String sender = "user" + from + "@" + DOMAIN;
            String recipient = "user" + to + "@" + DOMAIN;
            String messageId = "p" + producer + "-" + Long.toHexString(random.nextLong()) + "-" + n++;
            String stanza = "<message xmlns=\"jabber:client\" from=\"" + sender + "/phone-" + producer
                    + "\" to=\"" + recipient + "\" type=\"chat\" id=\"" + messageId + "\"><body>"
                    + bodies[random.nextInt(bodies.length)] + "</body><origin-id xmlns=\"urn:xmpp:sid:0\" id=\""
                    + messageId + "\"/><request xmlns=\"urn:xmpp:receipts\"/>"
                    + "<active xmlns=\"http://jabber.org/protocol/chatstates\"/></message>";
            NewMessage message = new NewMessage(ids.next(), sender, recipient, messageId, messageId, stanza);
            while (!archive.offer(message)) {
                refused.increment();
                if (!running.get()) {
                    return;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
            accepted.increment();
        }
    }

    /** Message bodies of 20 to 220 characters, with some non-ASCII text, so stanzas are about 300 to 500 bytes. */
    private static String[] bodies() {
        String[] words = {"hello", "are", "you", "coming", "tonight", "the", "meeting", "moved", "to", "3pm",
                "café", "über", "ok", "👍", "thanks", "see", "you", "there", "lunch", "tomorrow?", "Straße", "日本"};
        SplittableRandom random = new SplittableRandom(42);
        String[] bodies = new String[1024];
        for (int i = 0; i < bodies.length; i++) {
            StringBuilder body = new StringBuilder();
            int length = 20 + random.nextInt(200);
            while (body.length() < length) {
                body.append(words[random.nextInt(words.length)]).append(' ');
            }
            bodies[i] = body.toString().trim();
        }
        return bodies;
    }

    // ----------------------------------------------------------------------------------------------------------- pages

    private void pages() throws Exception {
        int messages = option("messages", 10_000_000);
        int conversations = option("conversations", 10_000);
        int queries = option("queries", 20_000);
        load(messages, conversations);
        MessageArchive archive = startArchive();
        SplittableRandom random = new SplittableRandom(7);
        int users = conversations / 2;
        // Warm-up: the JIT, the pool's prepared statements, and the caches (not all of the table: random pages).
        for (int i = 0; i < 2_000; i++) {
            latestPage(archive, random, users, conversations);
        }
        long[] micros = new long[queries];
        long startNanos = System.nanoTime();
        int rows = 0;
        for (int i = 0; i < queries; i++) {
            long start = System.nanoTime();
            rows += latestPage(archive, random, users, conversations);
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        Arrays.sort(micros);
        System.out.printf("%nLatest 50 of a conversation, %,d queries over random conversations in %.1f s"
                        + " (%,.0f/s, one caller), %.1f messages per page:%n  p50 %.2f ms, p90 %.2f ms,"
                        + " p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                queries, elapsed, queries / elapsed, rows / (double) queries, percentile(micros, 50),
                percentile(micros, 90), percentile(micros, 99), percentile(micros, 99.9),
                micros[micros.length - 1] / 1000.0);
        long[] wholeArchive = new long[queries / 4];
        for (int i = 0; i < wholeArchive.length; i++) {
            String owner = "user" + random.nextInt(users) + "@" + DOMAIN;
            long start = System.nanoTime();
            archive.query(owner, ArchiveQuery.last(50)).get(10, TimeUnit.SECONDS);
            wholeArchive[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(wholeArchive);
        System.out.printf("Latest 50 of a user's whole archive (no with), %,d queries: p50 %.2f ms, p90 %.2f ms,"
                        + " p99 %.2f ms, max %.2f ms%n", wholeArchive.length, percentile(wholeArchive, 50),
                percentile(wholeArchive, 90), percentile(wholeArchive, 99),
                wholeArchive[wholeArchive.length - 1] / 1000.0);
        explain(users, conversations);
        archive.close();
    }

    private static double percentile(long[] sortedMicros, double p) {
        int index = (int) Math.ceil(p / 100 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
    }

    private static int latestPage(MessageArchive archive, SplittableRandom random, int users, int conversations)
            throws Exception {
        int conversation = random.nextInt(conversations);
        String[] parties = parties(conversation, users);
        boolean first = random.nextBoolean();
        ArchivePage page = archive.query(first ? parties[0] : parties[1],
                new ArchiveQuery(first ? parties[1] : parties[0], null, null, null, null, 50, true))
                .get(10, TimeUnit.SECONDS);
        return page.messages().size();
    }

    /** The two users of a conversation, as the SQL load makes them: (a, a+1) and (a, a+101) for a < users. */
    private static String[] parties(int conversation, int users) {
        int a = conversation % users;
        int b = (a + 1 + (conversation / users) * 100) % users;
        return new String[] {"user" + a + "@" + DOMAIN, "user" + b + "@" + DOMAIN};
    }

    private void load(int messages, int conversations) throws SQLException {
        int users = conversations / 2;
        execute(CLEAR_ARCHIVE);
        List<String> indexes = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT indexname, indexdef FROM pg_indexes"
                     + " WHERE schemaname = 'chatapp' AND tablename = 'archive_message'"
                     + " AND indexname <> 'archive_message_pkey'")) {
            while (rows.next()) {
                indexes.add(rows.getString(2));
                System.out.println("  index: " + rows.getString(2));
            }
        }
        for (String definition : indexes) {
            execute("DROP INDEX " + definition.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) .*$", "$2"));
        }
        System.out.printf("%nLoading %,d messages over %,d conversations of %,d users with SQL...%n", messages,
                conversations, users);
        long start = System.nanoTime();
        // Ids as ArchiveIds makes them: one message every 3 s from 2025-11-24 (a year of history), node 1; the
        // conversation of each message is a multiplicative hash of its number, so conversations interleave on disk
        // as they do in a real archive (each message of a page on a heap page of its own); who sends is a hash bit.
        long baseMillis = Instant.parse("2025-11-24T00:00:00Z").toEpochMilli() - 1_577_836_800_000L;
        int chunk = 1_000_000;
        for (int from = 1; from <= messages; from += chunk) {
            int to = Math.min(messages, from + chunk - 1);
            execute("INSERT INTO archive_message (id, sender, recipient, message_id, client_ref, stanza)"
                    + " SELECT id, s, r, mid, mid, '<message xmlns=\"jabber:client\" from=\"' || s || '/phone\" to=\"'"
                    + " || r || '\" type=\"chat\" id=\"' || mid || '\"><body>' || md5(g::text) || ' '"
                    + " || repeat('see you at the station at six, bring the tickets ', (1 + g % 5)::int) || '</body>"
                    + "<origin-id xmlns=\"urn:xmpp:sid:0\" id=\"' || mid || '\"/><request xmlns=\"urn:xmpp:receipts\"/>"
                    + "</message>'"
                    + " FROM (SELECT g, ((" + baseMillis + " + g * 3000::bigint) << 22) | (1 << 12) | (g & 4095) AS id,"
                    + "   'm' || g || '-' || substr(md5(g::text), 1, 12) AS mid,"
                    + "   CASE WHEN up THEN ua ELSE ub END AS s, CASE WHEN up THEN ub ELSE ua END AS r"
                    + "   FROM (SELECT g, up, 'user' || (c % " + users + ") || '@" + DOMAIN + "' AS ua,"
                    + "     'user' || (((c % " + users + ") + 1 + (c / " + users + ") * 100) % " + users + ") || '@"
                    + DOMAIN + "' AS ub"
                    + "     FROM (SELECT g, ((g * 2654435761) % " + conversations + ")::int AS c,"
                    // The direction: a hash bit of the message's number among its conversation's (independent of c).
                    + "       (((g / " + conversations + ") * 40503) >> 6) % 2 = 0 AS up"
                    + "       FROM generate_series(" + from + "::bigint, " + to + "::bigint) g) numbered) parties) rows");
            System.out.printf("  %,d rows after %.0f s%n", to, (System.nanoTime() - start) / 1e9);
        }
        for (String definition : indexes) {
            long indexStart = System.nanoTime();
            execute(definition);
            System.out.printf("  %s built in %.0f s%n", definition.replaceFirst("^CREATE INDEX (\\S+) .*$", "$1"),
                    (System.nanoTime() - indexStart) / 1e9);
        }
        execute("VACUUM ANALYZE archive_message");
        System.out.printf("Loaded in %.0f s: table %s, with indexes %s%n", (System.nanoTime() - start) / 1e9,
                harness.text("SELECT pg_size_pretty(pg_relation_size('archive_message'))"),
                harness.text("SELECT pg_size_pretty(pg_total_relation_size('archive_message'))"));
    }

    /** The plan of the newest-page statement, as MessageArchive runs it (same text, values inlined). */
    private void explain(int users, int conversations) throws SQLException {
        String[] parties = parties(conversations / 3, users);
        String branch = "SELECT id, sender, recipient, message_id, client_ref, stanza, retracted_at FROM archive_message"
                + " WHERE sender = '%s' AND recipient = '%s' AND id >= 0 AND id < 9223372036854775807"
                + " AND NOT %s ORDER BY id DESC LIMIT 51";
        String sql = "SELECT id, sender, recipient, message_id, client_ref, stanza, retracted_at FROM (("
                + branch.formatted(parties[0], parties[1], "hidden_by_sender") + ") UNION ALL ("
                + branch.formatted(parties[1], parties[0], "hidden_by_recipient")
                + ")) page ORDER BY id DESC LIMIT 51";
        System.out.println("\nEXPLAIN (ANALYZE, BUFFERS) of the newest page of one conversation:");
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            while (rows.next()) {
                System.out.println("  " + rows.getString(1));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------- helpers

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(harness.text(sql));
    }
}
