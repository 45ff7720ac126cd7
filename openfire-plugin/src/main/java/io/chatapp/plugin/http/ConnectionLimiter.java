package io.chatapp.plugin.http;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/** Counts open connections, in all and per client address, and refuses those over either cap. */
final class ConnectionLimiter {

    private final int perAddress;
    private final int total;
    private final Map<InetAddress, Integer> open = new HashMap<>();
    private int openTotal;

    ConnectionLimiter(int perAddress, int total) {
        this.perAddress = perAddress;
        this.total = total;
    }

    /** Counts one more connection from {@code address}, unless that would break a cap. */
    synchronized boolean tryOpen(InetAddress address) {
        int fromAddress = open.getOrDefault(address, 0);
        if (fromAddress >= perAddress || openTotal >= total) {
            return false;
        }
        open.put(address, fromAddress + 1);
        openTotal++;
        return true;
    }

    synchronized void closed(InetAddress address) {
        open.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
        openTotal--;
    }
}
