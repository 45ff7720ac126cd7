package io.chatapp.client.internal;

import io.chatapp.client.MessageStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status of the latest messages this account sent (a bounded number, oldest forgotten first), in sending order.
 * Statuses only move forward; {@code READ} of one message also makes every earlier message to the same peer read
 * (XEP-0333 §4). Each change is reported to the {@link Sink} while the tracker's lock is held, in order.
 */
public final class StatusTracker {

    /** Receives status changes. */
    @FunctionalInterface
    public interface Sink {
        void changed(String messageId, String peer, MessageStatus status);
    }

    /** A message whose status is not yet {@code READ}. */
    public record Pending(String messageId, String peer, MessageStatus status) {
    }

    private static final class Tracked {
        final String peer;
        MessageStatus status;

        Tracked(String peer) {
            this.peer = peer;
        }
    }

    private final Sink sink;
    private final Map<String, Tracked> entries;

    public StatusTracker(int capacity, Sink sink) {
        this.sink = sink;
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tracked> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Starts following a message sent to {@code peer}; no status yet. Known ids are left as they are. */
    public synchronized void track(String messageId, String peer) {
        entries.putIfAbsent(messageId, new Tracked(peer));
    }

    public synchronized boolean isTracked(String messageId) {
        return entries.containsKey(messageId);
    }

    /** Moves the message to {@code status} if that is later than its current one; unknown ids are ignored. */
    public synchronized void advance(String messageId, MessageStatus status) {
        if (status == MessageStatus.READ) {
            Tracked entry = entries.get(messageId);
            if (entry != null) {
                readUpTo(entry.peer, messageId);
            }
            return;
        }
        Tracked entry = entries.get(messageId);
        if (entry != null) {
            moveTo(messageId, entry, status);
        }
    }

    /**
     * Marks the message (which must have been sent to {@code peer}) and every earlier one to the same peer read.
     * Unknown ids, and ids of messages to someone else, are ignored.
     */
    public synchronized void readUpTo(String peer, String messageId) {
        Tracked target = entries.get(messageId);
        if (target == null || !target.peer.equals(peer)) {
            return;
        }
        for (Map.Entry<String, Tracked> each : entries.entrySet()) {
            Tracked entry = each.getValue();
            if (entry.peer.equals(peer)) {
                moveTo(each.getKey(), entry, MessageStatus.READ);
            }
            if (entry == target) {
                break;
            }
        }
    }

    public synchronized Optional<MessageStatus> status(String messageId) {
        Tracked entry = entries.get(messageId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.status);
    }

    /** The messages not yet read, oldest first: those whose status a reconnected client should ask about. */
    public synchronized List<Pending> notRead() {
        List<Pending> pending = new ArrayList<>();
        for (Iterator<Map.Entry<String, Tracked>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Tracked> each = it.next();
            if (each.getValue().status != MessageStatus.READ) {
                pending.add(new Pending(each.getKey(), each.getValue().peer, each.getValue().status));
            }
        }
        return pending;
    }

    private void moveTo(String messageId, Tracked entry, MessageStatus status) {
        if (entry.status == null || entry.status.compareTo(status) < 0) {
            entry.status = status;
            sink.changed(messageId, entry.peer, status);
        }
    }
}
