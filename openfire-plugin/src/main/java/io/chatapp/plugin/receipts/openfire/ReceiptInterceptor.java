package io.chatapp.plugin.receipts.openfire;

import io.chatapp.plugin.openfire.EnteringMessages;
import io.chatapp.plugin.openfire.LocalUsers;
import io.chatapp.plugin.receipts.ReceiptRecorder;
import java.time.Clock;
import org.dom4j.Element;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Notes XEP-0184 delivery receipts and XEP-0333 {@code displayed} markers between users of this server as they pass,
 * for "message info". The stanzas themselves are routed untouched; recording is a queue offer, written later, and a
 * local journal append (when configured), so a receipt Openfire acknowledges once this returns survives a kill.
 */
final class ReceiptInterceptor implements PacketInterceptor {

    static final String RECEIPTS = "urn:xmpp:receipts";
    static final String MARKERS = "urn:xmpp:chat-markers:0";

    private final ReceiptRecorder recorder;
    private final LocalUsers users;
    private final Clock clock;

    ReceiptInterceptor(ReceiptRecorder recorder, String domain, Clock clock) {
        this.recorder = recorder;
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
        if (!users.contains(from) || !users.contains(to)) {
            return;
        }
        String received = referencedId(message.getChildElement("received", RECEIPTS));
        if (received != null) {
            recorder.delivered(to.toBareJID(), from.toBareJID(), received, clock.instant());
        }
        String displayed = referencedId(message.getChildElement("displayed", MARKERS));
        if (displayed != null) {
            recorder.displayed(from.toBareJID(), to.toBareJID(), displayed, clock.instant());
        }
    }

    private static String referencedId(Element element) {
        if (element == null) {
            return null;
        }
        String id = element.attributeValue("id");
        return id == null || id.isBlank() ? null : id;
    }

}
