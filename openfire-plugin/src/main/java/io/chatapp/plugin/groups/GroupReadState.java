package io.chatapp.plugin.groups;

import io.chatapp.plugin.archive.ArchiveIds;
import io.chatapp.plugin.archive.ArchiveQuery;
import io.chatapp.plugin.archive.ArchivedMessage;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.receipts.CoalescedChecks;
import io.chatapp.plugin.receipts.MessageInfo;
import io.chatapp.plugin.receipts.MessageInfoService;
import io.chatapp.plugin.receipts.ReceiptRecorder;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;

/**
 * Delivery and read state of group messages (XEP-0184 receipts and XEP-0333 markers that members address to a group
 * room, naming the message by its archive id). Each is recorded for message info; once every other current member has
 * received (read) a message, its sender is told so, once per message. A marker covers earlier messages too, so after
 * one the {@value #EARLIER} messages before the one it names are checked for "read by all" as well. The check runs
 * once per message and batch of receipts (a group of N sends N receipts per message), not once per receipt.
 */
public final class GroupReadState {

    /** How many messages before a marker's are checked for "read by all" (one archive page). */
    public static final int EARLIER = 100;
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    private static final int TOLD_REMEMBERED = 100_000;

    /** What a message's sender is told. */
    public enum Milestone {
        DELIVERED_ALL("delivered-all"), READ_ALL("read-all");

        private final String element;

        Milestone(String element) {
            this.element = element;
        }

        /** The element name in {@code urn:chatapp:groups:0}. */
        public String element() {
            return element;
        }
    }

    /** Tells a message's sender a milestone (the binding sends it as a headline from the room). */
    @FunctionalInterface
    public interface SenderNotice {
        void tell(String room, String sender, Milestone milestone, String archiveId, String messageId);
    }

    /** A message of a room whose "delivered/read by all" is to be checked ({@code marker}: earlier ones too). */
    private record Check(String room, String reference, boolean marker) {
    }

    private final GroupService groups;
    private final ReceiptRecorder receipts;
    private final MessageInfoService info;
    private final MessageArchive archive;
    private final SenderNotice notice;
    /** "DELIVERED_ALL:id" / "READ_ALL:id" already told, bounded. */
    private final Map<String, Boolean> told = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > TOLD_REMEMBERED;
                }
            });
    private final CoalescedChecks<Check> checks;

    public GroupReadState(GroupService groups, ReceiptRecorder receipts, MessageInfoService info,
                          MessageArchive archive, SenderNotice notice) {
        this.groups = groups;
        this.receipts = receipts;
        this.info = info;
        this.archive = archive;
        this.notice = notice;
        this.checks = new CoalescedChecks<>(receipts::flushed,
                check -> checkAll(check.room(), check.reference(), check.marker()));
    }

    /**
     * A receipt ({@code receivedId}) and/or marker ({@code displayedId}) a user sent to the room. Recorded only for a
     * member; the stanza goes no further either way, so a group of N does not send N² acknowledgements.
     */
    public void noted(String room, String member, String receivedId, String displayedId) {
        if (groups.role(room, member).isEmpty()) {
            return;
        }
        if (receivedId != null) {
            receipts.groupDelivered(room, member, receivedId, null);
        }
        if (displayedId != null) {
            receipts.groupDisplayed(member, room, displayedId, null);
        }
        String id = receivedId != null ? receivedId : displayedId;
        if (id != null) {
            checks.request(new Check(room, id, displayedId != null));
        }
    }

    /** Message info of a group message, for its sender only: each current member but the sender. */
    public CompletableFuture<MessageInfo> messageInfo(String room, String requester, String reference) {
        GroupSummary group = groups.group(room).orElse(null);
        if (group == null || group.members().stream().noneMatch(m -> m.jid().equals(requester))) {
            return CompletableFuture.failedFuture(new StanzaErrorException(StanzaError.FORBIDDEN,
                    "not a member of this group"));
        }
        List<String> others = group.members().stream().map(GroupMember::jid).filter(jid -> !jid.equals(requester))
                .toList();
        return receipts.flushed().thenCompose(done -> archive.find(room, reference)).thenCompose(found -> {
            ArchivedMessage message = found.orElse(null);
            if (message == null || message.retracted()) {
                throw new StanzaErrorException(StanzaError.ITEM_NOT_FOUND, "no such message in this group");
            }
            if (!requester.equals(sender(message.stanzaXml()))) {
                throw new StanzaErrorException(StanzaError.FORBIDDEN, "only the sender may ask");
            }
            return info.recipientStates(message.id(), room, others).thenApply(states -> new MessageInfo(message.id(),
                    message.messageId(), message.receivedAt(), states));
        });
    }

    private CompletableFuture<Void> checkAll(String room, String reference, boolean marker) {
        // Runs from CoalescedChecks only, after its barrier (receipts flushed) waited for the receipts that asked.
        return archive.find(room, reference).thenCompose(found -> {
            ArchivedMessage message = found.orElse(null);
            String sender = message == null || message.retracted() ? null : sender(message.stanzaXml());
            GroupSummary group = groups.group(room).orElse(null);
            if (sender == null || group == null) {
                return CompletableFuture.completedFuture(null);
            }
            List<String> others = group.members().stream().map(GroupMember::jid)
                    .filter(jid -> !jid.equals(sender)).toList();
            CompletableFuture<Void> named = info.recipientStates(message.id(), room, others).thenAccept(states -> {
                String id = ArchiveIds.format(message.id());
                if (!states.isEmpty() && states.stream().allMatch(state -> state.delivered() != null)) {
                    tell(room, sender, Milestone.DELIVERED_ALL, id, message.messageId());
                }
                if (!states.isEmpty() && states.stream().allMatch(state -> state.read() != null)) {
                    tell(room, sender, Milestone.READ_ALL, id, message.messageId());
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
                        String sender = earlier.retracted() ? null : sender(earlier.stanzaXml());
                        if (sender == null) {
                            continue;
                        }
                        List<String> others = members.stream().filter(jid -> !jid.equals(sender)).toList();
                        if (!others.isEmpty() && others.stream().allMatch(jid -> positions.getOrDefault(jid, 0L)
                                >= earlier.id())) {
                            tell(room, sender, Milestone.READ_ALL, ArchiveIds.format(earlier.id()),
                                    earlier.messageId());
                        }
                    }
                    return null;
                });
    }

    private void tell(String room, String sender, Milestone milestone, String archiveId, String messageId) {
        if (told.putIfAbsent(milestone + ":" + archiveId, Boolean.TRUE) == null) {
            notice.tell(room, sender, milestone, archiveId, messageId);
        }
    }

    /** The real sender of an archived group message (the room's archive keeps it in a muc#user item). */
    static String sender(String stanzaXml) {
        try {
            Element user = DocumentHelper.parseText(stanzaXml).getRootElement().element(QName.get("x", MUC_USER));
            Element item = user == null ? null : user.element(QName.get("item", MUC_USER));
            return item == null ? null : item.attributeValue("jid");
        } catch (DocumentException e) {
            return null;
        }
    }
}
