package io.chatapp.cli;

import io.chatapp.client.MediaAttachment;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The messages the shell has shown, each with a short handle ({@code #1}, {@code #2}…) that {@code /retract} and
 * {@code /delete} take. A message shown twice (live, then again in {@code /history}) keeps its handle. Keeps the
 * latest {@value #CAPACITY}. Thread-safe: the shell's commands and the client's events both use it.
 */
final class MessageLog {

    static final int CAPACITY = 5000;

    /**
     * A message shown.
     *
     * @param messageId the sender's id (origin-id), or null
     * @param archiveId the archive id, or null when not known yet
     * @param ours      sent by this account (from this or another device)
     * @param body      its text (for a shared file, the line describing it)
     * @param media     the file it shares, or null
     */
    record Entry(int handle, String peer, String messageId, String archiveId, boolean ours, String body,
                 MediaAttachment media) {
    }

    private final LinkedHashMap<Integer, Entry> byHandle = new LinkedHashMap<>();
    private final Map<String, Integer> byMessageId = new HashMap<>();
    private final Map<String, Integer> byArchiveId = new HashMap<>();
    private int next = 1;

    /** A text's entry (see {@link #add(String, String, String, boolean, String, MediaAttachment)}). */
    Entry add(String peer, String messageId, String archiveId, boolean ours, String body) {
        return add(peer, messageId, archiveId, ours, body, null);
    }

    /** The message's entry: the one it already has, completed with what is new, or a new one. */
    synchronized Entry add(String peer, String messageId, String archiveId, boolean ours, String body,
                           MediaAttachment media) {
        Integer known = archiveId == null ? null : byArchiveId.get(archiveId);
        if (known == null && messageId != null && !messageId.isEmpty()) {
            known = byMessageId.get(key(peer, messageId));
        }
        Entry existing = known == null ? null : byHandle.get(known);
        Entry entry;
        if (existing != null) {
            entry = new Entry(existing.handle(), existing.peer(),
                    existing.messageId() != null ? existing.messageId() : messageId,
                    existing.archiveId() != null ? existing.archiveId() : archiveId, existing.ours(),
                    body == null || body.isEmpty() ? existing.body() : body,
                    existing.media() != null ? existing.media() : media);
        } else {
            entry = new Entry(next++, peer, emptyToNull(messageId), archiveId, ours, body == null ? "" : body,
                    media);
        }
        byHandle.put(entry.handle(), entry);
        if (entry.messageId() != null) {
            byMessageId.put(key(peer, entry.messageId()), entry.handle());
        }
        if (entry.archiveId() != null) {
            byArchiveId.put(entry.archiveId(), entry.handle());
        }
        trim();
        return entry;
    }

    synchronized Optional<Entry> handle(int handle) {
        return Optional.ofNullable(byHandle.get(handle));
    }

    synchronized Optional<Entry> messageId(String peer, String messageId) {
        Integer handle = messageId == null ? null : byMessageId.get(key(peer, messageId));
        return handle == null ? Optional.empty() : handle(handle);
    }

    synchronized Optional<Entry> archiveId(String archiveId) {
        Integer handle = archiveId == null ? null : byArchiveId.get(archiveId);
        return handle == null ? Optional.empty() : handle(handle);
    }

    /** Remembers the archive id found for an entry. */
    synchronized Entry withArchiveId(Entry entry, String archiveId) {
        Entry updated = new Entry(entry.handle(), entry.peer(), entry.messageId(), archiveId, entry.ours(),
                entry.body(), entry.media());
        byHandle.put(entry.handle(), updated);
        byArchiveId.put(archiveId, entry.handle());
        return updated;
    }

    private void trim() {
        Iterator<Entry> oldest = byHandle.values().iterator();
        while (byHandle.size() > CAPACITY && oldest.hasNext()) {
            Entry gone = oldest.next();
            oldest.remove();
            if (gone.messageId() != null) {
                byMessageId.remove(key(gone.peer(), gone.messageId()), gone.handle());
            }
            if (gone.archiveId() != null) {
                byArchiveId.remove(gone.archiveId(), gone.handle());
            }
        }
    }

    private static String key(String peer, String messageId) {
        return peer.toLowerCase(java.util.Locale.ROOT) + "\n" + messageId;
    }

    private static String emptyToNull(String id) {
        return id == null || id.isEmpty() ? null : id;
    }
}
