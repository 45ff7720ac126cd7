package io.chatapp.benchmarks.receipts;

import io.chatapp.benchmarks.BenchmarkDatabase;
import io.chatapp.benchmarks.PartsAndOptions;
import io.chatapp.benchmarks.login.Latencies;
import io.chatapp.plugin.archive.MessageArchive.Reference;
import io.chatapp.plugin.config.ReceiptSettings;
import io.chatapp.plugin.receipts.ArchiveLookup;
import io.chatapp.plugin.receipts.ReceiptRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What noting a delivery receipt costs the packet thread, with the receipts' write-ahead journal in each mode: a few
 * threads (as Openfire's packet threads) offer receipts to a {@link ReceiptRecorder} as fast as it returns, and the
 * time each offer takes is recorded (p50, p99) with the offers per second. The recorder writes to an embedded
 * PostgreSQL of its own; the archive is a stand-in that names no message, so the writer's work is one lookup per
 * batch and the figures are the packet thread's. Modes in the order given ({@code off write fsync} by default).
 *
 * <pre>
 *   java -cp "benchmarks/target/classes:$(cat benchmarks/target/archive-benchmark.classpath)" \
 *       io.chatapp.benchmarks.receipts.ReceiptOfferBenchmark [off] [write] [fsync] [--threads 8] [--seconds 10]
 * </pre>
 */
public final class ReceiptOfferBenchmark {

    private static final int WARMUP_SECONDS = 3;

    private ReceiptOfferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PartsAndOptions command = PartsAndOptions.parse(args, List.of("off", "write", "fsync"));
        int threads = command.number("threads", 8);
        int seconds = command.number("seconds", 10);
        try (BenchmarkDatabase started = BenchmarkDatabase.start(command.options(), "chatapp-receipts-bench-")) {
            System.out.printf("JDK %s, %d CPUs, %d offering threads, %d s warm-up, %d s measured per mode%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), threads, WARMUP_SECONDS, seconds);
            for (String mode : command.parts()) {
                Path journal = Files.createTempDirectory("chatapp-receipts-journal-");
                try (ReceiptRecorder recorder = ReceiptRecorder.start(started.database().dataSource(), NO_MESSAGES,
                        Clock.systemUTC(), new ReceiptSettings(journal.toString(), mode))) {
                    run(recorder, mode, threads, seconds);
                }
                Files.deleteIfExists(journal); // empty: every segment was deleted once its receipts were written
            }
        }
    }

    private static void run(ReceiptRecorder recorder, String mode, int threads, int seconds) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder offers = new LongAdder();
        LongAdder refused = new LongAdder();
        List<long[]> perThread = Collections.synchronizedList(new ArrayList<>());
        List<Thread> offering = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String recipient = "reader-" + t + "@example.com";
            Thread thread = new Thread(() -> {
                long[] nanos = new long[2_000_000];
                int count = 0;
                for (long n = 0; running.get(); n++) {
                    long start = System.nanoTime();
                    boolean accepted = recorder.delivered("sender@example.com", recipient, "m-" + n, Instant.now());
                    long took = System.nanoTime() - start;
                    if (measuring.get()) {
                        offers.increment();
                        if (!accepted) {
                            refused.increment();
                        }
                        if (count < nanos.length) {
                            nanos[count++] = took;
                        }
                    }
                }
                perThread.add(java.util.Arrays.copyOf(nanos, count));
            }, "offer-" + t);
            offering.add(thread);
            thread.start();
        }
        Thread.sleep(WARMUP_SECONDS * 1000L);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread thread : offering) {
            thread.join();
        }
        recorder.flushed().get(60, TimeUnit.SECONDS);
        int total = perThread.stream().mapToInt(each -> each.length).sum();
        Latencies latencies = new Latencies("offer", total);
        perThread.forEach(each -> {
            for (long took : each) {
                latencies.add(took);
            }
        });
        System.out.printf(Locale.ROOT, "journal %-5s: %,.0f offers/s (%d refused); offer p50 %.3f / p99 %.3f / max"
                        + " %.1f ms%n", mode, offers.sum() / elapsed, refused.sum(), latencies.medianMillis(),
                latencies.p99Millis(), latencies.maxMillis());
    }

    /** An archive that has stored everything offered to it and names no message. */
    private static final ArchiveLookup NO_MESSAGES = new ArchiveLookup() {
        @Override
        public CompletableFuture<OptionalLong> resolve(String sender, String recipient, String reference) {
            return CompletableFuture.completedFuture(OptionalLong.empty());
        }

        @Override
        public CompletableFuture<List<OptionalLong>> resolveAll(List<Reference> references) {
            return CompletableFuture.completedFuture(Collections.nCopies(references.size(), OptionalLong.empty()));
        }

        @Override
        public CompletableFuture<Optional<ArchivedRef>> find(String owner, String reference) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletableFuture<Void> flushed() {
            return CompletableFuture.completedFuture(null);
        }
    };
}
