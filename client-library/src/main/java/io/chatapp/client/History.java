package io.chatapp.client;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The server's message archive (XEP-0313) and the client's catch-up from it ({@link ChatClient#history()}).
 *
 * <p>{@link #page} reads a conversation backwards, a page at a time.
 *
 * <p>Catch-up: after every new session (a login, or a reconnection whose stream could not be resumed) the client
 * reads the archive forward from the last archive id it has seen ({@link #lastArchiveId()}) and delivers what it
 * missed to {@link ChatClient#onMessage} listeners in archive order, before any message that arrived live meanwhile.
 * Each message is delivered once, however it arrives (live, from offline storage, as a carbon or from the archive).
 * An app that persists the cursor ({@link #onCursor}) sets it with {@link #startAfter} before logging in; with no
 * cursor, the first login does not catch up (the server's offline storage delivers what came while offline).
 */
public final class History {

    /** The most messages a page may hold (the server lowers larger requests to this). */
    public static final int MAX_PAGE = 250;

    private final MessageHub hub;

    History(MessageHub hub) {
        this.hub = hub;
    }

    /**
     * A page of the conversation with {@code peer}, oldest first: the newest {@code max} messages before the one
     * with archive id {@code beforeArchiveId}, or the newest ones when it is null. Retracted messages are included,
     * marked {@link ChatMessage#retracted()}; messages deleted for this account are not. Fails with
     * {@link ChatClientException.Reason#NOT_FOUND} when {@code beforeArchiveId} is not in this account's archive.
     */
    public CompletableFuture<HistoryPage> page(String peer, int max, String beforeArchiveId) {
        return hub.context.call(() -> {
            if (max < 1 || max > MAX_PAGE) {
                throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT,
                        "A page holds 1 to " + MAX_PAGE + " messages");
            }
            var with = hub.context.bareJid(peer);
            hub.context.requireSession();
            var page = hub.server.pageBefore(with, beforeArchiveId, max);
            return new HistoryPage(page.messages().stream()
                    .filter(m -> m.body() != null || m.tombstone())
                    .map(io.chatapp.client.internal.Incoming::toChatMessage)
                    .toList(), page.complete());
        });
    }

    /** The archive id of the last message delivered (where the next catch-up starts), if any. */
    public Optional<String> lastArchiveId() {
        return Optional.ofNullable(hub.pipeline.cursor());
    }

    /**
     * Sets where the next catch-up starts: the last archive id the app has seen (persisted from an earlier
     * session's {@link #lastArchiveId()} or {@link #onCursor}). Call it before logging in.
     */
    public void startAfter(String archiveId) {
        Receipts.requireId(archiveId);
        hub.pipeline.setCursor(archiveId);
    }

    /** Hears the archive id of each message delivered, to persist the cursor. */
    public ListenerRegistration onCursor(ArchiveCursorListener listener) {
        return hub.cursorListeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
