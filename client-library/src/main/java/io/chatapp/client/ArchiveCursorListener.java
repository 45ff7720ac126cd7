package io.chatapp.client;

/**
 * Hears the archive id of each message delivered to the app (live, from offline storage, carbons and catch-up),
 * so the app can persist it and start the next session's catch-up from there ({@link History#startAfter}).
 * Called on the client's event thread, after the message's own listeners.
 */
@FunctionalInterface
public interface ArchiveCursorListener {

    void onCursor(String lastArchiveId);
}
