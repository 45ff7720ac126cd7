package io.chatapp.client.internal.calls;

import io.chatapp.client.internal.calls.jingle.JingleIQ;
import io.chatapp.client.internal.calls.jmi.JmiElement;
import io.chatapp.client.internal.calls.media.IceServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.hints.element.StoreHint;
import org.jxmpp.jid.Jid;

/**
 * Sends what calls send: JMI messages ({@code type="chat"} with a {@code <store/>} hint, so carbons and the archive
 * carry them to every device and standard clients keep their call logs) and Jingle requests, over the client's
 * current connection.
 */
public final class CallStanzas {

    private static final Logger LOG = Logger.getLogger(CallStanzas.class.getName());

    private final Supplier<XMPPTCPConnection> connection;

    public CallStanzas(Supplier<XMPPTCPConnection> connection) {
        this.connection = connection;
    }

    /** This client's full address, or null when not logged in. */
    Jid me() {
        return connection.get().getUser();
    }

    void message(Jid to, JmiElement element) {
        XMPPTCPConnection current = connection.get();
        MessageBuilder builder = current.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat)
                .addExtension(element).addExtension(StoreHint.INSTANCE);
        try {
            current.sendStanza(builder.build());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not send " + element.getElementName() + " to " + to, e);
        }
    }

    /** Sends a Jingle request; the future fails when the peer answers with an error or not at all. */
    CompletableFuture<IQ> jingle(Jid to, JingleIQ request) {
        request.setTo(to);
        CompletableFuture<IQ> answer = new CompletableFuture<>();
        try {
            connection.get().sendIqRequestAsync(request).onSuccess(answer::complete)
                    .onError(answer::completeExceptionally);
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    void send(IQ iq) {
        try {
            connection.get().sendStanza(iq);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not send a Jingle answer", e);
        }
    }

    /**
     * Whether the peer's device does RTP video (XEP-0167 {@code urn:xmpp:jingle:apps:rtp:video} in its service
     * discovery, usually answered from the entity-caps cache); null when it cannot be told (no answer).
     */
    CompletableFuture<Boolean> supportsVideo(Jid peer) {
        XMPPTCPConnection current = connection.get();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ServiceDiscoveryManager.getInstanceFor(current).supportsFeature(peer, CallFeatures.RTP_VIDEO);
            } catch (Exception e) {
                LOG.log(Level.FINE, "Could not discover the features of " + peer, e);
                return null;
            }
        });
    }

    /** The server's STUN and TURN services (XEP-0215); none when it offers none or does not answer. */
    CompletableFuture<List<IceServer>> iceServers() {
        XMPPTCPConnection current = connection.get();
        ExternalServicesIQ request = ExternalServicesIQ.request();
        request.setTo(current.getXMPPServiceDomain());
        CompletableFuture<List<IceServer>> servers = new CompletableFuture<>();
        try {
            current.sendIqRequestAsync(request).onSuccess(
                    iq -> servers.complete(iq instanceof ExternalServicesIQ services ? services.servers() : List.of()))
                    .onError(e -> servers.complete(List.of()));
        } catch (RuntimeException e) {
            servers.complete(List.of());
        }
        return servers;
    }
}
