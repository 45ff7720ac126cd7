package io.chatapp.plugin.calls.openfire;

import io.chatapp.plugin.calls.CallSignal;
import io.chatapp.plugin.calls.CallTracker;
import io.chatapp.plugin.openfire.EnteringMessages;
import io.chatapp.plugin.openfire.LocalUsers;
import java.time.Clock;
import org.dom4j.Element;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Reads the XEP-0353 Jingle Message Initiation signals (propose, ringing, proceed, reject, retract, finish) of
 * messages a user of this server sends or receives, once, as they enter the server, and hands them to the
 * {@link CallTracker}. The messages are routed untouched (carbons, archive and offline storage carry them as for any
 * chat message); reading one is a memory operation.
 */
final class JmiInterceptor implements PacketInterceptor {

    static final String JMI = "urn:xmpp:jingle-message:0";
    static final String RTP = "urn:xmpp:jingle:apps:rtp:1";
    static final String JINGLE = "urn:xmpp:jingle:1";

    private final CallTracker tracker;
    private final LocalUsers users;
    private final Clock clock;

    JmiInterceptor(CallTracker tracker, String domain, Clock clock) {
        this.tracker = tracker;
        this.users = new LocalUsers(domain);
        this.clock = clock;
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed) {
        Message message = EnteringMessages.oneToOne(packet, incoming, processed);
        if (message == null) {
            return;
        }
        JID from = message.getFrom();
        JID to = message.getTo();
        if (from == null || to == null || from.getNode() == null || to.getNode() == null
                || (!users.contains(from) && !users.contains(to))) {
            return;
        }
        for (Element child : message.getElement().elements()) {
            if (JMI.equals(child.getNamespaceURI())) {
                CallSignal signal = signal(child, from.toBareJID(), to.toBareJID());
                if (signal != null) {
                    tracker.signal(signal, clock.instant());
                }
                return;
            }
        }
    }

    /** The signal an element of the JMI namespace carries; null for an unknown element or one without an id. */
    static CallSignal signal(Element element, String from, String to) {
        CallSignal.Kind kind = CallSignal.Kind.named(element.getName());
        String id = element.attributeValue("id");
        if (kind == null || id == null || id.isBlank() || id.length() > 256) {
            return null;
        }
        boolean video = false;
        for (Element description : element.elements("description")) {
            video |= RTP.equals(description.getNamespaceURI()) && "video".equals(description.attributeValue("media"));
        }
        return new CallSignal(kind, id, from, to, video, reason(element.element("reason")));
    }

    private static String reason(Element reason) {
        if (reason == null || !JINGLE.equals(reason.getNamespaceURI())) {
            return null;
        }
        for (Element condition : reason.elements()) {
            if (!condition.getName().equals("text")) {
                return condition.getName();
            }
        }
        return null;
    }
}
