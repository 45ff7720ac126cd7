package io.chatapp.it.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How much of the machine's CPU went to processes other than the server during a flood: everything busy in
 * {@code /proc/stat} (steal included, the hypervisor's other guests) minus this JVM (Openfire, the probe, the flood's
 * clients) and the PostgreSQL processes. It tells a slow server from a shared machine: issue 15's 100 ms p99 is
 * asserted only when the others took at most {@link #QUIET_SHARE} of the CPU. Linux only; elsewhere the machine
 * counts as shared.
 */
final class OtherProcessesCpu {

    /** The share of the machine's CPU others may take while the machine still counts as quiet. */
    static final double QUIET_SHARE = 0.03;

    private static final Path STAT = Path.of("/proc/stat");
    private final long machineBusyBefore;
    private final long ownBefore;
    private final long startedNanos = System.nanoTime();

    private OtherProcessesCpu(long machineBusyBefore, long ownBefore) {
        this.machineBusyBefore = machineBusyBefore;
        this.ownBefore = ownBefore;
    }

    /** Starts measuring; null where /proc cannot be read. */
    static OtherProcessesCpu start() {
        try {
            return new OtherProcessesCpu(machineBusyTicks(), ownTicks());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The share of the machine's capacity (0–1) others used since the start; 1 when it cannot be read. */
    double share() {
        try {
            double elapsedTicks = (System.nanoTime() - startedNanos) / 1e9 * TICKS_PER_SECOND
                    * Runtime.getRuntime().availableProcessors();
            long others = (machineBusyTicks() - machineBusyBefore) - (ownTicks() - ownBefore);
            return Math.max(0, others) / elapsedTicks;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    /** USER_HZ, 100 on every Linux build that matters here. */
    private static final double TICKS_PER_SECOND = 100;

    private static long machineBusyTicks() throws IOException {
        String[] cpu = Files.readAllLines(STAT).get(0).trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq steal ...: all but idle and iowait are busy
        long busy = 0;
        for (int i = 1; i <= 8 && i < cpu.length; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(cpu[i]);
            }
        }
        return busy;
    }

    private static long ownTicks() throws IOException {
        long ticks = processTicks(Path.of("/proc/self"));
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (process.getFileName().toString().chars().allMatch(Character::isDigit)
                        && "postgres".equals(readQuietly(process.resolve("comm")))) {
                    ticks += processTicks(process);
                }
            }
        }
        return ticks;
    }

    private static long processTicks(Path process) {
        String stat = readQuietly(process.resolve("stat"));
        if (stat == null) {
            return 0; // gone meanwhile
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
