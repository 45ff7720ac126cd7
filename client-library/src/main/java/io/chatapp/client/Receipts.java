package io.chatapp.client;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Delivery and read state of messages, both ways ({@link ChatClient#receipts()}).
 *
 * <p>Messages this account sends move through {@link MessageStatus} {@code SENT → DELIVERED → READ}, reported to
 * {@link #onStatus} listeners (a status never moves back; a read marker makes every earlier message to that peer
 * read too). The client follows the last 1000 messages it sent; after each new session (not after a resumed
 * stream, where nothing was lost) it asks the server about those not yet read, so receipts sent while this device
 * was offline are not missed.
 *
 * <p>For messages this account receives, the client sends delivery receipts by itself (XEP-0184, for every
 * received text that asks for one), and read markers (XEP-0333) when the app calls {@link #markRead}. When another
 * device of this account marks a conversation read, {@link #onReadElsewhere} listeners hear about it.
 */
public final class Receipts {

    private final MessageHub hub;

    Receipts(MessageHub hub) {
        this.hub = hub;
    }

    /** Hears each status change of the messages this account sent (from this device or, seen by carbon, others). */
    public ListenerRegistration onStatus(MessageStatusListener listener) {
        return hub.statusListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The latest known status of a message sent recently; empty when unknown or not yet acknowledged. */
    public Optional<MessageStatus> status(String messageId) {
        return hub.tracker.status(messageId);
    }

    /**
     * Marks the conversation with {@code peer} read: sends a {@code displayed} marker for the newest text received
     * from them (which also covers every earlier one). Completes with false when nothing was received from them
     * in this session.
     */
    public CompletableFuture<Boolean> markRead(String peer) {
        return hub.context.call(() -> hub.markRead(hub.context.bareJid(peer)));
    }

    /**
     * What the server recorded about a message this account sent: when each recipient received and read it. Fails
     * with {@link ChatClientException.Reason#NOT_FOUND} when this account sent no such message and
     * {@link ChatClientException.Reason#NOT_ALLOWED} when someone else sent it.
     *
     * @param messageId the message's id, origin-id or archive id
     */
    public CompletableFuture<MessageInfo> messageInfo(String messageId) {
        return hub.context.call(() -> {
            requireId(messageId);
            hub.context.requireSession();
            return hub.server.messageInfo(messageId);
        });
    }

    /** Hears that another device of this account read a conversation. */
    public ListenerRegistration onReadElsewhere(ReadElsewhereListener listener) {
        return hub.readElsewhereListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT, "The id is empty");
        }
    }
}
