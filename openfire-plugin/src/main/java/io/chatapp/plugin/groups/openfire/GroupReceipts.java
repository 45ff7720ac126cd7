package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.groups.GroupReadState;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.receipts.MessageInfoService;
import io.chatapp.plugin.receipts.ReceiptRecorder;
import io.chatapp.plugin.receipts.ReceiptsXml;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.concurrent.CompletableFuture;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;

/**
 * Group receipts and markers on the packet path (the rules are {@link GroupReadState}'s): a member's bodiless XEP-0184
 * receipt or XEP-0333 marker addressed to a group room is recorded, and passed on to the occupants only when a
 * standard client sent it as {@code groupchat} ({@link #consume}); a milestone is told to the sender as
 * a headline from the room; message info of a group message ({@code urn:chatapp:receipts:0} {@code <info/>} to the
 * room) is answered.
 */
final class GroupReceipts {

    static final String READDRESSED = "message-info";

    private final GroupReadState state;

    private final PluginRouting routing;

    GroupReceipts(GroupService groups, ReceiptRecorder receipts, MessageInfoService info, MessageArchive archive,
                  PluginRouting routing) {
        this.routing = routing;
        this.state = new GroupReadState(groups, receipts, info, archive, this::tell);
    }

    /** A milestone, as a headline from the room to the message's sender. */
    private void tell(String room, String sender, GroupReadState.Milestone milestone, String archiveId,
                      String messageId) {
        Message headline = new Message();
        headline.setType(Message.Type.headline);
        headline.setFrom(room);
        headline.setTo(sender);
        Element element = headline.addChildElement(milestone.element(), GroupIqHandler.NAMESPACE)
                .addAttribute("id", archiveId);
        if (messageId != null) {
            element.addAttribute("message-id", messageId);
        }
        routing.route(headline);
    }

    /**
     * Records a member's receipt or marker to the room; returns whether it is to be dropped. Our library sends its
     * receipts and markers as {@code chat} to the room: recorded only, never fanned out (each member's would reach
     * every member, N² messages for one read group). Standard clients send theirs as {@code groupchat}, which the
     * room reflects to every occupant as XEP-0333 expects (other standard clients show who read what): recorded and
     * let through.
     */
    boolean consume(Message message, String room, String member) {
        Element received = message.getChildElement("received", ReceiptsXml.DELIVERY_RECEIPTS);
        Element displayed = message.getChildElement("displayed", ReceiptsXml.CHAT_MARKERS);
        if (message.getBody() != null || (received == null && displayed == null)) {
            return false;
        }
        state.noted(room, member, received == null ? null : received.attributeValue("id"),
                displayed == null ? null : displayed.attributeValue("id"));
        return message.getType() != Message.Type.groupchat;
    }

    static boolean isInfoRequest(IQ iq) {
        return iq.getType() == IQ.Type.get && iq.getChildElement() != null
                && ReceiptsXml.INFO.equals(iq.getChildElement().getQName());
    }

    /** Message info of a group message, for its sender. */
    CompletableFuture<IQ> answer(IQ request) {
        String reference = ReceiptsXml.parseInfoRequest(request.getChildElement()).orElse(null);
        if (reference == null) {
            return CompletableFuture.completedFuture(PluginRouting.errorReply(request,
                    new StanzaErrorException(StanzaError.BAD_REQUEST, "id is required")));
        }
        return state.messageInfo(request.getTo().toBareJID(), request.getFrom().toBareJID(), reference)
                .thenApply(info -> {
                    IQ reply = IQ.createResultIQ(request);
                    reply.setChildElement(ReceiptsXml.infoResponse(reference, info));
                    return reply;
                }).exceptionally(failure -> PluginRouting.errorReply(request, failure));
    }
}
