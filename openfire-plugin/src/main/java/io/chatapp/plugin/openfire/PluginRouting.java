package io.chatapp.plugin.openfire;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.jivesoftware.openfire.PacketRouter;
import org.jivesoftware.openfire.XMPPServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/**
 * Sends stanzas the plugin produces (IQ answers, archive results, checked retractions, errors) through Openfire's
 * {@link PacketRouter}, so they take the same path as any other stanza: offline storage, carbons, interceptors.
 *
 * <p>A stanza the plugin held back to check off the packet thread and then releases is "cleared": the interceptor
 * that held it back lets it pass the second time. Cleared stanzas are tracked by identity, not equality.
 */
public final class PluginRouting {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRouting.class);
    private static final String STANZA_ERRORS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private final Set<Packet> cleared = Collections.synchronizedSet(Collections.newSetFromMap(
            new IdentityHashMap<>()));

    public void route(Packet packet) {
        router().route(packet);
    }

    /** Routes a stanza that was held back and has now passed its check. */
    public void routeCleared(Packet packet) {
        cleared.add(packet);
        try {
            route(packet);
        } finally {
            cleared.remove(packet);
        }
    }

    /** Whether this stanza is one {@link #routeCleared} is routing right now. */
    public boolean isCleared(Packet packet) {
        return cleared.contains(packet);
    }

    /** The error answer to an IQ for a failure of the work behind it. */
    public static IQ errorReply(IQ request, Throwable failure) {
        IQ reply = IQ.createResultIQ(request);
        reply.setChildElement(request.getChildElement().createCopy());
        reply.setError(error(failure));
        return reply;
    }

    /** A stanza error for a failure: the plugin's own refusal, or internal-server-error for anything unexpected. */
    public static PacketError error(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof StanzaErrorException refusal) {
            return error(refusal.error(), refusal.getMessage());
        }
        LOG.warn("Request failed: {}", cause.toString(), cause);
        return error(StanzaError.INTERNAL_SERVER_ERROR, null);
    }

    /**
     * Written as XML rather than through Tinder's condition enum: the Tinder of Openfire 4.2 predates RFC 6120 and
     * has no {@code policy-violation}.
     */
    public static PacketError error(StanzaError error, String text) {
        Element element = DocumentHelper.createElement("error");
        element.addAttribute("type", error.type());
        element.addElement(QName.get(error.condition(), STANZA_ERRORS));
        if (text != null) {
            // Every text the plugin writes is English (RFC 6120 §8.3.2: the language of the text).
            element.addElement(QName.get("text", STANZA_ERRORS))
                    .addAttribute(QName.get("lang", Namespace.XML_NAMESPACE), "en").setText(text);
        }
        return new PacketError(element);
    }

    private static PacketRouter router() {
        return XMPPServer.getInstance().getPacketRouter();
    }
}
