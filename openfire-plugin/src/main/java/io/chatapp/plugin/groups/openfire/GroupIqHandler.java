package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.groups.GroupMember;
import io.chatapp.plugin.groups.GroupRequest;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.groups.GroupSummary;
import io.chatapp.plugin.openfire.AsyncIqHandler;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import io.chatapp.plugin.xmpp.XmppTime;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.IQ;

/**
 * {@code urn:chatapp:groups:0}, addressed to the server: the requester's groups ({@code <groups/>}, get), a group's
 * settings ({@code <settings/>}, set, admins), name and description ({@code <info/>}, set: admins, or every member
 * when the group allows it), leaving a group ({@code <leave/>}, set). Answered from memory.
 */
final class GroupIqHandler extends AsyncIqHandler {

    static final String NAMESPACE = "urn:chatapp:groups:0";

    private final GroupService groups;
    private final GroupBroadcast broadcast;
    private final RoomActions actions;
    private final GroupMam mam;
    private final GroupVCard vcards;

    private final GroupReceipts receipts;
    private final GroupRemovals removals;

    GroupIqHandler(GroupService groups, GroupBroadcast broadcast, RoomActions actions, GroupMam mam,
                   GroupReceipts receipts, GroupRemovals removals, PluginRouting routing) {
        super("chat-app groups", "groups", NAMESPACE, routing);
        this.groups = groups;
        this.broadcast = broadcast;
        this.actions = actions;
        this.mam = mam;
        this.vcards = new GroupVCard(groups, broadcast);
        this.receipts = receipts;
        this.removals = removals;
    }

    @Override
    protected CompletableFuture<IQ> answer(IQ request) {
        Element child = request.getChildElement();
        if (child.getName().equals(GroupMam.READDRESSED)) {
            return mam.answer(restored(request));
        }
        if (child.getName().equals(GroupReceipts.READDRESSED)) {
            return receipts.answer(restored(request));
        }
        if (child.getName().equals(GroupRemovals.READDRESSED)) {
            return removals.answer(restored(request));
        }
        if (child.getName().equals(GroupVCard.READDRESSED)) {
            return vcards.answer(restored(request));
        }
        if (child.getName().equals(GroupInterceptor.NOTHING_TO_DESTROY)) {
            return CompletableFuture.completedFuture(IQ.createResultIQ(restored(request)));
        }
        if (child.getName().equals(GroupInterceptor.REFUSED)) {
            return CompletableFuture.completedFuture(refusal(request));
        }
        String requester = requester(request);
        if (!forOwnAccount(request)) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "address group requests to the server");
        }
        IQ reply = IQ.createResultIQ(request);
        GroupRequest parsed = GroupRequest.parse(child, request.getType() == IQ.Type.set);
        if (parsed instanceof GroupRequest.ListGroups) {
            reply.setChildElement(list(requester));
        } else if (parsed instanceof GroupRequest.ChangeSettings settings) {
            broadcast.send(groups.changeSettings(settings.room(), requester, settings.announce(),
                    settings.membersEditInfo()));
        } else if (parsed instanceof GroupRequest.Leave leave) {
            leave(leave.room(), requester);
        } else if (parsed instanceof GroupRequest.Describe info) {
            describe(info.room(), requester, info.name(), info.description());
        }
        return CompletableFuture.completedFuture(reply);
    }

    /**
     * A readdressed IQ as the client sent it to the room, which must be what {@link GroupInterceptor} readdresses
     * under that name: a client may send these elements to the server itself, and the answering code relies on the
     * shape the interceptor checked. Anything else is {@code bad-request}.
     */
    static IQ restored(IQ readdressed) {
        IQ original = RoomIqReaddressing.restore(readdressed);
        String name = readdressed.getChildElement().getName();
        boolean taken = name.equals(GroupInterceptor.NOTHING_TO_DESTROY) ? GroupInterceptor.isDestroy(original)
                : PluginRoomIqs.readdressable(name, original);
        if (original.getChildElement() == null || !taken) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "not a request to a group");
        }
        return original;
    }

    /**
     * The error a refused request to a room gets, from the room. A {@code refused} element a client sent itself (no
     * room, no known condition) is answered {@code bad-request}.
     */
    static IQ refusal(IQ readdressed) {
        String condition = RoomIqReaddressing.extra(readdressed, GroupInterceptor.CONDITION);
        String text = RoomIqReaddressing.extra(readdressed, GroupInterceptor.TEXT);
        IQ original = RoomIqReaddressing.restore(readdressed, GroupInterceptor.CONDITION, GroupInterceptor.TEXT);
        StanzaError error = Arrays.stream(StanzaError.values()).filter(known -> known.name().equals(condition))
                .findFirst().orElseThrow(() -> new StanzaErrorException(StanzaError.BAD_REQUEST,
                        "not a request to a group"));
        return PluginRouting.errorReply(original, new StanzaErrorException(error, text));
    }

    private void leave(String room, String user) {
        GroupService.Leave leave = groups.leave(room, user);
        broadcast.send(leave.events());
        if (leave.empty()) {
            actions.destroy(room, user);
            groups.destroyed(room, user);
        } else {
            actions.changeAffiliations(room, user, leave.changes());
        }
    }

    /** Name and description through the plugin, for members when the group lets all members edit its info. */
    private void describe(String room, String requester, String name, String description) {
        groups.checkInfoChange(room, requester);
        actions.describe(room, requester, name, description);
        broadcast.send(groups.applyInfo(room, requester, name, description));
    }

    private Element list(String requester) {
        Element list = DocumentHelper.createElement(QName.get("groups", NAMESPACE));
        for (GroupSummary group : groups.groupsOf(requester)) {
            Element element = list.addElement("group").addAttribute("room", group.room())
                    .addAttribute("name", group.name()).addAttribute("owner", group.owner())
                    .addAttribute("announce", group.announce() ? "1" : "0")
                    .addAttribute("edit-info", group.membersEditInfo() ? "1" : "0")
                    .addAttribute("created", XmppTime.format(group.createdAt()));
            if (!group.description().isEmpty()) {
                element.addElement("description").setText(group.description());
            }
            for (GroupMember member : group.members()) {
                element.addElement("member").addAttribute("jid", member.jid())
                        .addAttribute("role", member.role().attribute())
                        .addAttribute("joined", XmppTime.format(member.joinedAt()));
            }
        }
        return list;
    }
}
