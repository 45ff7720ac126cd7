package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.archive.ArchiveQuery;
import io.chatapp.plugin.archive.ArchivedMessage;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.groups.GroupMember;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.groups.GroupSummary;
import io.chatapp.plugin.receipts.CoalescedChecks;
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
    static final String DELIVERED_ALL = "delivered-all";
    static final String READ_ALL = "read-all";
    /** How many messages before a marker's are checked for "read by all" (one archive page). */
    static final int EARLIER = 100;

    private final GroupService groups;
    private final ReceiptRecorder receipts;
    private final MessageInfoService info;
    private final MessageArchive archive;
    private final PluginRouting routing;
    /** "delivered-all:id" / "read-all:id" already told to the sender. */
    private final java.util.Map<String, Boolean> told = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
                    return size() > 100_000;
                }
            });

    /** A message of a room whose "delivered/read by all" is to be checked ({@code marker}: earlier ones too). */
    private record Check(String room, String reference, boolean marker) {
    }

    private final CoalescedChecks<Check> checks = new CoalescedChecks<>(this::recorded,
            check -> checkAll(check.room(), check.reference(), check.marker()));

        GroupReceipts(GroupService groups, ReceiptRecorder receipts, MessageInfoService info, MessageArchive archive,
                  PluginRouting routing) {
        this.groups = groups;
        this.receipts = receipts;
        this.info = info;
        this.archive = archive;
        this.routing = routing;
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
            String id = received != null ? received.attributeValue("id") : displayed.attributeValue("id");
            if (id != null) {
                // One check per message and batch, not per receipt (a group of N sends N receipts per message).
                checks.request(new Check(room, id, displayed != null));
            }
        }
        return true;
    }

    /**
     * Once every other current member has received (read) a group message, tells its sender: a headline from the room
     * with {@code <delivered-all/>} ({@code <read-all/>}) of urn:chatapp:groups:0, once per message. (A sender who is
     * offline then learns it from message info.) A marker covers earlier messages too, so after one the
     * {@value #EARLIER} messages before the one it names are checked for "read by all" as well.
     */
    private CompletableFuture<Void> checkAll(String room, String reference, boolean marker) {
        // Runs from CoalescedChecks only, after its barrier (recorded()) waited for the receipts that asked for it.
        return archive.find(room, reference).thenCompose(found -> {
            ArchivedMessage message = found.orElse(null);
            String sender = message == null || message.stanzaXml() == null ? null : sender(message.stanzaXml());
            GroupSummary group = groups.group(room).orElse(null);
            if (sender == null || group == null) {
                return CompletableFuture.completedFuture(null);
            }
            List<String> others = group.members().stream().map(GroupMember::jid)
                    .filter(jid -> !jid.equals(sender)).toList();
            CompletableFuture<Void> named = info.recipientStates(message.id(), room, others).thenAccept(states -> {
                String id = io.chatapp.plugin.archive.ArchiveIds.format(message.id());
                if (!states.isEmpty() && states.stream().allMatch(state -> state.delivered() != null)) {
                    tell(room, sender, DELIVERED_ALL, id, message.messageId());
                }
                if (!states.isEmpty() && states.stream().allMatch(state -> state.read() != null)) {
                    tell(room, sender, READ_ALL, id, message.messageId());
                }
            });
            return marker ? named.thenCompose(done -> checkEarlierRead(room, message.id(), group)) : named;
        });
    }

    /** "Read by all" for the messages before {@code id}: one archive page and one query of the members' positions. */
    private CompletableFuture<Void> checkEarlierRead(String room, long id, GroupSummary group) {
        List<String> members = group.members().stream().map(GroupMember::jid).toList();
        return archive.query(room, new ArchiveQuery(room, null, null, null, id, EARLIER, true))
                .thenCombine(info.readPositions(room, members), (page, positions) -> {
                    for (ArchivedMessage earlier : page.messages()) {
                        String sender = earlier.stanzaXml() == null ? null : sender(earlier.stanzaXml());
                        if (sender == null) {
                            continue;
                        }
                        List<String> others = members.stream().filter(jid -> !jid.equals(sender)).toList();
                        if (!others.isEmpty() && others.stream().allMatch(jid -> positions.getOrDefault(jid, 0L)
                                >= earlier.id())) {
                            tell(room, sender, READ_ALL, io.chatapp.plugin.archive.ArchiveIds.format(earlier.id()),
                                    earlier.messageId());
                        }
                    }
                    return null;
                });
    }

    private void tell(String room, String sender, String what, String archiveId, String messageId) {
        if (told.putIfAbsent(what + ":" + archiveId, Boolean.TRUE) != null) {
            return;
        }
        Message headline = new Message();
        headline.setType(Message.Type.headline);
        headline.setFrom(room);
        headline.setTo(sender);
        Element element = headline.addChildElement(what, GroupIqHandler.NAMESPACE).addAttribute("id", archiveId);
        if (messageId != null) {
            element.addAttribute("message-id", messageId);
        }
        routing.route(headline);
    }

    private CompletableFuture<?> recorded() {
        return receipts.flushed();
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
