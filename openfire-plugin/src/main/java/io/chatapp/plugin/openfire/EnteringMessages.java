package io.chatapp.plugin.openfire;

import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/** What an interceptor that follows one-to-one messages looks at: each once, as it enters the server. */
public final class EnteringMessages {

    private EnteringMessages() {
    }

    /**
     * The packet as a one-to-one message (neither an error nor a groupchat) entering the server, before Openfire
     * routes it; null for anything else, including the copies Openfire delivers to sessions.
     */
    public static Message oneToOne(Packet packet, boolean incoming, boolean processed) {
        if (!incoming || processed || !(packet instanceof Message message)
                || message.getType() == Message.Type.error || message.getType() == Message.Type.groupchat) {
            return null;
        }
        return message;
    }
}
