package io.chatapp.client;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Deleting messages ({@link ChatClient#retractions()}): for everyone (XEP-0424 retraction of one's own message)
 * or for oneself (hiding a message from this account's archive).
 *
 * <p>{@link #onRetraction} listeners hear about retractions that arrive live, from offline storage, as carbons or
 * from the archive; messages read from the archive that were retracted are marked {@link ChatMessage#retracted()}.
 * {@link #onHidden} listeners hear that another device of this account deleted a message for this account.
 */
public final class Retractions {

    private final MessageHub hub;

    Retractions(MessageHub hub) {
        this.hub = hub;
    }

    /**
     * Retracts a message this account sent to {@code peer}, for everyone. Completes once the server has accepted
     * the retraction; fails with {@link ChatClientException.Reason#NOT_FOUND} (no such message between the two),
     * {@link ChatClientException.Reason#NOT_ALLOWED} (the other party sent it) or
     * {@link ChatClientException.Reason#TOO_LATE} (older than the server's retraction window).
     *
     * @param messageId the message's id, as {@link ChatClient#sendMessage} returned it
     */
    public CompletableFuture<Void> retract(String peer, String messageId) {
        return hub.context.run(() -> {
            Receipts.requireId(messageId);
            var to = hub.context.bareJid(peer);
            hub.context.requireSession();
            String retractionId = UUID.randomUUID().toString();
            hub.pipeline.sentHere(retractionId);
            hub.server.retract(to, retractionId, messageId);
        });
    }

    /**
     * Deletes a message for this account only: it disappears from this account's archive on all its devices (the
     * other party keeps it). Fails with {@link ChatClientException.Reason#NOT_FOUND} when it is not in this
     * account's archive. Deleting twice succeeds.
     */
    public CompletableFuture<Void> deleteForMe(String archiveId) {
        return hub.context.run(() -> {
            Receipts.requireId(archiveId);
            hub.context.requireSession();
            hub.server.hide(archiveId);
        });
    }

    /** Hears about retracted messages. */
    public ListenerRegistration onRetraction(RetractionListener listener) {
        return hub.retractionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Hears that another device of this account deleted a message for this account. */
    public ListenerRegistration onHidden(HiddenListener listener) {
        return hub.hiddenListeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
