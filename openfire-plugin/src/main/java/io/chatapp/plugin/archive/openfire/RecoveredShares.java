package io.chatapp.plugin.archive.openfire;

import io.chatapp.plugin.archive.NewMessage;
import io.chatapp.plugin.media.MediaService;
import io.chatapp.plugin.openfire.LocalUsers;
import java.util.List;
import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Notes again the media shares of the messages the archive's journal gave back at start. A share is noted in the
 * background after the archive accepted its message ({@link ArchiveInterceptor}, {@code GroupArchive}), so a killed
 * process may have acknowledged the message and lost the share; the message's stored stanza says all the share
 * needs. The same rules apply as live ({@link MediaService#noteShared}: a signed URL of this server, a sender entitled
 * to the file), and noting a share twice changes nothing.
 */
final class RecoveredShares {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveredShares.class);

    private final MediaService media;
    private final LocalUsers users;

    RecoveredShares(MediaService media, String domain) {
        this.media = media;
        this.users = new LocalUsers(domain);
    }

    void note(List<NewMessage> recovered) {
        for (NewMessage message : recovered) {
            // A stanza without a URL (most of them) is not worth parsing.
            if (!message.stanzaXml().contains("://")) {
                continue;
            }
            try {
                String sharer = sharer(message);
                if (sharer != null) {
                    Message stanza = new Message(DocumentHelper.parseText(message.stanzaXml()).getRootElement());
                    media.noteShared(ArchiveInterceptor.sharedUrls(stanza), message.id(), sharer,
                            message.recipient());
                }
            } catch (DocumentException | IllegalArgumentException e) {
                LOG.warn("Archived message {} does not parse; no media share noted again: {}", message.id(),
                        e.getMessage());
            }
        }
    }

    /** Who shared, as the live path has it: a member with the room, a user with a user; a room's own event: none. */
    private String sharer(NewMessage message) {
        if (message.groupSender() != null) {
            return message.groupSender();
        }
        return users.contains(new JID(message.sender())) ? message.sender() : null;
    }
}
