package io.chatapp.plugin.archive.openfire;

import io.chatapp.plugin.xmpp.ClosedForFlooding;
import io.chatapp.plugin.xmpp.HeapPressure;
import io.chatapp.plugin.xmpp.StanzaRateLimit;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.ClientSession;
import org.jivesoftware.openfire.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * Closes a client connection that sends stanzas faster than {@link StanzaRateLimit} allows (less while the heap is
 * under {@link HeapPressure}), and drops what it had
 * sent that is still waiting to be handled. Closing is what stops Openfire reading the flood into memory (it reads
 * ahead of its packet threads without limit); refusing stanza by stanza would not. Installed first, so a flood
 * reaches no other interceptor.
 *
 * <p>What is still waiting when the session is gone reaches the routers with no session: over BOSH, Openfire's workers
 * route a closed session's queued stanzas that way (docs/reliability.md, "The stanza flood over BOSH"). Those are
 * dropped by the closed session's address ({@link ClosedForFlooding}), except an unavailable presence, which is
 * Openfire telling the contacts that the session went.
 */
final class StanzaFloodInterceptor implements PacketInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(StanzaFloodInterceptor.class);

    private final StanzaRateLimit limit;
    private final HeapPressure heap;
    private final ClosedForFlooding closed = new ClosedForFlooding();

    StanzaFloodInterceptor(StanzaRateLimit limit, HeapPressure heap) {
        this.limit = limit;
        this.heap = heap;
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed)
            throws PacketRejectedException {
        if (!incoming || processed) {
            return;
        }
        if (session == null) {
            refuseIfFromAClosedFlood(packet);
            return;
        }
        if (!(session instanceof ClientSession) || session.getStreamID() == null) {
            return;
        }
        String connection = session.getStreamID().getID();
        boolean closedNow;
        try {
            closedNow = session.isClosed();
        } catch (NullPointerException e) {
            // Openfire 4.2 takes the connection away from a session whose account deleted itself in band (XEP-0077)
            // before its last stanza, the unavailable presence, is routed: let it through, as Openfire means it to be.
            return;
        }
        if (closedNow) {
            limit.forget(connection);
            throw new PacketRejectedException("connection closed for flooding");
        }
        long now = System.nanoTime();
        boolean pressure = heap.high(now);
        if (!limit.allows(connection, now, pressure)) {
            String refusal = limit.refusal(pressure);
            LOG.warn("Closing the connection of {} ({}): it sent {}", session.getAddress(), connection, refusal);
            limit.forget(connection);
            if (session.getAddress() != null) {
                closed.remember(session.getAddress().toString(), now);
            }
            session.close();
            throw new PacketRejectedException(refusal);
        }
    }

    private void refuseIfFromAClosedFlood(Packet packet) throws PacketRejectedException {
        JID from = packet.getFrom();
        if (closed.isEmpty() || from == null || from.getResource() == null
                || packet instanceof Presence presence && presence.getType() == Presence.Type.unavailable) {
            return;
        }
        if (closed.recentlyClosed(from.toString(), System.nanoTime())) {
            throw new PacketRejectedException("sent by a session closed for flooding");
        }
    }
}
