package io.chatapp.devserver.turn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one user's TURN allocations exchanged with their peers, from the {@code peer usage} lines coturn logs: packets
 * and bytes the relay received from the peers ({@code rp}, {@code rb}) and sent to them ({@code sp}, {@code sb}).
 * coturn writes such a line every few thousand packets of a session (counting from zero again after each) and when the
 * allocation is freed, so the usage is the sum of all lines of the user's allocations, named by their username, the
 * TURN REST one ({@code expiry:user}). {@code reports} says how many lines were summed.
 */
public record PeerUsage(long receivedPackets, long receivedBytes, long sentPackets, long sentBytes, int reports) {

    /**
     * Waits until coturn's log at {@code log} holds at least one usage line of the allocations of {@code user} (the
     * part of the username after {@code expiry:}), and returns the sum of those it holds then; throws an
     * {@link AssertionError} after {@code timeout}.
     */
    public static PeerUsage await(Path log, String user, Duration timeout) throws IOException, InterruptedException {
        Pattern line = Pattern.compile("peer usage: realm=<[^>]*>, username=<\\d+:" + Pattern.quote(user)
                + ">, rp=(\\d+), rb=(\\d+), sp=(\\d+), sb=(\\d+)");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher usage = line.matcher(Files.readString(log, StandardCharsets.UTF_8));
            long[] sum = new long[4];
            int reports = 0;
            while (usage.find()) {
                reports++;
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += Long.parseLong(usage.group(i + 1));
                }
            }
            if (reports > 0) {
                return new PeerUsage(sum[0], sum[1], sum[2], sum[3], reports);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("coturn logged no relay usage for " + user + "; see " + log);
            }
            Thread.sleep(250);
        }
    }
}
