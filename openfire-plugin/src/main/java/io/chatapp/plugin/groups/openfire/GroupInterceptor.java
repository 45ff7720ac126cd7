package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.groups.PrivateRoomConfig;
import io.chatapp.plugin.groups.RoomRequests;
import io.chatapp.plugin.openfire.ClientClaims;
import io.chatapp.plugin.openfire.IqRequestInterceptor;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dom4j.Element;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * The groups' rules on the path between clients and the MUC service, which enforces the rest natively (only owners
 * may change affiliations or configure, members-only entry, kicks of removed members).
 *
 * <p>Group rooms are the rooms of the group service and the groups recorded on an earlier one ({@link #isRoom});
 * the other rooms of that earlier service are standard MUC rooms the plugin does not touch.
 *
 * <p>From clients to a group room: an affiliation change, configuration form or destroy is checked against the
 * plugin's rules (a new room of the group service only with {@link GroupCreateRequest}'s element, the group owner cannot be removed or demoted, only they may delete, the size limit; refused with
 * its error before the room sees it; a get asking for such a change is refused, since Openfire's MUC applies it as one), every configuration form is rewritten to keep the room private
 * ({@link PrivateRoomConfig}), group messages in announcement mode are refused for plain members, and someone the
 * plugin no longer counts as a member may not enter. The accepted request is remembered by (requester, id).
 *
 * <p>From the room to clients: the answer to a remembered request, if a result, is recorded and shown to the
 * occupants as system events; self-presences say who is in the room (and a 201 that a group was created), and one
 * Openfire sent without its status codes is sent again with them ({@link SelfPresenceRepair}); the answers to the
 * plugin's own IQs ({@link RoomActions}) are consumed; a removed message, and one the recipient hid, is left out of the
 * history the room replays to someone entering ({@link HistoryReplayFilter}).
 */
final class GroupInterceptor implements IqRequestInterceptor {

    static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    /** A refused IQ to a room, readdressed to {@link GroupIqHandler} to be answered with its error. */
    static final String REFUSED = "refused";
    static final String NOTHING_TO_DESTROY = "nothing-to-destroy";
    static final String CONDITION = "chatapp-condition";
    static final String TEXT = "chatapp-text";

    private final GroupService groups;
    private final String service;
    private final GroupOccupants occupants;
    private final GroupBroadcast broadcast;
    private final RoomActions actions;
    private final GroupArchive archive;
    private final GroupReceipts receipts;
    private final GroupRemovals removals;
    private final HistoryReplayFilter replays;
    private final String domain;
    private final PluginRouting routing;
    private final RoomRequests requests;

    GroupInterceptor(GroupService groups, String service, GroupOccupants occupants, GroupBroadcast broadcast,
                     RoomActions actions, GroupArchive archive, GroupReceipts receipts, GroupRemovals removals,
                     HistoryReplayFilter replays, PluginRouting routing) {
        this.groups = groups;
        this.service = service;
        this.occupants = occupants;
        this.broadcast = broadcast;
        this.actions = actions;
        this.archive = archive;
        this.receipts = receipts;
        this.removals = removals;
        this.replays = replays;
        this.domain = service.substring(service.indexOf('.') + 1);
        this.routing = routing;
        this.requests = new RoomRequests(groups);
    }

    /** The requests to a group room the plugin answers ({@link PluginRoomIqs}) or checks ({@link RoomRequests}). */
    @Override
    public Set<String> interceptedIqNamespaces() {
        Set<String> namespaces = new LinkedHashSet<>(PluginRoomIqs.namespaces());
        namespaces.addAll(RoomRequests.NAMESPACES);
        return namespaces;
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed)
            throws PacketRejectedException {
        if (processed) {
            return;
        }
        if (incoming && isRoom(packet.getTo()) && packet.getFrom() != null) {
            fromClient(packet);
        } else if (!incoming && isRoom(packet.getFrom())) {
            toClient(packet);
        } else if (!incoming && packet instanceof IQ iq && isService(iq.getFrom())) {
            advertiseGroups(iq);
        }
    }

    /**
     * A room the groups' rules apply to: any room of the group service, and on another service (the {@code conference}
     * service that held groups before they got a service of their own) exactly the rooms recorded as groups. Every
     * other room is left to the MUC service as a standard XEP-0045 room.
     */
    private boolean isRoom(JID jid) {
        return jid != null && jid.getNode() != null && (service.equals(jid.getDomain())
                || (!domain.equals(jid.getDomain()) && groups.isGroup(jid.toBareJID())));
    }

    private void fromClient(Packet packet) throws PacketRejectedException {
        String room = packet.getTo().toBareJID();
        String sender = packet.getFrom().toBareJID();
        try {
            if (packet instanceof Presence presence) {
                if (presence.isAvailable() && packet.getTo().getResource() != null) {
                    if (service.equals(packet.getTo().getDomain())) {
                        groups.checkEntryOnGroupService(room, GroupCreateRequest.take(presence));
                    }
                    if (!groups.mayEnter(room, sender)) {
                        throw new StanzaErrorException(StanzaError.FORBIDDEN, "not a member of this group");
                    }
                }
            } else if (packet instanceof Message message) {
                RoomStanzaIds.removeCarriers(message);
                if (groups.isGroup(room) && message.getType() == Message.Type.groupchat) {
                    ClientClaims.removeFromGroupMessage(message);
                } else if (groups.isGroup(room)) {
                    ClientClaims.removeStanzaIds(message);
                }
                Element retract = GroupRemovals.retractOf(message);
                if (retract != null && packet.getTo().getResource() == null && groups.isGroup(room)) {
                    removals.retract(message.createCopy(), retract, room, sender);
                    throw new PacketRejectedException("group retraction held back for its check");
                }
                if (packet.getTo().getResource() == null && groups.isGroup(room)
                        && receipts.consume(message, room, sender)) {
                    throw new PacketRejectedException("group receipt recorded, not fanned out");
                }
                if (message.getType() == Message.Type.groupchat && message.getBody() != null
                        && packet.getTo().getResource() == null && groups.isGroup(room)) {
                    groups.checkMessage(room, sender);
                    archive.message(message, room, sender, occupants.nick(room, message.getFrom()));
                }
            } else if (packet instanceof IQ iq && PluginRoomIqs.readdressedAs(iq).isPresent()
                    && groups.isGroup(room)) {
                RoomIqReaddressing.readdress(iq, domain, PluginRoomIqs.readdressedAs(iq).orElseThrow(), Map.of());
            } else if (packet instanceof IQ iq && isDestroy(iq) && service.equals(packet.getTo().getDomain())
                    && !groups.isGroup(room)) {
                // The group service holds no room but groups: a destroy of any other room there finds nothing to
                // remove and succeeds, as standard clients' clean-up after a refused creation expects (Smack's suite
                // gives up on the whole MUC service list otherwise).
                RoomIqReaddressing.readdress(iq, domain, NOTHING_TO_DESTROY, Map.of());
            } else if (packet instanceof IQ iq && iq.getType() == IQ.Type.set && packet.getTo().getResource() == null
                    && groups.isGroup(room)) {
                // Only about groups: a request to a room that is none (e.g. a standard client's clean-up destroy of
                // a room the group service refused to create) gets the MUC service's own answer.
                requests.check(key(iq.getFrom(), iq.getID()), iq.getChildElement(), room, sender);
            } else if (packet instanceof IQ iq && iq.getType() == IQ.Type.get && packet.getTo().getResource() == null
                    && groups.isGroup(room)) {
                RoomRequests.checkGet(iq.getChildElement());
            }
        } catch (StanzaErrorException | IllegalArgumentException e) {
            StanzaErrorException refusal = e instanceof StanzaErrorException s ? s
                    : new StanzaErrorException(StanzaError.BAD_REQUEST, e.getMessage());
            if (packet instanceof IQ iq) {
                // Answered by the plugin as if by the room (see RoomIqReaddressing): exactly one error reaches the client.
                RoomIqReaddressing.readdress(iq, domain, REFUSED, Map.of(CONDITION, refusal.error().name(),
                        TEXT, String.valueOf(refusal.getMessage())));
                return;
            }
            routing.route(bounce(packet, refusal));
            throw new PacketRejectedException(refusal.getMessage());
        }
    }

    private void toClient(Packet packet) throws PacketRejectedException {
        if (packet instanceof IQ iq) {
            if (RoomActions.isAnswer(iq)) {
                RoomActions.noteAnswer(iq);
                throw new PacketRejectedException("answer to the plugin's own request");
            }
            if (iq.getType() == IQ.Type.result || iq.getType() == IQ.Type.error) {
                requests.answered(key(iq.getTo(), iq.getID()), iq.getType() == IQ.Type.result).ifPresent(applied -> {
                    if (applied.change() instanceof RoomRequests.Destroy) {
                        occupants.forget(applied.change().room());
                    }
                    broadcast.send(applied.events());
                });
            }
            advertiseArchive(iq);
        } else if (packet instanceof Message message) {
            RoomStanzaIds.restore(message);
            if (replays.isLeftOut(message)) {
                throw new PacketRejectedException("a removed or hidden message in the room's history replay");
            }
        } else if (packet instanceof Presence presence && SelfPresenceRepair.isUnmarked(presence)) {
            // Not changed in place: Openfire sends the same stanza object on to the other occupants.
            routing.route(SelfPresenceRepair.marked(presence));
            throw new PacketRejectedException("self-presence sent again with its status codes");
        } else if (packet instanceof Presence presence && occupants.observe(presence)) {
            String room = presence.getFrom().toBareJID();
            if (presence.isAvailable() && GroupOccupants.hasStatus(presence, "201")) {
                broadcast.send(groups.created(room, presence.getTo().toBareJID()));
            }
            if (presence.isAvailable() && groups.isGroup(room)
                    && groups.role(room, presence.getTo().toBareJID()).map(r -> r.manages()).orElse(false)) {
                actions.ownerEntered(room, presence.getTo());
            }
        }
    }

    /** A group room's disco#info answer lists the archive the plugin keeps for it and its image (XEP-0486). */
    private void advertiseArchive(IQ iq) {
        Element query = iq.getChildElement();
        if (iq.getType() == IQ.Type.result && query != null && DISCO_INFO.equals(query.getNamespaceURI())
                && iq.getFrom().getResource() == null && groups.isGroup(iq.getFrom().toBareJID())) {
            query.addElement("feature").addAttribute("var", io.chatapp.plugin.archive.MamQueryParser.NAMESPACE);
            for (String removal : List.of(GroupTombstones.RETRACT, GroupTombstones.MODERATE,
                    GroupTombstones.MODERATE_0)) {
                query.addElement("feature").addAttribute("var", removal);
            }
            RoomAvatar.advertise(query, groups.imageHash(iq.getFrom().toBareJID()));
        }
    }

    private boolean isService(JID jid) {
        return jid != null && jid.getNode() == null && jid.getResource() == null && service.equals(jid.getDomain());
    }

    /** The group service's disco#info answer names the groups protocol, so clients find the service by disco. */
    private static void advertiseGroups(IQ iq) {
        Element query = iq.getChildElement();
        if (iq.getType() == IQ.Type.result && query != null && DISCO_INFO.equals(query.getNamespaceURI())
                && query.attributeValue("node") == null) {
            query.addElement("feature").addAttribute("var", GroupIqHandler.NAMESPACE);
        }
    }

    static boolean isDestroy(IQ iq) {
        Element query = iq.getChildElement();
        return iq.getType() == IQ.Type.set && iq.getTo().getResource() == null && query != null
                && RoomRequests.MUC_OWNER.equals(query.getNamespaceURI()) && query.element("destroy") != null;
    }

    private static String key(JID requester, String id) {
        return requester + "\u0000" + id;
    }

    /** The error a refused message or presence gets back. */
    private static Packet bounce(Packet packet, StanzaErrorException refusal) {
        Packet reply = packet.createCopy();
        reply.setTo(packet.getFrom());
        reply.setFrom(packet.getTo());
        reply.setError(PluginRouting.error(refusal.error(), refusal.getMessage()));
        return reply;
    }
}
