package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.groups.AffiliationChange;
import io.chatapp.plugin.groups.PrivateRoomConfig;
import io.chatapp.plugin.groups.RoomRequests;
import io.chatapp.plugin.openfire.PluginRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.dom4j.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * Makes changes to a group room the plugin decided itself (a member leaving, the owner handing over): standard
 * XEP-0045 admin/owner IQs, sent as if by one of the room's owners who is in the room now. Openfire 4.2 answers MUC
 * IQs only from occupants, and the plugin may not use Openfire's MUC classes; so the IQ goes out from such an
 * occupant's full JID, and its answer (id prefix {@link #ID_PREFIX}) is taken out of that occupant's stream by
 * {@link GroupInterceptor}. When no owner is in the room the change waits until one enters; meanwhile the plugin's
 * own record (already changed) keeps the member out.
 */
final class RoomActions {

    static final String ID_PREFIX = "chatapp-groups-";
    private static final Logger LOG = LoggerFactory.getLogger(RoomActions.class);

    private final GroupOccupants occupants;
    private final PluginRouting routing;
    private final AtomicLong ids = new AtomicLong();
    /** room → payloads waiting for an owner to enter. */
    private final Map<String, List<Pending>> waiting = new ConcurrentHashMap<>();

    private record Pending(String preferredUser, Element payload) {
    }

    RoomActions(GroupOccupants occupants, PluginRouting routing) {
        this.occupants = occupants;
        this.routing = routing;
    }

    void changeAffiliations(String room, String preferredUser, List<AffiliationChange> changes) {
        Element query = org.dom4j.DocumentHelper.createElement(
                org.dom4j.QName.get("query", "http://jabber.org/protocol/muc#admin"));
        for (AffiliationChange change : changes) {
            query.addElement("item").addAttribute("affiliation", change.affiliation()).addAttribute("jid",
                    change.jid());
        }
        act(room, preferredUser, query);
    }

    /** Sets the room's name and/or description (null: unchanged) with a configuration form. */
    void describe(String room, String preferredUser, String name, String description) {
        Element query = org.dom4j.DocumentHelper.createElement(
                org.dom4j.QName.get("query", RoomRequests.MUC_OWNER));
        Element form = query.addElement(org.dom4j.QName.get("x", "jabber:x:data")).addAttribute("type", "submit");
        field(form, "FORM_TYPE", "http://jabber.org/protocol/muc#roomconfig");
        if (name != null) {
            field(form, io.chatapp.plugin.groups.PrivateRoomConfig.NAME, name);
        }
        if (description != null) {
            field(form, io.chatapp.plugin.groups.PrivateRoomConfig.DESCRIPTION, description);
        }
        PrivateRoomConfig.keepPrivate(form);
        act(room, preferredUser, query);
    }

    private static void field(Element form, String var, String value) {
        form.addElement("field").addAttribute("var", var).addElement("value").setText(value);
    }

    void destroy(String room, String preferredUser) {
        Element query = org.dom4j.DocumentHelper.createElement(
                org.dom4j.QName.get("query", "http://jabber.org/protocol/muc#owner"));
        query.addElement("destroy");
        act(room, preferredUser, query);
    }

    private void act(String room, String preferredUser, Element payload) {
        Optional<JID> owner = occupants.owner(room, preferredUser);
        if (owner.isPresent()) {
            send(room, owner.get(), payload);
        } else {
            waiting.computeIfAbsent(room, r -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new Pending(preferredUser, payload));
        }
    }

    /** An owner entered the room: make the changes that were waiting for one. */
    void ownerEntered(String room, JID owner) {
        List<Pending> pending = waiting.remove(room);
        if (pending != null) {
            synchronized (pending) {
                pending.forEach(p -> send(room, owner, p.payload()));
            }
        }
    }

    private void send(String room, JID as, Element payload) {
        IQ iq = new IQ(IQ.Type.set, ID_PREFIX + ids.incrementAndGet());
        iq.setFrom(as);
        iq.setTo(new JID(room));
        iq.setChildElement(payload.createCopy());
        routing.route(iq);
    }

    /** Whether a stanza is the answer to one of these IQs (which is then consumed, not delivered). */
    static boolean isAnswer(IQ iq) {
        return iq.getID() != null && iq.getID().startsWith(ID_PREFIX)
                && (iq.getType() == IQ.Type.result || iq.getType() == IQ.Type.error);
    }

    static void noteAnswer(IQ iq) {
        if (iq.getType() == IQ.Type.error) {
            LOG.warn("A group room refused the plugin's change: {}", iq.toXML());
        }
    }
}
