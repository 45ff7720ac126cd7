package io.chatapp.plugin.receipts.openfire;

import io.chatapp.plugin.openfire.AsyncIqHandler;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.receipts.MessageInfoResult;
import io.chatapp.plugin.receipts.MessageInfoService;
import io.chatapp.plugin.receipts.ReceiptsXml;
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

    static final String NAMESPACE = ReceiptsXml.NAMESPACE;

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
        if (child.getName().equals("read-marks")) {
            ReceiptsXml.ReadMarksRequest marks = ReceiptsXml.parseReadMarksRequest(child)
                    .orElseThrow(() -> badRequest("'with' must be a JID"));
            return messageInfo.readMarks(requester, marks.with())
                    .thenApply(found -> reply(request, ReceiptsXml.readMarksResponse(found)));
        }
        String reference = ReceiptsXml.parseInfoRequest(child)
                .orElseThrow(() -> badRequest("expected <info id='…'/> naming a message you sent"));
        return messageInfo.info(requester, reference).thenApply(result -> {
            if (result instanceof MessageInfoResult.Found found) {
                return reply(request, ReceiptsXml.infoResponse(reference, found.info()));
            }
            if (result instanceof MessageInfoResult.NotSender) {
                throw new StanzaErrorException(StanzaError.FORBIDDEN, "only the sender of a message sees its info");
            }
            throw new StanzaErrorException(StanzaError.ITEM_NOT_FOUND, "you sent no message " + reference);
        });
    }

    private static StanzaErrorException badRequest(String text) {
        return new StanzaErrorException(StanzaError.BAD_REQUEST, text);
    }

    private static IQ reply(IQ request, Element payload) {
        IQ reply = IQ.createResultIQ(request);
        reply.setChildElement(payload);
        return reply;
    }
}
