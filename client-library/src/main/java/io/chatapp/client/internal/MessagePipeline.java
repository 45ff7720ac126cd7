package io.chatapp.client.internal;

import io.chatapp.client.ChatMessage;
import io.chatapp.client.Retraction;
import io.chatapp.client.TypingState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what of each incoming message reaches the app, free of Smack so it can be tested alone:
 *
 * <ul>
 *   <li>receipts and read markers move the {@link StatusTracker}; read markers this account sent from another
 *       device become "read elsewhere" events; chat states become typing events (never from the archive);</li>
 *   <li>content (texts, retractions, tombstones) is delivered once per archive id, whether it comes live, from
 *       offline storage, as a carbon or from the archive (a bounded memory of ids); this device's own messages
 *       coming back from the archive are not delivered again;</li>
 *   <li>during a catch-up, live content is held back and delivered after the archived messages;</li>
 *   <li>a delivery receipt is sent for each delivered text from someone else that asked for one;</li>
 *   <li>the archive cursor follows the delivered messages, and stays where a failed catch-up stopped until a
 *       catch-up succeeds, so the gap is fetched next time.</li>
 * </ul>
 *
 * All methods are thread-safe; events are passed on in the order they are decided, under the pipeline's lock.
 */
public final class MessagePipeline {

    /** Where the pipeline's decisions go. Implementations hand them on without blocking. */
    public interface Events {
        void message(ChatMessage message);

        void retraction(Retraction retraction);

        void typing(String from, TypingState state);

        void readElsewhere(String peer, String upToMessageId, String upToArchiveId);

        void cursor(String lastArchiveId);
    }

    /** Sends delivery receipts. */
    @FunctionalInterface
    public interface Outbox {
        void sendReceipt(String to, String messageId);
    }

    private static final int PEERS_REMEMBERED = 10_000;

    private final StatusTracker tracker;
    private final Outbox outbox;
    private final Events events;
    private final DeliveredIds delivered;
    private final BoundedSet<String> sentHere;
    private final Map<String, String> newestReceived = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > PEERS_REMEMBERED;
        }
    };
    private final List<Incoming> held = new ArrayList<>();
    private long catchUp;
    private boolean catchingUp;
    private String cursor;
    /** Where a failed catch-up stopped; the cursor reported until a catch-up succeeds. */
    private String pinnedCursor;
    private boolean pinned;

    public MessagePipeline(int remembered, StatusTracker tracker, Outbox outbox, Events events) {
        this.tracker = tracker;
        this.outbox = outbox;
        this.events = events;
        this.delivered = new DeliveredIds(remembered);
        this.sentHere = new BoundedSet<>(remembered);
    }

    /** Remembers a message this device sent, so that it is not delivered again when it comes from the archive. */
    public synchronized void sentHere(String messageId) {
        sentHere.add(messageId);
    }

    /** A message that arrived live, from offline storage or as a carbon. */
    public synchronized void live(Incoming message) {
        signals(message);
        if (!message.isContent()) {
            return;
        }
        if (catchingUp) {
            held.add(message);
        } else {
            deliver(message);
        }
    }

    /** Starts holding live content back; returns the catch-up's token for {@link #archived} and the end. */
    public synchronized long startCatchUp() {
        catchingUp = true;
        return ++catchUp;
    }

    /** A message from the archive, in archive order. Ignored when the catch-up was superseded. */
    public synchronized void archived(long token, Incoming message) {
        if (token != catchUp) {
            return;
        }
        signals(message);
        if (message.isContent()) {
            deliver(message);
        }
    }

    /**
     * Ends a catch-up: delivers the held live messages not yet delivered. After a failure the cursor stays at the
     * last archived message delivered (reported by {@link #cursor()} even when later live messages are delivered)
     * until a later catch-up succeeds. Ignored when the catch-up was superseded.
     */
    public synchronized void finishCatchUp(long token, boolean succeeded) {
        if (token != catchUp || !catchingUp) {
            return;
        }
        if (succeeded) {
            if (pinned && cursor != null) {
                events.cursor(cursor); // the gap is closed: the cursor listeners catch up too
            }
            pinned = false;
            pinnedCursor = null;
        } else if (!pinned) {
            pinned = true;
            pinnedCursor = cursor;
        }
        catchingUp = false;
        List<Incoming> release = new ArrayList<>(held);
        held.clear();
        for (Incoming message : release) {
            deliver(message);
        }
    }

    public synchronized boolean isCatchingUp() {
        return catchingUp;
    }

    /** The archive id to catch up from: the last delivered, or where a failed catch-up stopped. */
    public synchronized String cursor() {
        return pinned ? pinnedCursor : cursor;
    }

    /** Sets the cursor (an app restoring its persisted one), e.g. before the first login. */
    public synchronized void setCursor(String archiveId) {
        cursor = archiveId;
        pinned = false;
        pinnedCursor = null;
    }

    /** The id of the newest text received from {@code peer}, the one a read marker names. */
    public synchronized Optional<String> newestReceivedFrom(String peer) {
        return Optional.ofNullable(newestReceived.get(peer));
    }

    /** Read-marker and receipt and chat-state parts: acted on at once, never held. */
    private void signals(Incoming message) {
        String peer = message.peer();
        if (message.receivedId() != null && !message.outgoing()) {
            tracker.advance(message.receivedId(), io.chatapp.client.MessageStatus.DELIVERED);
        }
        if (message.displayedId() != null) {
            if (message.outgoing()) {
                events.readElsewhere(peer, message.displayedId(), null);
            } else {
                tracker.readUpTo(peer, message.displayedId());
            }
        }
        if (message.chatState() != null && !message.outgoing() && message.source() != Incoming.Source.ARCHIVE) {
            events.typing(message.fromBare(), message.chatState());
        }
    }

    private void deliver(Incoming message) {
        String archiveId = message.archiveId();
        if (!delivered.first(archiveId)) {
            if (message.source() == Incoming.Source.ARCHIVE) {
                moveCursor(archiveId); // archive order: seen before, but the catch-up has got this far
            }
            return;
        }
        if (!isOwnEcho(message)) {
            if (message.retractId() != null) {
                events.retraction(new Retraction(message.peer(), message.retractId(), null, message.outgoing()));
            } else if (message.tombstone()) {
                events.retraction(new Retraction(message.peer(), message.referenceId(), archiveId,
                        message.outgoing()));
            } else {
                if (message.outgoing()) {
                    tracker.track(message.referenceId(), message.peer());
                    tracker.advance(message.referenceId(), io.chatapp.client.MessageStatus.SENT);
                } else if (!message.referenceId().isEmpty()) {
                    newestReceived.put(message.peer(), message.referenceId());
                }
                events.message(message.toChatMessage());
                if (!message.outgoing() && message.receiptRequested() && !message.referenceId().isEmpty()) {
                    outbox.sendReceipt(message.fromFull(), message.referenceId());
                }
            }
        }
        if (archiveId != null) {
            moveCursor(archiveId);
        }
    }

    private void moveCursor(String archiveId) {
        if (archiveId.equals(cursor)) {
            return;
        }
        cursor = archiveId;
        if (!pinned) {
            events.cursor(archiveId);
        }
    }

    /** This device's own message, or its own retraction, coming back from the archive. */
    private boolean isOwnEcho(Incoming message) {
        if (!message.outgoing()) {
            return false;
        }
        return sentHere.contains(message.referenceId())
                || (message.originId() != null && sentHere.contains(message.originId()));
    }
}
