package io.chatapp.plugin.archive.openfire;

import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.BodyLimit;
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
 * Refuses a message whose text is over {@link BodyLimit} as Openfire first routes it, whatever its type and address
 * (one-to-one, groupchat to a group room, to another server): the sender gets {@code policy-violation} (modify)
 * naming the limit and keeps its connection; nobody receives the message and nothing archives it. Installed before
 * the plugin's other interceptors, which Openfire calls in the order they were added, so the archive and the groups
 * never see such a message.
 */
final class BodyLimitInterceptor implements PacketInterceptor {

    private final BodyLimit limit;
    private final PluginRouting routing;

    BodyLimitInterceptor(BodyLimit limit, PluginRouting routing) {
        this.limit = limit;
        this.routing = routing;
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed)
            throws PacketRejectedException {
        if (!incoming || processed || !(packet instanceof Message message)) {
            return;
        }
        List<Element> bodyElements = message.getElement().elements("body");
        if (bodyElements.isEmpty()) {
            return;
        }
        List<String> bodies = new ArrayList<>(bodyElements.size());
        bodyElements.forEach(body -> bodies.add(body.getText()));
        if (limit.allows(bodies)) {
            return;
        }
        // An error is never answered with an error (RFC 6120 §8.3.1); it is only dropped.
        if (message.getType() != Message.Type.error && message.getFrom() != null) {
            refuse(message);
        }
        throw new PacketRejectedException(limit.refusal());
    }

    private void refuse(Message message) {
        Message error = new Message();
        error.setType(Message.Type.error);
        error.setID(message.getID());
        error.setFrom(message.getTo());
        error.setTo(message.getFrom());
        error.setError(PluginRouting.error(StanzaError.POLICY_VIOLATION, limit.refusal()));
        routing.route(error);
    }
}
