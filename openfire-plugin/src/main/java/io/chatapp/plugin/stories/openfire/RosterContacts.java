package io.chatapp.plugin.stories.openfire;

import io.chatapp.plugin.stories.Contacts;
import java.util.HashSet;
import java.util.Set;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.roster.RosterItem;
import org.jivesoftware.openfire.user.UserNotFoundException;
import org.xmpp.packet.JID;

/**
 * Contacts as Openfire's rosters have them: the items of a local user's roster whose subscription is {@code both}.
 * Openfire keeps both sides of a subscription consistent, so the relation is symmetric. {@code RosterManager} caches
 * rosters but may load one from the database: called on the stories' own threads only.
 */
final class RosterContacts implements Contacts {

    private volatile String domain;

    void domain(String serverDomain) {
        this.domain = serverDomain;
    }

    @Override
    public Set<String> of(String user) {
        JID jid = new JID(user);
        Set<String> contacts = new HashSet<>();
        if (jid.getNode() == null || !jid.getDomain().equals(domain)) {
            return contacts;
        }
        try {
            for (RosterItem item : XMPPServer.getInstance().getRosterManager().getRoster(jid.getNode())
                    .getRosterItems()) {
                if (item.getSubStatus() == RosterItem.SUB_BOTH) {
                    contacts.add(item.getJid().toBareJID());
                }
            }
        } catch (UserNotFoundException e) {
            return contacts;
        }
        return contacts;
    }
}
