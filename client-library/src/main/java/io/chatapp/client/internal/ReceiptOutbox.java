package io.chatapp.client.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Delivery receipts waiting to be sent, in order. Receipts are decided under the message pipeline's lock, on
 * threads that must never wait for the network; they are queued here and sent by one drainer at a time, which
 * keeps a receipt that could not be handed to the connection (no session: the connection dropped) at the head of
 * the queue until the next session. Receipts that reached the connection but not the server are re-sent by the
 * connection itself (stream management: resumed, or re-sent after a failed resumption).
 *
 * <p>Thread-safe.
 */
public final class ReceiptOutbox {

    /**
     * One receipt: to the full address that asked for it, naming the message's id; or, acknowledging a group
     * message, to the group's room, naming the message's archive id.
     */
    public record Receipt(String to, String messageId) {
    }

    /** Sends one receipt; fails when it could not be handed to the connection (it is then kept and retried). */
    @FunctionalInterface
    public interface Sender {
        void send(Receipt receipt) throws Exception;
    }

    private final Deque<Receipt> queue = new ArrayDeque<>();
    private boolean draining;

    public synchronized void add(String to, String messageId) {
        queue.addLast(new Receipt(to, messageId));
    }

    public synchronized int size() {
        return queue.size();
    }

    /**
     * Sends the queued receipts in order until the queue is empty or the sender fails (the failed receipt stays
     * first). Returns at once when another thread is draining. Returns the number sent.
     */
    public int drain(Sender sender) {
        synchronized (this) {
            if (draining) {
                return 0;
            }
            draining = true;
        }
        int sent = 0;
        try {
            while (true) {
                Receipt next;
                synchronized (this) {
                    next = queue.peekFirst();
                    if (next == null) {
                        draining = false;
                        return sent;
                    }
                }
                try {
                    sender.send(next);
                } catch (Exception e) {
                    synchronized (this) {
                        draining = false;
                    }
                    return sent;
                }
                synchronized (this) {
                    queue.pollFirst();
                }
                sent++;
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                draining = false;
            }
            throw e;
        }
    }
}
