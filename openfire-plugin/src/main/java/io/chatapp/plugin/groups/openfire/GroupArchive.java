package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.archive.NewMessage;
import io.chatapp.plugin.archive.openfire.ArchiveInterceptor;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import org.dom4j.Element;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Puts group messages and system events in the archive, in the order the plugin sees them: one row per message with
 * the room as both sender and recipient (so a room's history is one index range scan, and no user's own archive
 * contains it). The stored stanza is what a MUC archive returns (XEP-0313 §5.1.2): from the occupant's room address,
 * with the sender's real address in a {@code muc#user} item (groups are non-anonymous). The live message gets the
 * archive id as a XEP-0359 stanza-id by the room before the room fans it out.
 */
final class GroupArchive {

    private final MessageArchive archive;

    GroupArchive(MessageArchive archive) {
        this.archive = archive;
    }

    /** Archives a group message a member sent; refuses with resource-constraint when the archive's queue is full. */
    void message(Message message, String room, String sender, String nick) {
        Element origin = message.getChildElement("origin-id", ArchiveInterceptor.SID);
        long id = offer(new NewMessage(archive.ids().next(), room, room, message.getID(),
                origin == null ? null : origin.attributeValue("id"), storedXml(message, room, sender, nick), sender));
        RoomStanzaIds.stamp(message, room, id);
    }

    /**
     * A member's message as stored: from the occupant's room address, with the sender's real address in a
     * {@code muc#user} item appended last (migration V13 reads senders of rows archived before it from there).
     */
    static String storedXml(Message message, String room, String sender, String nick) {
        Message stored = message.createCopy();
        stored.setFrom(new JID(room + "/" + (nick == null ? new JID(sender).getNode() : nick)));
        stored.setTo((JID) null);
        stored.addChildElement("x", GroupOccupants.MUC_USER).addElement("item").addAttribute("jid", sender);
        return stored.toXML();
    }

    /** Archives a system event (a message from the room itself); returns its archive id. */
    long event(Message event, String room) {
        Message stored = event.createCopy();
        stored.setTo((JID) null);
        return offer(new NewMessage(archive.ids().next(), room, room, event.getID(), null, stored.toXML()));
    }

    private long offer(NewMessage message) {
        if (!archive.offer(message)) {
            throw new StanzaErrorException(StanzaError.RESOURCE_CONSTRAINT,
                    "the message archive is unavailable; try again later");
        }
        return message.id();
    }
}
