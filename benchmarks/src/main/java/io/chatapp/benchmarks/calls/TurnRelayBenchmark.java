package io.chatapp.benchmarks.calls;

import io.chatapp.benchmarks.Arguments;
import io.chatapp.benchmarks.LoadGenerators;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.turn.PeerUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * TURN relay throughput of one video call (issue 16): two library clients in network namespaces, both relay-only,
 * through a real coturn on the namespaces' bridge with the credentials the plugin hands out ({@link CallLab}). The
 * call runs {@code --seconds}; each party's own measure of what it sent (RTP payload bytes, libwebrtc's
 * {@code getStats}) gives the call's bitrate, and coturn's {@code peer usage} line for each allocation (logged when
 * the hang-up frees it) gives what the relay carried: bytes received from and sent to the peer's relay, over the
 * allocation's life (propose to hang-up). See docs/benchmarks.md.
 */
public final class TurnRelayBenchmark {

    static final String USAGE = "options: --seconds 30";
    private static final Duration STEP = Duration.ofSeconds(40);

    record Options(int seconds) {

        static Options parse(String[] args) {
            Arguments given = Arguments.parse(args, Set.of("--seconds"));
            Options options = new Options(given.number("--seconds", 30));
            Arguments.positive("--seconds", options.seconds);
            return options;
        }
    }

    private TurnRelayBenchmark() {
    }

    public static void main(String[] args) {
        LoadGenerators.runAndExit(args, Options::parse, USAGE, TurnRelayBenchmark::run);
    }

    private static void run(Options options) throws Exception {
        Path folder = Files.createTempDirectory("turn-relay-");
        try (CallLab lab = CallLab.start(folder, true)) {
            lab.callee().send("autoaccept on");
            long start = System.nanoTime();
            lab.caller().send("timed-call " + lab.calleeUser().jid() + " video");
            String setup = lab.caller().await("SETUP", STEP);
            System.out.println("relayed call set up: " + setup);
            long[] callerBefore = lab.caller().media();
            long[] calleeBefore = lab.callee().media();
            long measuredFrom = System.nanoTime();
            Thread.sleep(Duration.ofSeconds(options.seconds()).toMillis());
            long[] callerAfter = lab.caller().media();
            long[] calleeAfter = lab.callee().media();
            double measured = (System.nanoTime() - measuredFrom) / 1e9;
            lab.caller().send("hangup");
            lab.caller().await("EVENT Ended", STEP);
            lab.callee().await("EVENT Ended", STEP);
            double life = (System.nanoTime() - start) / 1e9;
            Thread.sleep(3_000); // coturn writes each allocation's last usage line once the hang-up freed it
            System.out.println();
            System.out.printf("one relay-only video call, %.1f s measured, %.1f s from propose to hang-up;"
                    + " load average after: %s%n", measured, life, LoadGenerators.loadAverage());
            System.out.printf("| party | sent (RTP payload, kbit/s) | received video frames/s |%n|---|---|---|%n");
            row("caller", callerBefore, callerAfter, measured);
            row("callee", calleeBefore, calleeAfter, measured);
            System.out.printf("%n| coturn allocation of | received from peer (kbit/s) | sent to peer (kbit/s)"
                    + " | packets/s in + out | bytes in + out | usage lines |%n|---|---|---|---|---|---|%n");
            usage("caller", lab.callerUser(), lab, life);
            usage("callee", lab.calleeUser(), lab, life);
        } finally {
            LoadGenerators.deleteRecursively(folder);
        }
    }

    private static void row(String party, long[] before, long[] after, double seconds) {
        System.out.printf("| %s | %.0f | %.1f |%n", party, (after[2] - before[2]) * 8 / seconds / 1000,
                (after[1] - before[1]) / seconds);
    }

    private static void usage(String party, TestUser user, CallLab lab, double seconds) throws Exception {
        PeerUsage usage = PeerUsage.await(lab.coturnLog(), user.jid(), Duration.ofSeconds(15));
        System.out.printf("| %s | %.0f | %.0f | %.0f | %,d | %d |%n", party,
                usage.receivedBytes() * 8 / seconds / 1000, usage.sentBytes() * 8 / seconds / 1000,
                (usage.receivedPackets() + usage.sentPackets()) / seconds, usage.receivedBytes() + usage.sentBytes(),
                usage.reports());
    }
}
