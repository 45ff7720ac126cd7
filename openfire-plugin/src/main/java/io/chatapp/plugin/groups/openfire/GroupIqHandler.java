package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.groups.GroupMember;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.groups.GroupSummary;
import io.chatapp.plugin.openfire.AsyncIqHandler;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import io.chatapp.plugin.xmpp.XmppTime;
import java.util.concurrent.CompletableFuture;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

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
            return mam.answer(RoomIqReaddressing.restore(request));
        }
        if (child.getName().equals(GroupReceipts.READDRESSED)) {
            return receipts.answer(RoomIqReaddressing.restore(request));
        }
        if (child.getName().equals(GroupRemovals.READDRESSED)) {
            return removals.answer(RoomIqReaddressing.restore(request));
        }
        if (child.getName().equals(GroupVCard.READDRESSED)) {
            return vcards.answer(RoomIqReaddressing.restore(request));
        }
        if (child.getName().equals(GroupInterceptor.NOTHING_TO_DESTROY)) {
            return CompletableFuture.completedFuture(IQ.createResultIQ(RoomIqReaddressing.restore(request)));
        }
        if (child.getName().equals(GroupInterceptor.REFUSED)) {
            return CompletableFuture.completedFuture(refusal(request));
        }
        String requester = requester(request);
        if (!forOwnAccount(request)) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "address group requests to the server");
        }
        IQ reply = IQ.createResultIQ(request);
        switch (child.getName() + "/" + request.getType()) {
            case "groups/get" -> reply.setChildElement(list(requester));
            case "settings/set" -> broadcast.send(groups.changeSettings(room(child), requester,
                    flag(child, "announce"), flag(child, "edit-info")));
            case "leave/set" -> leave(room(child), requester);
            case "info/set" -> describe(room(child), requester, child.attributeValue("name"),
                    child.attributeValue("description"));
            default -> throw new StanzaErrorException(StanzaError.BAD_REQUEST,
                    "unknown request " + child.getName() + " (" + request.getType() + ")");
        }
        return CompletableFuture.completedFuture(reply);
    }

    /** The error a refused request to a room gets, from the room. */
    private static IQ refusal(IQ readdressed) {
        StanzaError error = StanzaError.valueOf(RoomIqReaddressing.extra(readdressed, GroupInterceptor.CONDITION));
        String text = RoomIqReaddressing.extra(readdressed, GroupInterceptor.TEXT);
        IQ original = RoomIqReaddressing.restore(readdressed, GroupInterceptor.CONDITION, GroupInterceptor.TEXT);
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
        if (name == null && description == null) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "name or description is required");
        }
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

    private static String room(Element child) {
        String room = child.attributeValue("room");
        if (room == null || room.isBlank()) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "room is required");
        }
        return new JID(room).toBareJID();
    }

    private static Boolean flag(Element child, String name) {
        String value = child.attributeValue(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new StanzaErrorException(StanzaError.BAD_REQUEST, name + " must be 1 or 0");
        };
    }
}
