package io.chatapp.it.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for a load generator on another machine. The connection flood's 2,000 clients compute their SCRAM proofs
 * and parse their streams on the test's CPU, which is also the server's: on a 2-core machine that work alone took the
 * other users' delivery p99 from about 100 to 250–380 ms, a cost a real server never pays for its clients. The
 * generator's thread therefore runs at the lowest scheduling priority (nice 19): it gets the CPU the server, PostgreSQL
 * and the other users leave, so what the test measures is the server's doing. Linux only (per-thread nice); elsewhere
 * the thread keeps its priority and says so.
 */
final class LoadGeneratorPriority {

    private LoadGeneratorPriority() {
    }

    /** Lowers the calling thread to nice 19; false when it could not (the thread keeps its priority). */
    static boolean lowerCurrentThread() {
        Path self = Path.of("/proc/thread-self");
        try {
            if (!Files.exists(self)) {
                throw new IllegalStateException("no /proc/thread-self");
            }
            String threadId = self.toRealPath().getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", "19", "-p", threadId)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(10, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                throw new IllegalStateException("renice failed");
            }
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            System.out.println("Load generator thread " + Thread.currentThread().getName()
                    + " keeps its priority (" + e.getMessage() + "): it competes with the server for the CPU");
            return false;
        }
    }
}
