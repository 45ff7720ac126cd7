package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.groups.GroupEvent;
import io.chatapp.plugin.openfire.PluginRouting;
import java.util.List;
import java.util.UUID;
import org.dom4j.Element;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Delivers system events to the occupants of a group room: a groupchat message from the room's bare JID, with a
 * readable body for standard clients and an {@code <event/>} of {@code urn:chatapp:groups:0} for ours.
 */
final class GroupBroadcast {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GroupBroadcast.class);

    private final GroupOccupants occupants;
    private final GroupArchive archive;
    private final PluginRouting routing;

    GroupBroadcast(GroupOccupants occupants, GroupArchive archive, PluginRouting routing) {
        this.occupants = occupants;
        this.archive = archive;
        this.routing = routing;
    }

    /** Archives each event (members who are not in the room catch up from the archive) and sends it to those in it. */
    void send(List<GroupEvent> events) {
        for (GroupEvent event : events) {
            deliver(message(event, null), event.room());
        }
    }

    /**
     * Archives a message from the room (or in its name) and sends it to those in the room, stamped with its archive
     * id. Not archived when the archive cannot take it (logged): those in the room still get it.
     */
    void deliver(Message message, String room) {
        Long id = null;
        try {
            id = archive.event(message, room);
        } catch (io.chatapp.plugin.xmpp.StanzaErrorException e) {
            LOG.warn("Group notice not archived ({}): {}", e.getMessage(), message.toXML());
        }
        for (JID occupant : occupants.in(room)) {
            Message copy = message.createCopy();
            copy.setTo(occupant);
            if (id != null) {
                RoomStanzaIds.stamp(copy, room, id);
            }
            routing.route(copy);
        }
    }

    /** Tells those in the room its image changed (XEP-0486): standard clients then fetch the room's vCard. */
    void imageChanged(String room, java.util.Optional<String> hash) {
        for (JID occupant : occupants.in(room)) {
            routing.route(RoomAvatar.update(room, occupant, hash));
        }
    }

    static Message message(GroupEvent event, JID to) {
        Message message = new Message();
        message.setType(Message.Type.groupchat);
        message.setFrom(new JID(event.room()));
        if (to != null) {
            message.setTo(to);
        }
        message.setID(UUID.randomUUID().toString());
        message.setBody(event.body());
        message.getElement().add(element(event));
        return message;
    }

    static Element element(GroupEvent event) {
        Element element = org.dom4j.DocumentHelper.createElement(
                org.dom4j.QName.get("event", GroupIqHandler.NAMESPACE));
        element.addAttribute("type", event.type().attribute());
        element.addAttribute("actor", event.actor());
        if (event.target() != null) {
            element.addAttribute("target", event.target());
        }
        if (event.value() != null) {
            element.addAttribute("value", event.value());
        }
        element.addAttribute("stamp", io.chatapp.plugin.xmpp.XmppTime.format(event.at()));
        return element;
    }
}
