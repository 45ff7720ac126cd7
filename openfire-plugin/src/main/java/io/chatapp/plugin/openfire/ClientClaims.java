package io.chatapp.plugin.openfire;

import java.util.List;
import org.dom4j.Element;
import org.xmpp.packet.Message;

/**
 * What only the server or a room may say about a message, removed from what a client sends: archive ids
 * (XEP-0359 {@code <stanza-id/>}: only the archive that assigned one adds it, §5) and, in a group message, the
 * sender's real address (a muc#user {@code <item jid/>}: the plugin adds the true one). Left in, a member could
 * name another member as a message's sender, or give everyone a made-up archive id that breaks their catch-up.
 */
public final class ClientClaims {

    private static final String STANZA_IDS = "urn:xmpp:sid:0";
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    private ClientClaims() {
    }

    /** Removes every {@code <stanza-id/>} a client put directly in its message. */
    public static void removeStanzaIds(Message message) {
        remove(message.getElement(), "stanza-id", STANZA_IDS);
    }

    /** Removes the stanza ids and any muc#user {@code <x/>} from a client's group message. */
    public static void removeFromGroupMessage(Message message) {
        removeStanzaIds(message);
        remove(message.getElement(), "x", MUC_USER);
    }

    private static void remove(Element parent, String name, String namespace) {
        for (Element child : List.copyOf(parent.elements(name))) {
            if (namespace.equals(child.getNamespaceURI())) {
                parent.remove(child);
            }
        }
    }
}
