package io.chatapp.it.faults;

import java.lang.management.ManagementFactory;

/**
 * The memory and threads of this JVM, which is the server's: the fault tests run Openfire 4.2 in-process (the flood's
 * own clients, on one engine thread and a few buffers each, are a small part of it).
 */
final class ServerVitals {

    private ServerVitals() {
    }

    /** Heap in use right after a full collection, in MB: what the server really holds. */
    static long heapAfterGcMegabytes() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** The load average, for the figures in docs/reliability.md (shared machine). */
    static String load() {
        return String.format("load %.2f on %d cores", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }
}
