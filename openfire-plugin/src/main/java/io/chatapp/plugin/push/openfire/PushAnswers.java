package io.chatapp.plugin.push.openfire;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.dom4j.Element;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/**
 * Catches the app servers' answers to our publishes on their way in. A publish is sent from the user's bare JID
 * (XEP-0357 §7), so its answer is addressed to the account, where no handler expects it; Openfire's own result
 * listeners only see answers to the server's domain on 4.2. The answer is matched by id and sender, and its payload
 * is removed so that Openfire drops it quietly (an answer without a child element is dropped on every version)
 * instead of handing an error to the account's PEP service.
 */
final class PushAnswers implements PacketInterceptor {

    private record Pending(JID from, CompletableFuture<IQ> answer) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Expects the answer to the request with this id from that entity. */
    CompletableFuture<IQ> expect(String id, JID from) {
        CompletableFuture<IQ> answer = new CompletableFuture<>();
        pending.put(id, new Pending(from, answer));
        answer.whenComplete((iq, failure) -> pending.remove(id));
        return answer;
    }

    int waiting() {
        return pending.size();
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed) {
        if (!incoming || processed || !(packet instanceof IQ iq)
                || (iq.getType() != IQ.Type.result && iq.getType() != IQ.Type.error) || iq.getID() == null) {
            return;
        }
        Pending expected = pending.get(iq.getID());
        if (expected == null || iq.getFrom() == null || !sameEntity(expected.from(), iq.getFrom())) {
            return;
        }
        IQ answer = iq.createCopy();
        for (Element child : iq.getElement().elements()) {
            if (!child.getName().equals("error")) {
                iq.getElement().remove(child);
            }
        }
        expected.answer().complete(answer);
    }

    /** The app server may answer from the JID we sent to, or from a full JID of that bare JID. */
    private static boolean sameEntity(JID sentTo, JID from) {
        return sentTo.equals(from) || (sentTo.getResource() == null && sentTo.toBareJID().equals(from.toBareJID()));
    }
}
