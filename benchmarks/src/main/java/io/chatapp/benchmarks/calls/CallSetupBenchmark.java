package io.chatapp.benchmarks.calls;

import io.chatapp.benchmarks.Arguments;
import io.chatapp.benchmarks.LoadGenerators;
import io.chatapp.benchmarks.login.Latencies;
import io.chatapp.devserver.calls.CallPartyProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Call setup time (issue 16): {@code --calls} calls, one after the other, between two library clients in network
 * namespaces ({@link CallLab}); the callee answers each as soon as it rings. The caller measures, on its own clock,
 * from the propose to the first received sound and, for video calls, the first decoded video frame: the whole of
 * XEP-0353 (propose, ringing, proceed), Jingle (session-initiate, session-accept, trickled candidates), ICE, DTLS and
 * the first RTP the peer's encoder produced. Then it hangs up. See docs/benchmarks.md.
 */
public final class CallSetupBenchmark {

    static final String USAGE = "options: --calls 50 --warmup-calls 3 --media video|audio";
    private static final Duration STEP = Duration.ofSeconds(40);

    record Options(int calls, int warmupCalls, boolean video) {

        static Options parse(String[] args) {
            Arguments given = Arguments.parse(args, Set.of("--calls", "--warmup-calls", "--media"));
            String media = given.text("--media", "video");
            if (!media.equals("video") && !media.equals("audio")) {
                throw new IllegalArgumentException("--media is video or audio, not " + media);
            }
            Options options = new Options(given.number("--calls", 50), given.number("--warmup-calls", 3),
                    media.equals("video"));
            Arguments.positive("--calls", options.calls);
            Arguments.notNegative("--warmup-calls", options.warmupCalls);
            return options;
        }
    }

    /** One call's setup: milliseconds from the propose to the first sound and the first frame (-1: none). */
    record Setup(long soundMillis, long frameMillis) {

        /** Parses the party's {@code SETUP <sound> <frame>} line. */
        static Setup parse(String line) {
            String[] fields = line.split(" ");
            if (fields.length != 3 || !fields[0].equals("SETUP")) {
                throw new IllegalArgumentException("Not a SETUP line: " + line);
            }
            return new Setup(Long.parseLong(fields[1]), Long.parseLong(fields[2]));
        }
    }

    private CallSetupBenchmark() {
    }

    public static void main(String[] args) {
        LoadGenerators.runAndExit(args, Options::parse, USAGE, CallSetupBenchmark::run);
    }

    private static void run(Options options) throws Exception {
        Path folder = Files.createTempDirectory("call-setup-");
        Latencies sound = new Latencies("first sound", options.calls());
        Latencies frame = new Latencies("first video frame", options.calls());
        int failed = 0;
        try (CallLab lab = CallLab.start(folder, false)) {
            lab.callee().send("autoaccept on");
            for (int call = 0; call < options.warmupCalls() + options.calls(); call++) {
                Setup setup = callOnce(lab, options.video());
                boolean measured = call >= options.warmupCalls();
                System.out.printf("%s call %d: first sound %d ms, first frame %d ms%n", measured ? "measured"
                        : "warm-up", call, setup.soundMillis(), setup.frameMillis());
                if (!measured) {
                    continue;
                }
                if (setup.soundMillis() < 0 || (options.video() && setup.frameMillis() < 0)) {
                    failed++;
                    continue;
                }
                sound.add(Duration.ofMillis(setup.soundMillis()).toNanos());
                if (options.video()) {
                    frame.add(Duration.ofMillis(setup.frameMillis()).toNanos());
                }
            }
        } finally {
            LoadGenerators.deleteRecursively(folder);
        }
        System.out.println();
        System.out.printf("%d %s calls (%d without media within 30 s); load average after: %s%n", options.calls(),
                options.video() ? "video" : "audio", failed, LoadGenerators.loadAverage());
        System.out.println("| propose → | calls | p50 (ms) | p99 (ms) | max (ms) | mean (ms) |");
        System.out.println("|---|---|---|---|---|---|");
        for (Latencies latencies : options.video() ? new Latencies[] {sound, frame} : new Latencies[] {sound}) {
            System.out.printf("| %s | %d | %.0f | %.0f | %.0f | %.0f |%n", latencies.name(), latencies.count(),
                    latencies.medianMillis(), latencies.p99Millis(), latencies.maxMillis(), latencies.meanMillis());
        }
    }

    /** One call: placed, measured, hung up; returns once both sides saw it end. */
    private static Setup callOnce(CallLab lab, boolean video) throws Exception {
        CallPartyProcess caller = lab.caller();
        caller.send("timed-call " + lab.calleeUser().jid() + (video ? " video" : " audio"));
        Setup setup = Setup.parse(caller.await("SETUP", STEP));
        caller.send("hangup");
        caller.await("EVENT Ended", STEP);
        lab.callee().await("EVENT Ended", STEP);
        return setup;
    }
}
