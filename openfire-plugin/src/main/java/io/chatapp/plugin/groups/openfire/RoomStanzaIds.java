package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.archive.ArchiveIds;
import io.chatapp.plugin.archive.openfire.ArchiveInterceptor;
import java.util.List;
import org.dom4j.Element;
import org.xmpp.packet.Message;

/**
 * The group archive's id on a group message, as the XEP-0359 {@code <stanza-id by="room"/>} its members see.
 * Openfire 4.2's MUC service passes the stanza-id the plugin adds before the room fans the message out; Openfire
 * 5.x's removes any stanza-id "by" the room from an incoming message and adds one with an id of its own
 * ({@code StanzaIDUtil}, {@code xmpp.sid.*}), which no archive query knows. So the id also travels in an element of
 * the plugin's own namespace, which the MUC service leaves alone, and each copy the room sends out gets the
 * archive's stanza-id back from it ({@link #restore}); the carrier never reaches a client, and one a client sends
 * is removed ({@link #removeCarriers}).
 */
final class RoomStanzaIds {

    static final String CARRIER = "archive-id";

    private RoomStanzaIds() {
    }

    /** Gives a message the group archive's id, as a stanza-id by the room and in the carrier. */
    static void stamp(Message message, String room, long id) {
        String formatted = ArchiveIds.format(id);
        message.addChildElement("stanza-id", ArchiveInterceptor.SID).addAttribute("by", room)
                .addAttribute("id", formatted);
        message.addChildElement(CARRIER, GroupIqHandler.NAMESPACE).addAttribute("id", formatted);
    }

    /** A message the room sends out: its stanza-ids by the room become the archive's, and the carrier goes. */
    static void restore(Message message) {
        Element carrier = message.getChildElement(CARRIER, GroupIqHandler.NAMESPACE);
        if (carrier == null || message.getFrom() == null) {
            return;
        }
        String room = message.getFrom().toBareJID();
        Element element = message.getElement();
        for (Element stanzaId : List.copyOf(element.elements("stanza-id"))) {
            if (ArchiveInterceptor.SID.equals(stanzaId.getNamespaceURI())
                    && room.equals(stanzaId.attributeValue("by"))) {
                element.remove(stanzaId);
            }
        }
        message.addChildElement("stanza-id", ArchiveInterceptor.SID).addAttribute("by", room)
                .addAttribute("id", carrier.attributeValue("id"));
        element.remove(carrier);
    }

    /** Removes carriers a client put in its message: only the plugin names a group message's archive id. */
    static void removeCarriers(Message message) {
        Element element = message.getElement();
        for (Element carrier : List.copyOf(element.elements(CARRIER))) {
            if (GroupIqHandler.NAMESPACE.equals(carrier.getNamespaceURI())) {
                element.remove(carrier);
            }
        }
    }
}
