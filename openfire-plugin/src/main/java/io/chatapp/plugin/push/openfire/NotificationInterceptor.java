package io.chatapp.plugin.push.openfire;

import io.chatapp.plugin.groups.GroupMember;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.openfire.LocalUsers;
import io.chatapp.plugin.push.Mentions;
import io.chatapp.plugin.push.Notification;
import io.chatapp.plugin.push.NotificationKind;
import io.chatapp.plugin.push.PushDispatcher;
import org.dom4j.QName;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Sees each one-to-one message once Openfire has routed it (incoming, processed: a refused message is not notified),
 * each message to a group once the groups' interceptor has accepted it, and tells
 * the dispatcher about what is worth a push: a one-to-one message with a body, a group message with a body (to every
 * other member), an incoming call (XEP-0353 {@code <propose/>}). Typing, receipts, markers, carbons, archive results,
 * errors and headlines carry no body of their own and are never notified. Decides from memory only.
 */
final class NotificationInterceptor implements PacketInterceptor {

    static final QName PROPOSE = QName.get("propose", "urn:xmpp:jingle-message:0");
    private static final String RETRACT = "urn:xmpp:message-retract:1";

    private final LocalUsers users;
    private final GroupService groups;
    private final PushDispatcher dispatcher;

    NotificationInterceptor(String domain, GroupService groups, PushDispatcher dispatcher) {
        this.users = new LocalUsers(domain);
        this.groups = groups;
        this.dispatcher = dispatcher;
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed) {
        if (!incoming || !(packet instanceof Message message) || message.getFrom() == null
                || message.getTo() == null) {
            return;
        }
        Message.Type type = message.getType();
        if (type == Message.Type.error || type == Message.Type.headline) {
            return;
        }
        JID from = message.getFrom();
        JID to = message.getTo();
        if (type == Message.Type.groupchat) {
            // No call after processing was seen for a message to a room on Openfire 4.2; the groups' own
            // interceptor, earlier on the path, has accepted it by now (it refuses a non-member's).
            if (!processed && message.getBody() != null && to.getResource() == null
                    && groups.isGroup(to.toBareJID())) {
                groupMessage(message, from.toBareJID(), to.toBareJID());
            }
            return;
        }
        if (!processed) {
            return;
        }
        if (!users.contains(to) || from.toBareJID().equals(to.toBareJID()) || groups.isGroup(from.toBareJID())) {
            return;
        }
        if (message.getElement().element(PROPOSE) != null) {
            dispatcher.notify(to.getNode(), new Notification(NotificationKind.CALL, from.toBareJID(),
                    from.toBareJID(), null, false));
        } else if (message.getBody() != null && message.getChildElement("retract", RETRACT) == null) {
            dispatcher.notify(to.getNode(), new Notification(NotificationKind.MESSAGE, from.toBareJID(),
                    from.toBareJID(), message.getBody(), false));
        }
    }

    private void groupMessage(Message message, String sender, String room) {
        var group = groups.group(room);
        if (group.isEmpty()) {
            return;
        }
        Mentions mentions = Mentions.of(message.getElement());
        for (GroupMember member : group.get().members()) {
            JID jid = new JID(member.jid());
            if (member.jid().equals(sender) || !users.contains(jid)) {
                continue;
            }
            dispatcher.notify(jid.getNode(), new Notification(NotificationKind.GROUP_MESSAGE, room, sender,
                    message.getBody(), mentions.names(member.jid())));
        }
    }
}
