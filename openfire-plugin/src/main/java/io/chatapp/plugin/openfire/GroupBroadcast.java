package io.chatapp.plugin.openfire;

import io.chatapp.plugin.groups.GroupEvent;
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

    private final GroupOccupants occupants;
    private final PluginRouting routing;

    GroupBroadcast(GroupOccupants occupants, PluginRouting routing) {
        this.occupants = occupants;
        this.routing = routing;
    }

    void send(List<GroupEvent> events) {
        for (GroupEvent event : events) {
            for (JID occupant : occupants.in(event.room())) {
                routing.route(message(event, occupant));
            }
        }
    }

    static Message message(GroupEvent event, JID to) {
        Message message = new Message();
        message.setType(Message.Type.groupchat);
        message.setFrom(new JID(event.room()));
        message.setTo(to);
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
