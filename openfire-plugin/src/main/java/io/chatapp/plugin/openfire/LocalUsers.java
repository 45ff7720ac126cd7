package io.chatapp.plugin.openfire;

import org.xmpp.packet.JID;

/** Which addresses belong to users of this server: the features act only on stanzas between local users. */
public record LocalUsers(String domain) {

    /** Whether the address is a user's (bare or full) on this server's domain. */
    public boolean contains(JID jid) {
        return jid != null && jid.getNode() != null && domain.equals(jid.getDomain());
    }
}
