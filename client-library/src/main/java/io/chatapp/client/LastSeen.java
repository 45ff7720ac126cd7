package io.chatapp.client;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * When people were last online (XEP-0012), and who may know it of this account ({@link ChatClient#lastSeen()}).
 */
public final class LastSeen {

    private final MessageHub hub;

    LastSeen(MessageHub hub) {
        this.hub = hub;
    }

    /**
     * When {@code jid} was last online: online now, offline since a time, or {@link LastSeenInfo.Kind#HIDDEN}
     * when their setting does not let this account know.
     */
    public CompletableFuture<LastSeenInfo> of(String jid) {
        return hub.context.call(() -> {
            var who = hub.context.bareJid(jid);
            hub.context.requireSession();
            return hub.server.lastSeen(who);
        });
    }

    /** Who may see when this account was last online (the server's default is {@code CONTACTS}). */
    public CompletableFuture<LastSeenVisibility> visibility() {
        return hub.context.call(() -> {
            hub.context.requireSession();
            String value = hub.server.lastSeenVisibility();
            if (value == null) {
                throw new ChatClientException(ChatClientException.Reason.SERVER_ERROR,
                        "The server did not say the visibility");
            }
            try {
                return LastSeenVisibility.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ChatClientException(ChatClientException.Reason.SERVER_ERROR,
                        "Unknown visibility from the server: " + value, e);
            }
        });
    }

    /** Sets who may see when this account was last online; applies on every device and server node. */
    public CompletableFuture<Void> setVisibility(LastSeenVisibility visibility) {
        Objects.requireNonNull(visibility, "visibility");
        return hub.context.run(() -> {
            hub.context.requireSession();
            hub.server.setLastSeenVisibility(visibility.name().toLowerCase(Locale.ROOT));
        });
    }
}
