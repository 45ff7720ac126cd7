package io.chatapp.plugin.groups.openfire;

import org.dom4j.Element;
import org.xmpp.packet.Presence;

/**
 * {@code <create xmlns="urn:chatapp:groups:0"/>} in the presence entering a new room of the group service: the
 * client asks for a group (docs/protocol.md, Groups). Without it the room is not created
 * ({@link io.chatapp.plugin.groups.GroupService#checkEntryOnGroupService}).
 */
final class GroupCreateRequest {

    static final String ELEMENT = "create";

    private GroupCreateRequest() {
    }

    /**
     * Whether the presence asks for a group; the element is taken out, every copy of it, so the room does not show it
     * to the occupants with the creator's presence.
     */
    static boolean take(Presence presence) {
        boolean asked = false;
        for (Element create = presence.getChildElement(ELEMENT, GroupIqHandler.NAMESPACE); create != null;
             create = presence.getChildElement(ELEMENT, GroupIqHandler.NAMESPACE)) {
            presence.getElement().remove(create);
            asked = true;
        }
        return asked;
    }
}
