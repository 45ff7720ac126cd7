package io.chatapp.plugin.archive.openfire;

import io.chatapp.plugin.archive.NewMessage;
import io.chatapp.plugin.media.MediaService;
import io.chatapp.plugin.storage.DatabaseFailures;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.Message;

/**
 * Notes the media shares of archived messages (a media message's parties may then fetch its file): those of each batch
 * the archive's writer commits, on its thread and before the batch counts as flushed, and at start those of the
 * messages the archive's journal gave back. So a share is as safe from a killed process as its message: the journal
 * keeps a message until its batch is flushed, hence until its share is noted (while the database is unavailable, the
 * writer brings the batch again), and keeps a recovered message until its share is noted. The message's stored
 * stanza says all a share needs; the rules are {@link MediaService#noteShared}'s (a signed URL of this server, a
 * sender entitled to the file), and noting a share twice changes nothing.
 */
final class ArchivedShares {

    private static final Logger LOG = LoggerFactory.getLogger(ArchivedShares.class);

    private final MediaService media;

    ArchivedShares(MediaService media) {
        this.media = media;
    }

    /**
     * Notes the shares of {@code archived}; throws, leaving the rest for the archive's writer to bring again, when the
     * database is unavailable. A message whose share cannot be noted for any other reason is logged and skipped.
     */
    void note(List<NewMessage> archived) throws SQLException {
        for (NewMessage message : archived) {
            // Most stanzas name no file of ours and are not worth parsing.
            String sharer = sharer(message);
            if (sharer == null || !media.mayNameAFile(message.stanzaXml())) {
                continue;
            }
            try {
                Message stanza = new Message(DocumentHelper.parseText(message.stanzaXml()).getRootElement());
                media.noteShared(ArchiveInterceptor.sharedUrls(stanza), message.id(), sharer, message.recipient());
            } catch (DocumentException | SQLException | RuntimeException e) {
                if (DatabaseFailures.isUnavailable(e)) {
                    throw new SQLTransientConnectionException("No media share noted for archived message "
                            + message.id() + ": the database is unavailable", e);
                }
                LOG.warn("No media share noted for archived message {}: {}", message.id(), e.getMessage());
            }
        }
    }

    /**
     * Who shared: a member with the room (a group message names its sender), a user with a user; none for a room's
     * own event (archived from the room to itself).
     */
    private static String sharer(NewMessage message) {
        if (message.groupSender() != null) {
            return message.groupSender();
        }
        return message.sender().equals(message.recipient()) ? null : message.sender();
    }
}
