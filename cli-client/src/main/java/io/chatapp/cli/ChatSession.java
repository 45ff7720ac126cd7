package io.chatapp.cli;

import io.chatapp.client.CallLogPage;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.Contact;
import io.chatapp.client.LastSeenInfo;
import io.chatapp.client.LastSeenVisibility;
import io.chatapp.client.MediaAttachment;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.MessageStatus;
import io.chatapp.client.SentMedia;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the interactive shell does with a logged-in account. Each call waits for the server and fails with a
 * {@link CliException} carrying a clear message (or, for the few that return futures, completes with it).
 */
public interface ChatSession {

    /** The account's XMPP domain, appended to bare user names. */
    String domain();

    /** Sends a text; returns its message id. */
    String send(String toBareJid, String text);

    /**
     * Uploads a file and sends it as a media message, reporting the upload's progress; completes with what was sent.
     * Cancelling the future stops the upload (nothing is sent).
     */
    CompletableFuture<SentMedia> sendFile(String toBareJid, Path file, MediaProgressListener progress);

    /**
     * Downloads a received file to {@code target} (which must not exist), verified; completes with the saved file.
     * Cancelling the future stops the download (nothing is left).
     */
    CompletableFuture<Path> download(MediaAttachment media, Path target, MediaProgressListener progress);

    List<Contact> contacts();

    boolean isOnline(String bareJid);

    void addContact(String bareJid, String name);

    void acceptContact(String bareJid);

    void declineContact(String bareJid);

    /** @param mode one of {@link ShellInterpreter#MODES} */
    void setStatus(String mode, String text);

    /** The newest {@code max} messages with the peer, oldest first. */
    List<ChatMessage> history(String peerBareJid, int max);

    /**
     * The status of a message this account sent: known from this session's receipts or asked of the server;
     * empty when neither knows it.
     */
    Optional<MessageStatus> status(ChatMessage sent);

    /** The status of a message sent in this session, as far as receipts told; empty when not yet acknowledged. */
    Optional<MessageStatus> status(String messageId);

    /** The archive id of a message this account sent, asked of the server; empty when it has none. */
    Optional<String> archiveIdOf(String messageId);

    /** Deletes one's own message for everyone. */
    void retract(String peerBareJid, String messageId);

    /** Deletes a message from this account's archive. */
    void deleteForMe(String archiveId);

    /** Marks the conversation read; completes with false when nothing was received from the peer this session. */
    CompletableFuture<Boolean> markRead(String peerBareJid);

    /** The user is typing to the peer (throttled by the client); never blocks or fails. */
    void typing(String peerBareJid);

    /** When the contact was last online; empty when it cannot be asked. */
    Optional<LastSeenInfo> lastSeen(String bareJid);

    LastSeenVisibility lastSeenVisibility();

    void setLastSeenVisibility(LastSeenVisibility visibility);

    /** The account's status stories ({@code /status post|list|view|…}). */
    default StorySession stories() {
        throw new CliException("status updates are not available in this session");
    }

    /** The newest {@code max} calls of the account's call log ({@code /calls}). */
    default CallLogPage callLog(int max) {
        throw new CliException("the call log is not available in this session");
    }

    /** Marks the account's missed calls seen. */
    default void markMissedCallsSeen() {
        throw new CliException("the call log is not available in this session");
    }

    /** The account's calls ({@code /call}, {@code /accept}, {@code /hangup}, …). */
    default CallControl calls() {
        throw new CliException("calls are not available in this session");
    }

    /** The account's groups ({@code /group}). */
    default GroupSession groups() {
        throw new CliException("groups are not available in this session");
    }

    /** Mutes a chat (user or group address) for that long; null unmutes it. */
    void mute(String chat, java.time.Duration howLong);

    /** Which messages of the group are pushed to this account's offline devices. */
    void setGroupLevel(String room, io.chatapp.client.NotificationLevel level);

    /** Whether this account's offline devices are pushed for contacts' new stories. */
    void setStoryPushes(boolean on);

    /** Unread messages per chat (a contact's or a group's bare address). */
    java.util.Map<String, Integer> unreadCounts();
}
