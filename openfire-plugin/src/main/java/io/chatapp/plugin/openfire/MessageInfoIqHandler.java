package io.chatapp.plugin.openfire;

import io.chatapp.plugin.receipts.MessageInfoService;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.concurrent.CompletableFuture;
import org.dom4j.Element;
import org.xmpp.packet.IQ;

/**
 * {@code urn:chatapp:receipts:0} (docs/protocol.md): "message info" for the sender of a message, and the read marks
 * a user's devices use to catch up on what was read elsewhere.
 */
final class MessageInfoIqHandler extends AsyncIqHandler {

    static final String NAMESPACE = "urn:chatapp:receipts:0";

    private final MessageInfoService messageInfo;

    MessageInfoIqHandler(MessageInfoService messageInfo, PluginRouting routing) {
        super("chat-app message info", "info", NAMESPACE, routing);
        this.messageInfo = messageInfo;
    }

    @Override
    protected CompletableFuture<IQ> answer(IQ request) {
        Element child = request.getChildElement();
        if (request.getType() != IQ.Type.get) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "message info is read with an IQ get");
        }
        String requester = requester(request);
        return switch (child.getName()) {
            case "info" -> info(request, requester, child);
            case "read-marks" -> messageInfo.readMarks(requester, child.attributeValue("with"))
                    .thenApply(marks -> reply(request, ReceiptsXml.readMarks(marks)));
            default -> throw new StanzaErrorException(StanzaError.BAD_REQUEST, "unknown element "
                    + child.getName());
        };
    }

    private CompletableFuture<IQ> info(IQ request, String requester, Element child) {
        String reference = child.attributeValue("id");
        if (reference == null || reference.isBlank()) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "info needs the id of a message you sent");
        }
        return messageInfo.info(requester, reference).thenApply(result -> reply(request,
                ReceiptsXml.info(reference, result)));
    }

    private static IQ reply(IQ request, Element payload) {
        IQ reply = IQ.createResultIQ(request);
        reply.setChildElement(payload);
        return reply;
    }
}
