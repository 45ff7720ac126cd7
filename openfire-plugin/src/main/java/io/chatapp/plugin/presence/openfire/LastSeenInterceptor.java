package io.chatapp.plugin.presence.openfire;

import io.chatapp.plugin.openfire.IqRequestInterceptor;
import io.chatapp.plugin.openfire.LocalUsers;
import io.chatapp.plugin.presence.LastSeenService;
import io.chatapp.plugin.presence.LastSeenVisibility;
import java.util.Set;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * Last seen, on the packet path: notes when a user's device goes offline, and applies the user's last-seen
 * visibility to XEP-0012 queries about them.
 *
 * <p>For {@code contacts}, Openfire's own handler answers (it already allows only those who share presence). For
 * {@code everyone} and {@code nobody} the query is readdressed to the plugin's {@link LastSeenIqHandler} by changing
 * its payload's namespace; nothing else about the stanza changes, and the answer is a normal {@code jabber:iq:last}
 * result or error.
 */
final class LastSeenInterceptor implements IqRequestInterceptor {

    static final String LAST_ACTIVITY = "jabber:iq:last";

    private final LastSeenService lastSeen;
    private final LocalUsers users;

    LastSeenInterceptor(LastSeenService lastSeen, String domain) {
        this.lastSeen = lastSeen;
        this.users = new LocalUsers(domain);
    }

    @Override
    public Set<String> interceptedIqNamespaces() {
        return Set.of(LAST_ACTIVITY);
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed) {
        if (!incoming || processed) {
            return;
        }
        if (packet instanceof Presence presence) {
            noteOffline(presence);
        } else if (packet instanceof IQ iq) {
            applyVisibility(iq);
        }
    }

    private void noteOffline(Presence presence) {
        JID from = presence.getFrom();
        if (presence.getType() == Presence.Type.unavailable && presence.getTo() == null && users.contains(from)) {
            lastSeen.wentOffline(from.getNode());
        }
    }

    private void applyVisibility(IQ iq) {
        Element query = iq.getChildElement();
        JID to = iq.getTo();
        if (iq.getType() != IQ.Type.get || query == null || !LAST_ACTIVITY.equals(query.getNamespaceURI())
                || !users.contains(to) || to.getResource() != null || iq.getFrom() == null
                || to.toBareJID().equals(iq.getFrom().toBareJID())) {
            return;
        }
        if (lastSeen.visibility(to.getNode()) != LastSeenVisibility.CONTACTS) {
            query.setQName(QName.get(LastSeenIqHandler.QUERY, LastSeenIqHandler.NAMESPACE));
        }
    }

}
