package io.chatapp.plugin.groups.openfire;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dom4j.Element;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * Who is in each group room now, learned from the self-presences the room sends its occupants (status 110), which
 * carry the occupant's affiliation. Used to deliver system events and to act on a room as one of its owners.
 */
final class GroupOccupants {

    static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    /** One occupant: their affiliation and nickname. */
    private record Occupant(String affiliation, String nick) {
    }

    /** room bare JID → occupant full JID → occupant. */
    private final Map<String, Map<JID, Occupant>> rooms = new ConcurrentHashMap<>();

    /**
     * Notes a presence from a room to one of its occupants; returns whether it was a self-presence. Another
     * occupant's departure counts too (the room names their real address, being non-anonymous): an occupant whose
     * connection broke never gets a self-presence saying so.
     */
    boolean observe(Presence presence) {
        Element user = presence.getChildElement("x", MUC_USER);
        if (user == null) {
            return false;
        }
        String room = presence.getFrom().toBareJID();
        Element item = user.element("item");
        if (!isSelf(user)) {
            String other = item == null ? null : item.attributeValue("jid");
            if (!presence.isAvailable() && other != null) {
                remove(room, new JID(other));
            }
            return false;
        }
        JID occupant = presence.getTo();
        if (presence.isAvailable() && item != null) {
            rooms.computeIfAbsent(room, r -> new ConcurrentHashMap<>())
                    .put(occupant, new Occupant(item.attributeValue("affiliation", "none"),
                            presence.getFrom().getResource()));
        } else {
            remove(room, occupant);
        }
        return true;
    }

    private void remove(String room, JID occupant) {
        Map<JID, Occupant> occupants = rooms.get(room);
        if (occupants != null) {
            occupants.remove(occupant);
            if (occupants.isEmpty()) {
                rooms.remove(room, occupants);
            }
        }
    }

    private static boolean isSelf(Element user) {
        for (Element status : user.elements("status")) {
            if ("110".equals(status.attributeValue("code"))) {
                return true;
            }
        }
        return false;
    }

    static boolean hasStatus(Presence presence, String code) {
        Element user = presence.getChildElement("x", MUC_USER);
        if (user == null) {
            return false;
        }
        return user.elements("status").stream().anyMatch(status -> code.equals(status.attributeValue("code")));
    }

    /** The nickname of an occupant, or null when not known. */
    String nick(String room, JID occupant) {
        Map<JID, Occupant> occupants = rooms.get(room);
        Occupant found = occupants == null ? null : occupants.get(occupant);
        return found == null ? null : found.nick();
    }

    List<JID> in(String room) {
        Map<JID, Occupant> occupants = rooms.get(room);
        return occupants == null ? List.of() : List.copyOf(occupants.keySet());
    }

    /** An occupant who is a MUC owner of the room, preferring the given user's devices. */
    Optional<JID> owner(String room, String preferredUser) {
        Map<JID, Occupant> occupants = rooms.get(room);
        if (occupants == null) {
            return Optional.empty();
        }
        Optional<JID> preferred = occupants.entrySet().stream()
                .filter(e -> e.getValue().affiliation().equals("owner")
                        && e.getKey().toBareJID().equals(preferredUser))
                .map(Map.Entry::getKey).findFirst();
        return preferred.or(() -> occupants.entrySet().stream()
                .filter(e -> e.getValue().affiliation().equals("owner")).map(Map.Entry::getKey).findFirst());
    }

    void forget(String room) {
        rooms.remove(room);
    }
}
