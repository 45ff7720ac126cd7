package io.chatapp.cli;

import io.chatapp.client.GroupInfo;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.SentMedia;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code /group} does with a logged-in account. Each call waits for the server and fails with a
 * {@link CliException} carrying a clear message.
 */
public interface GroupSession {

    GroupInfo create(String name, List<String> memberBareJids);

    void add(String room, List<String> memberBareJids);

    void remove(String room, String memberBareJid);

    void promote(String room, String memberBareJid);

    void demote(String room, String memberBareJid);

    /** Null leaves the name or description as it is. */
    void setInfo(String room, String name, String description);

    void setOnlyAdminsSend(String room, boolean onlyAdmins);

    /** Sets the group image, or with null removes it. */
    void setImage(String room, io.chatapp.client.GroupImage image);

    void leave(String room);

    /** Marks the group read up to the newest message shown; false when none was shown yet. */
    boolean markRead(String room);

    void delete(String room);

    List<GroupInfo> list();

    /** Deletes this account's message (by archive id) for everyone. */
    void retract(String room, String archiveId);

    /** Deletes a group message (by archive id) for this account only. */
    void deleteForMe(String room, String archiveId);

    /** Removes anyone's message (by archive id) for everyone, as a group admin; reason may be null. */
    void removeMessage(String room, String archiveId, String reason);

    /** Who received and read this account's message (by archive id or message id), and when. */
    io.chatapp.client.MessageInfo messageInfo(String room, String messageId);

    /** Sends a text to the group; returns its message id. */
    String send(String room, String text);

    /**
     * Uploads a file and shares it in the group ({@code /send FILE} in a group conversation). Cancelling the future
     * stops the upload; nothing is sent then.
     */
    CompletableFuture<SentMedia> sendFile(String room, Path file, MediaProgressListener progress);
}
