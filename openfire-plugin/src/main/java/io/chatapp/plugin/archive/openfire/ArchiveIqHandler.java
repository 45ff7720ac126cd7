package io.chatapp.plugin.archive.openfire;

import io.chatapp.plugin.archive.ArchiveIds;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.openfire.AsyncIqHandler;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * {@code urn:chatapp:archive:0} (docs/protocol.md): "delete for me", which hides a message from the requester's own
 * archive view and tells their other online devices (the other party's archive is untouched); and retraction with a
 * definite answer, for clients that want one (standard clients send the XEP-0424 message themselves).
 */
final class ArchiveIqHandler extends AsyncIqHandler {

    static final String NAMESPACE = "urn:chatapp:archive:0";

    private final MessageArchive archive;
    private final RetractionGate retractions;

    ArchiveIqHandler(MessageArchive archive, RetractionGate retractions, PluginRouting routing) {
        super("chat-app archive requests", "hide", NAMESPACE, routing);
        this.archive = archive;
        this.retractions = retractions;
    }

    @Override
    protected CompletableFuture<IQ> answer(IQ request) {
        String element = request.getChildElement().getName();
        if (request.getType() != IQ.Type.set || !(element.equals("hide") || element.equals("retract"))) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST,
                    "expected an IQ set with <hide id='…'/> or <retract with='…' id='…'/>");
        }
        return element.equals("hide") ? hide(request) : retract(request);
    }

    private CompletableFuture<IQ> retract(IQ request) {
        Element retract = request.getChildElement();
        String with = retract.attributeValue("with");
        String reference = retract.attributeValue("id");
        if (with == null || reference == null || reference.isBlank()) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "retract needs 'with' and the message 'id'");
        }
        String peer = new JID(with).toBareJID();
        String retractionId = retract.attributeValue("message-id");
        return retractions.retractFor(request.getFrom(), peer, reference,
                        retractionId == null || retractionId.isBlank() ? UUID.randomUUID().toString() : retractionId)
                .thenApply(done -> IQ.createResultIQ(request));
    }

    private CompletableFuture<IQ> hide(IQ request) {
        String text = request.getChildElement().attributeValue("id");
        if (text == null || text.isBlank()) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "hide needs the archive id of the message");
        }
        OptionalLong id = ArchiveIds.parse(text);
        if (id.isEmpty()) {
            throw new StanzaErrorException(StanzaError.ITEM_NOT_FOUND, "no message " + text + " in your archive");
        }
        String owner = requester(request);
        return archive.hide(owner, id.getAsLong()).thenApply(hidden -> {
            if (!hidden) {
                throw new StanzaErrorException(StanzaError.ITEM_NOT_FOUND, "no message " + text
                        + " in your archive");
            }
            HiddenNotices.tellOtherDevices(request.getFrom(), text, routing);
            return IQ.createResultIQ(request);
        });
    }
}
