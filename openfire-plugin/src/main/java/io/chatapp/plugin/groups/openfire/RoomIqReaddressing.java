package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.Map;
import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * Takes an IQ a client sent to a group room away from the room, to be answered by the plugin as if by the room. An
 * interceptor cannot simply drop an IQ: Openfire then answers {@code not-allowed} itself. So the IQ is readdressed to
 * the server, its payload renamed to an element of {@code urn:chatapp:groups:0} that {@link GroupIqHandler} handles,
 * with the room and the payload's own name kept in attributes; {@link #restore} gives back the IQ as it was sent.
 */
final class RoomIqReaddressing {

    private static final String ROOM = "chatapp-room";
    private static final String ELEMENT = "chatapp-element";
    private static final String NAMESPACE = "chatapp-namespace";

    private RoomIqReaddressing() {
    }

    /** Readdresses the IQ to {@code domain} as element {@code as} of urn:chatapp:groups:0, with extra attributes. */
    static void readdress(IQ iq, String domain, String as, Map<String, String> extra) {
        Element payload = iq.getChildElement();
        payload.addAttribute(ROOM, iq.getTo().toBareJID());
        payload.addAttribute(ELEMENT, payload.getName());
        payload.addAttribute(NAMESPACE, payload.getNamespaceURI());
        extra.forEach(payload::addAttribute);
        payload.setQName(QName.get(as, GroupIqHandler.NAMESPACE));
        iq.setTo(domain);
    }

    /** An extra attribute given to {@link #readdress}. */
    static String extra(IQ readdressed, String name) {
        return readdressed.getChildElement().attributeValue(name);
    }

    /**
     * The IQ as the client sent it to the room. A client may send an element of these names to the server itself:
     * without a room's address and an element name it was not readdressed, and is refused as {@code bad-request}
     * (rather than reaching the handlers without an addressee).
     */
    static IQ restore(IQ readdressed, String... extras) {
        IQ original = readdressed.createCopy();
        Element payload = original.getChildElement();
        original.setTo(room(payload.attributeValue(ROOM)));
        String element = payload.attributeValue(ELEMENT);
        String namespace = payload.attributeValue(NAMESPACE);
        if (element == null || element.isBlank() || namespace == null) {
            throw notReaddressed();
        }
        payload.setQName(QName.get(element, namespace));
        for (String name : concat(extras)) {
            Attribute attribute = payload.attribute(name);
            if (attribute != null) {
                payload.remove(attribute);
            }
        }
        return original;
    }

    private static JID room(String address) {
        if (address == null) {
            throw notReaddressed();
        }
        try {
            JID room = new JID(address);
            if (room.getNode() == null || room.getResource() != null) {
                throw notReaddressed();
            }
            return room;
        } catch (IllegalArgumentException e) {
            throw notReaddressed();
        }
    }

    private static StanzaErrorException notReaddressed() {
        return new StanzaErrorException(StanzaError.BAD_REQUEST, "not a request to a group");
    }

    private static String[] concat(String[] extras) {
        String[] all = new String[extras.length + 3];
        all[0] = ROOM;
        all[1] = ELEMENT;
        all[2] = NAMESPACE;
        System.arraycopy(extras, 0, all, 3, extras.length);
        return all;
    }
}
