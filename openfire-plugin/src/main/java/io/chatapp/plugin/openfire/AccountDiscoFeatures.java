package io.chatapp.plugin.openfire;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.dom4j.Element;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/**
 * Features the plugin offers on every account, added to the disco#info answer a user gets about their own bare JID
 * (XEP-0313 §6.1: a client looks for {@code urn:xmpp:mam:2} there; XEP-0359's {@code urn:xmpp:sid:0} likewise).
 * Openfire answers that query itself, differently by version: 4.2 lists the server's features there (which include
 * ours, {@code IQDiscoInfoHandler.addServerFeature}), 5.x lists only what its own account-level providers name
 * (an API 4.2 lacks). So the answer is completed on its way out to the user, whoever built it; a feature already
 * listed is not added twice.
 */
final class AccountDiscoFeatures implements PacketInterceptor {

    static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";

    private final String domain;
    private final Set<String> features = new CopyOnWriteArraySet<>();

    AccountDiscoFeatures(String domain) {
        this.domain = domain;
    }

    void add(String feature) {
        features.add(feature);
    }

    void remove(String feature) {
        features.remove(feature);
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed) {
        if (incoming || processed || !(packet instanceof IQ iq) || !isOwnAccountInfo(iq)) {
            return;
        }
        complete(iq.getChildElement(), features);
    }

    /** A disco#info result from an account of this server's bare JID to that account, about no particular node. */
    private boolean isOwnAccountInfo(IQ iq) {
        JID from = iq.getFrom();
        JID to = iq.getTo();
        Element query = iq.getChildElement();
        return iq.getType() == IQ.Type.result && query != null && DISCO_INFO.equals(query.getNamespaceURI())
                && query.attributeValue("node") == null && from != null && to != null && from.getNode() != null
                && from.getResource() == null && domain.equals(from.getDomain()) && from.toBareJID().equals(
                to.toBareJID());
    }

    /** Adds each feature the query does not list yet. */
    static void complete(Element query, Iterable<String> features) {
        for (String feature : features) {
            boolean listed = query.elements("feature").stream()
                    .anyMatch(element -> feature.equals(element.attributeValue("var")));
            if (!listed) {
                query.addElement("feature", DISCO_INFO).addAttribute("var", feature);
            }
        }
    }
}
