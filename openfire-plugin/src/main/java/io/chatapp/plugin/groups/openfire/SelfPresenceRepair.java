package io.chatapp.plugin.groups.openfire;

import org.dom4j.Element;
import org.xmpp.packet.Presence;

/**
 * Gives back the status codes Openfire 4.2 sometimes leaves out of an entering occupant's own presence.
 *
 * <p>Why: in a non-anonymous room (every group is one) Openfire 4.2 sends an entering occupant the presences of those
 * already present without copying them, and sending readdresses the stanza, so the occupant's stored presence is
 * left addressed to the other occupant's real JID. When two users enter at the same moment (every member of a new
 * group does, on the invitation), the first one's join broadcast is built from that readdressed presence, the room no
 * longer recognises which copy is the self-presence, and the entering client gets its own presence without status
 * 110 (XEP-0045 §7.2.3) - so it never learns that it entered (Smack waits for 110 and reports no response), and the
 * other one gets the presence twice. The self-presence is still recognisable: the room is non-anonymous, so its item
 * names the occupant's real full JID, which is the address it is delivered to.
 */
final class SelfPresenceRepair {

    static final String SELF = "110";
    static final String NON_ANONYMOUS = "100";

    private SelfPresenceRepair() {
    }

    /** Whether a presence from a room is an occupant's own presence sent without status 110. */
    static boolean isUnmarked(Presence presence) {
        if (!presence.isAvailable() || presence.getTo() == null || presence.getTo().getResource() == null) {
            return false;
        }
        Element user = presence.getChildElement("x", GroupOccupants.MUC_USER);
        Element item = user == null ? null : user.element("item");
        return item != null && presence.getTo().toString().equals(item.attributeValue("jid"))
                && !GroupOccupants.hasStatus(presence, SELF);
    }

    /** A copy of the self-presence with the codes the room should have given it (self; the room is non-anonymous). */
    static Presence marked(Presence presence) {
        Presence copy = presence.createCopy();
        Element user = copy.getChildElement("x", GroupOccupants.MUC_USER);
        user.addElement("status").addAttribute("code", NON_ANONYMOUS);
        user.addElement("status").addAttribute("code", SELF);
        return copy;
    }
}
