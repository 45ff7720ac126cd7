package io.chatapp.plugin.archive.openfire;

import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.MessageLimits;
import io.chatapp.plugin.xmpp.StanzaError;
import java.util.ArrayList;
import java.util.List;
import org.dom4j.Element;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Refuses a message over {@link MessageLimits} (its text, or an id) as Openfire first routes it, whatever its type and
 * address (one-to-one, groupchat to a group room, to another server): the sender gets {@code policy-violation}
 * (modify) naming the limit and keeps its connection; nobody receives the message and nothing archives it. Installed
 * before the plugin's other interceptors, which Openfire calls in the order they were added, so the archive, the
 * receipts, the calls and the groups never see such a message.
 */
final class MessageLimitsInterceptor implements PacketInterceptor {

    private final MessageLimits limits;
    private final PluginRouting routing;

    MessageLimitsInterceptor(MessageLimits limits, PluginRouting routing) {
        this.limits = limits;
        this.routing = routing;
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed)
            throws PacketRejectedException {
        if (!incoming || processed || !(packet instanceof Message message)) {
            return;
        }
        // An error carries the id of what it answers (ours echo a refused message's), and nothing keeps its ids.
        String refusal = refusal(message.getElement(), message.getType() != Message.Type.error);
        if (refusal == null) {
            return;
        }
        // An error is never answered with an error (RFC 6120 §8.3.1); it is only dropped.
        if (message.getType() != Message.Type.error && message.getFrom() != null) {
            refuse(message, refusal);
        }
        throw new PacketRejectedException(refusal);
    }

    /** Why the message is over a limit; null when it is not. */
    private String refusal(Element message, boolean checkIds) {
        if (checkIds && !limits.allowsId(message.attributeValue("id"))) {
            return limits.idRefusal();
        }
        List<String> bodies = null;
        for (Element child : message.elements()) {
            if (checkIds && !limits.allowsId(child.attributeValue("id"))) {
                return limits.idRefusal();
            }
            if ("body".equals(child.getName())) {
                if (bodies == null) {
                    bodies = new ArrayList<>(1);
                }
                bodies.add(child.getText());
            }
        }
        return bodies == null || limits.allowsBodies(bodies) ? null : limits.bodyRefusal();
    }

    private void refuse(Message message, String refusal) {
        Message error = new Message();
        error.setType(Message.Type.error);
        error.setID(message.getID());
        error.setFrom(message.getTo());
        error.setTo(message.getFrom());
        error.setError(PluginRouting.error(StanzaError.POLICY_VIOLATION, refusal));
        routing.route(error);
    }
}
