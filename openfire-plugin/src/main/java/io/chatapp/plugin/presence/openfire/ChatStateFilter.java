package io.chatapp.plugin.presence.openfire;

import io.chatapp.plugin.openfire.LocalUsers;
import org.dom4j.Element;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Keeps XEP-0085 chat states out of offline storage. Openfire 4.2 stores every message to a user with no online
 * device, typing notifications included, and replays a stale "typing…" at the next login; a message that carries
 * nothing but a chat state (and hints) is dropped instead when its recipient has no online device.
 */
final class ChatStateFilter implements PacketInterceptor {

    static final String CHAT_STATES = "http://jabber.org/protocol/chatstates";
    private static final String HINTS = "urn:xmpp:hints";

    private final LocalUsers users;

    ChatStateFilter(String domain) {
        this.users = new LocalUsers(domain);
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed)
            throws PacketRejectedException {
        if (!incoming || processed || !(packet instanceof Message message) || !onlyChatState(message)) {
            return;
        }
        JID to = message.getTo();
        if (users.contains(to) && XMPPServer.getInstance().getSessionManager().getSessions(to.getNode()).isEmpty()) {
            throw new PacketRejectedException();
        }
    }

    static boolean onlyChatState(Message message) {
        if (message.getBody() != null || message.getType() == Message.Type.error) {
            return false;
        }
        boolean chatState = false;
        for (Element child : message.getElement().elements()) {
            String namespace = child.getNamespaceURI();
            if (CHAT_STATES.equals(namespace)) {
                chatState = true;
            } else if (!HINTS.equals(namespace) && !child.getName().equals("thread")) {
                return false;
            }
        }
        return chatState;
    }
}
