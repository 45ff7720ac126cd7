package io.chatapp.plugin.openfire;

import io.chatapp.plugin.archive.ArchiveIds;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.session.ClientSession;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;

/**
 * "Delete for me" ({@code urn:chatapp:archive:0}, docs/protocol.md): hides a message from the requester's own archive
 * view and tells their other online devices; the other party's archive is untouched.
 */
final class HideIqHandler extends AsyncIqHandler {

    static final String NAMESPACE = "urn:chatapp:archive:0";

    private final MessageArchive archive;

    HideIqHandler(MessageArchive archive, PluginRouting routing) {
        super("chat-app delete for me", "hide", NAMESPACE, routing);
        this.archive = archive;
    }

    @Override
    protected CompletableFuture<IQ> answer(IQ request) {
        if (request.getType() != IQ.Type.set || !request.getChildElement().getName().equals("hide")) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "expected an IQ set with <hide id='…'/>");
        }
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
            tellOtherDevices(request, text);
            return IQ.createResultIQ(request);
        });
    }

    private void tellOtherDevices(IQ request, String id) {
        for (ClientSession session : XMPPServer.getInstance().getSessionManager().getSessions(
                request.getFrom().getNode())) {
            if (session.getAddress().equals(request.getFrom())) {
                continue;
            }
            Message notice = new Message();
            notice.setType(Message.Type.headline);
            notice.setFrom(request.getFrom().toBareJID());
            notice.setTo(session.getAddress());
            notice.addChildElement("hidden", NAMESPACE).addAttribute("id", id);
            routing.route(notice);
        }
    }
}
