package io.chatapp.plugin.accounts.openfire;

import io.chatapp.plugin.auth.AccountStatus;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/**
 * Ends any session of a disabled account the moment a packet goes to or from it. Disabling closes the account's
 * sessions at once, but Openfire lists only sessions that have sent their presence; one caught between binding and
 * its first presence would otherwise survive. The check is one in-memory lookup per packet.
 */
final class DisabledAccountEnforcer implements PacketInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(DisabledAccountEnforcer.class);

    private final AccountStatus status;
    private final String domain;

    DisabledAccountEnforcer(AccountStatus status, String domain) {
        this.status = status;
        this.domain = domain;
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed)
            throws PacketRejectedException {
        if (processed || session == null) {
            return;
        }
        JID address = session.getAddress();
        String username = address == null ? null : address.getNode();
        if (username == null || !domain.equals(address.getDomain()) || !status.isDisabled(username)) {
            return;
        }
        LOG.info("Closing a session of the disabled account '{}'", username);
        session.close();
        throw new PacketRejectedException("The account is disabled.");
    }
}
