package io.chatapp.plugin.openfire;

import io.chatapp.plugin.archive.ArchivedMessage;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.groups.GroupMember;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.groups.GroupSummary;
import io.chatapp.plugin.receipts.MessageInfo;
import io.chatapp.plugin.receipts.MessageInfoService;
import io.chatapp.plugin.receipts.ReceiptRecorder;
import io.chatapp.plugin.receipts.ReceiptsXml;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;

/**
 * Delivery and read state of group messages. Members' XEP-0184 receipts and XEP-0333 markers addressed to a group
 * room (naming the message by its archive id, the room's stanza-id) are recorded and go no further, so a group of N
 * does not send N² acknowledgements to its occupants. The sender asks "message info" ({@code urn:chatapp:receipts:0}
 * {@code <info/>}) of the room and gets each current member's delivered and read times.
 */
final class GroupReceipts {

    static final String READDRESSED = "message-info";

    private final GroupService groups;
    private final ReceiptRecorder receipts;
    private final MessageInfoService info;
    private final MessageArchive archive;

    GroupReceipts(GroupService groups, ReceiptRecorder receipts, MessageInfoService info, MessageArchive archive) {
        this.groups = groups;
        this.receipts = receipts;
        this.info = info;
        this.archive = archive;
    }

    /** Records a member's receipt or marker to the room; returns whether the message was one (then it is dropped). */
    boolean consume(Message message, String room, String member) {
        Element received = message.getChildElement("received", ReceiptsXml.DELIVERY_RECEIPTS);
        Element displayed = message.getChildElement("displayed", ReceiptsXml.CHAT_MARKERS);
        if (message.getBody() != null || (received == null && displayed == null)) {
            return false;
        }
        if (groups.role(room, member).isPresent()) {
            if (received != null && received.attributeValue("id") != null) {
                receipts.groupDelivered(room, member, received.attributeValue("id"), null);
            }
            if (displayed != null && displayed.attributeValue("id") != null) {
                receipts.groupDisplayed(member, room, displayed.attributeValue("id"), null);
            }
        }
        return true;
    }

    static boolean isInfoRequest(IQ iq) {
        return iq.getType() == IQ.Type.get && iq.getChildElement() != null
                && ReceiptsXml.INFO.equals(iq.getChildElement().getQName());
    }

    /** Message info of a group message, for its sender: each current member but the sender. */
    CompletableFuture<IQ> answer(IQ request) {
        String room = request.getTo().toBareJID();
        String requester = request.getFrom().toBareJID();
        String reference = ReceiptsXml.parseInfoRequest(request.getChildElement()).orElse(null);
        if (reference == null) {
            return error(request, StanzaError.BAD_REQUEST, "id is required");
        }
        GroupSummary group = groups.group(room).orElse(null);
        if (group == null || group.members().stream().noneMatch(m -> m.jid().equals(requester))) {
            return error(request, StanzaError.FORBIDDEN, "not a member of this group");
        }
        List<String> others = group.members().stream().map(GroupMember::jid).filter(jid -> !jid.equals(requester))
                .toList();
        return receipts.flushed().thenCompose(done -> archive.find(room, reference)).thenCompose(found -> {
            ArchivedMessage message = found.orElse(null);
            if (message == null || message.stanzaXml() == null) {
                return error(request, StanzaError.ITEM_NOT_FOUND, "no such message in this group");
            }
            if (!requester.equals(sender(message.stanzaXml()))) {
                return error(request, StanzaError.FORBIDDEN, "only the sender may ask");
            }
            return info.recipientStates(message.id(), room, others).thenApply(states -> {
                IQ reply = IQ.createResultIQ(request);
                reply.setChildElement(ReceiptsXml.infoResponse(reference, new MessageInfo(message.id(),
                        message.messageId(), message.receivedAt(), states)));
                return reply;
            });
        }).exceptionally(failure -> PluginRouting.errorReply(request, failure));
    }

    /** The real sender of an archived group message (the room's archive keeps it in a muc#user item). */
    private static String sender(String stanzaXml) {
        try {
            Element user = DocumentHelper.parseText(stanzaXml).getRootElement().element(
                    org.dom4j.QName.get("x", GroupOccupants.MUC_USER));
            Element item = user == null ? null : user.element(org.dom4j.QName.get("item", GroupOccupants.MUC_USER));
            return item == null ? null : item.attributeValue("jid");
        } catch (DocumentException e) {
            return null;
        }
    }

    private static CompletableFuture<IQ> error(IQ request, StanzaError error, String text) {
        return CompletableFuture.completedFuture(PluginRouting.errorReply(request,
                new StanzaErrorException(error, text)));
    }
}
