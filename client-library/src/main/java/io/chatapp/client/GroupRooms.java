package io.chatapp.client;

import io.chatapp.client.internal.EventDispatcher;
import io.chatapp.client.internal.GroupPipeline;
import io.chatapp.client.internal.MessagePipeline;
import io.chatapp.client.internal.xmpp.GroupStanzaReader;
import io.chatapp.client.internal.xmpp.GroupsIQ;
import io.chatapp.client.internal.xmpp.ServerRequests;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.Occupant;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The Smack side of groups, shared by {@link GroupAdmin} and {@link GroupChat}: the group rooms (XEP-0045) on
 * Smack's {@link MultiUserChatManager}, followed into the {@link GroupPipeline}. After each login (and each
 * reconnection that was not resumed) this device enters every group of the account; it enters a group it is added
 * to when the invitation arrives; after entering it catches up from the group's archive.
 */
final class GroupRooms {

    private static final Logger LOG = Logger.getLogger(GroupRooms.class.getName());
    /** Archive ids remembered to deliver each group message and event once. */
    static final int REMEMBERED_IDS = 10_000;
    static final int CATCH_UP_PAGE = 50;
    private static final QName DELIVERED_ALL = new QName(GroupsIQ.NAMESPACE, "delivered-all");
    private static final QName READ_ALL = new QName(GroupsIQ.NAMESPACE, "read-all");
    /** XEP-0153/XEP-0486: the room's presence naming its image's hash. */
    private static final QName IMAGE_UPDATE = new QName("vcard-temp:x:update", "x");

    final ClientContext context;
    final ServerRequests server;
    final EventDispatcher<GroupMessageListener> messageListeners;
    /** Told (on the caller's thread) of each group this client marked read, by its bare JID. */
    final java.util.List<java.util.function.Consumer<String>> readHereListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    final EventDispatcher<GroupEventListener> eventListeners;
    final EventDispatcher<GroupRoomListener> joinedListeners;
    final EventDispatcher<GroupRoomListener> leftListeners;
    final EventDispatcher<GroupStatusListener> statusListeners;
    final EventDispatcher<GroupRemovalListener> removalListeners;
    final EventDispatcher<GroupImageListener> imageListeners;
    /** room → the image hash last told ("" for none), so a repeated presence is told once. */
    private final java.util.Map<String, String> imageHashes = new ConcurrentHashMap<>();
    final GroupPipeline pipeline;
    /** Rooms whose listeners are on the current connection's MultiUserChat instances. */
    private final Set<EntityBareJid> followed = ConcurrentHashMap.newKeySet();
    /**
     * Rooms entered in the current session. Smack's own "joined" outlives a session the server lost (a restart, a
     * resumption refused): the room no longer has this device, yet Smack still says it is in, so each new session
     * enters every room again.
     */
    private final Set<EntityBareJid> entered = ConcurrentHashMap.newKeySet();

    /** @param receipts the one-to-one receipts' outbox, which acknowledges group messages too */
    GroupRooms(ClientContext context, ServerRequests server, MessagePipeline.Outbox receipts) {
        this.context = context;
        this.server = server;
        this.messageListeners = new EventDispatcher<>(context.events);
        this.eventListeners = new EventDispatcher<>(context.events);
        this.joinedListeners = new EventDispatcher<>(context.events);
        this.leftListeners = new EventDispatcher<>(context.events);
        this.statusListeners = new EventDispatcher<>(context.events);
        this.removalListeners = new EventDispatcher<>(context.events);
        this.imageListeners = new EventDispatcher<>(context.events);
        this.pipeline = new GroupPipeline(REMEMBERED_IDS, receipts, new GroupPipeline.Events() {
            @Override
            public void message(GroupMessage message) {
                messageListeners.fire(l -> l.onGroupMessage(message));
            }

            @Override
            public void event(GroupEvent event) {
                eventListeners.fire(l -> l.onGroupEvent(event));
            }

            @Override
            public void removal(GroupRemoval removal) {
                removalListeners.fire(l -> l.onGroupRemoval(removal));
            }
        }, CATCH_UP_PAGE);
    }

    /** Follows a (new) connection: invitations, and entering every group at each new session. */
    void attach(XMPPTCPConnection connection) {
        followed.clear();
        entered.clear();
        MultiUserChatManager manager = MultiUserChatManager.getInstanceFor(connection);
        manager.setAutoJoinOnReconnect(false);
        manager.addInvitationListener((conn, muc, inviter, reason, password, message, invite) ->
                context.io.execute(() -> enterQuietly(muc)));
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                if (!resumed) {
                    entered.clear();
                    context.io.execute(() -> enterAll(connection));
                }
            }
        });
        connection.addSyncStanzaListener(this::onImagePresence, stanza -> stanza instanceof Presence
                && stanza.getExtension(IMAGE_UPDATE) != null);
        connection.addSyncStanzaListener(this::onAllMembers, new AndFilter(MessageTypeFilter.HEADLINE,
                stanza -> stanza.getExtension(DELIVERED_ALL) != null || stanza.getExtension(READ_ALL) != null));
    }

    /** The room's image presence (sent when the image changes): told unless it repeats the last hash told. */
    private void onImagePresence(Stanza stanza) {
        if (stanza.getFrom() == null || !stanza.getFrom().isEntityBareJid()) {
            return;
        }
        StandardExtensionElement update = (StandardExtensionElement) stanza.getExtension(IMAGE_UPDATE);
        StandardExtensionElement photo = update.getFirstElement("photo");
        String hash = photo == null || photo.getText() == null ? "" : photo.getText().strip();
        String room = stanza.getFrom().toString();
        String before = imageHashes.put(room, hash);
        if (!hash.equals(before)) {
            imageListeners.fire(l -> l.onGroupImage(room, hash.isEmpty() ? null : hash));
        }
    }

    /** The server's "delivered to all" / "read by all" for a message this account sent to a group. */
    private void onAllMembers(Stanza stanza) {
        String room = stanza.getFrom() == null ? "" : stanza.getFrom().asBareJid().toString();
        fireAllMembers(room, (StandardExtensionElement) stanza.getExtension(DELIVERED_ALL), MessageStatus.DELIVERED);
        fireAllMembers(room, (StandardExtensionElement) stanza.getExtension(READ_ALL), MessageStatus.READ);
    }

    private void fireAllMembers(String room, StandardExtensionElement element, MessageStatus status) {
        if (element != null) {
            String messageId = element.getAttributeValue("message-id");
            String archiveId = element.getAttributeValue("id");
            statusListeners.fire(l -> l.onGroupStatus(room, messageId, archiveId, status));
        }
    }

    /** This account's groups, from the server. */
    List<GroupInfo> fetch() throws Exception {
        context.requireSession();
        GroupsIQ result = context.connection().sendIqRequestAndWaitForResponse(new GroupsIQ());
        return result.groups();
    }

    private void enterAll(XMPPTCPConnection connection) {
        try {
            for (GroupInfo group : fetch()) {
                if (connection != context.connection()) {
                    return;
                }
                enterQuietly(chat(JidCreate.entityBareFrom(group.room())));
            }
        } catch (Exception e) {
            LOG.warning("Could not enter groups: " + e);
        }
    }

    private void enterQuietly(MultiUserChat muc) {
        try {
            enterOnce(muc);
        } catch (Exception e) {
            LOG.warning("Could not enter " + muc.getRoom() + ": " + e);
        }
    }

    /**
     * Enters the room unless this device is in it. The login's catch-up and an invitation (stored while offline) may
     * both ask at once; entering twice would make Smack leave and re-enter.
     */
    void enterOnce(MultiUserChat muc) throws Exception {
        synchronized (muc) {
            if (!muc.isJoined() || !entered.contains(muc.getRoom())) {
                enter(muc);
            }
        }
    }

    private void enter(MultiUserChat muc) throws Exception {
        follow(muc);
        // History comes from the server's archive, not from the room's short replay.
        // Smack leaves first where it still counts itself in from an earlier session.
        muc.join(muc.getEnterConfigurationBuilder(nickname()).requestNoHistory().build());
        entered.add(muc.getRoom());
        String room = muc.getRoom().toString();
        joinedListeners.fire(l -> l.onRoom(room));
        pipeline.catchUp(room, server);
    }

    /** This device is in the room in the current session (it created the room: nothing to catch up). */
    void entered(MultiUserChat muc) {
        entered.add(muc.getRoom());
    }

    /**
     * The room's messages go to the pipeline, this account's removal to the listeners (once per room and
     * connection).
     */
    private MultiUserChat follow(MultiUserChat muc) {
        if (followed.add(muc.getRoom())) {
            muc.addMessageListener(message -> onMessage(muc, message));
            muc.addUserStatusListener(new UserStatusListener() {
                @Override
                public void removed(MUCUser mucUser, Presence presence) {
                    left(muc);
                }

                @Override
                public void roomDestroyed(MultiUserChat alternate, String reason) {
                    left(muc);
                }
            });
        }
        return muc;
    }

    private void left(MultiUserChat muc) {
        entered.remove(muc.getRoom());
        String room = muc.getRoom().toString();
        leftListeners.fire(l -> l.onRoom(room));
    }

    private void onMessage(MultiUserChat muc, Message message) {
        var user = context.connection().getUser();
        String me = user == null ? "" : user.asBareJid().toString();
        pipeline.receive(GroupStanzaReader.readLive(message, muc.getRoom(), me, Instant.now(), occupant -> {
            Occupant known = muc.getOccupant(occupant);
            return known == null ? null : known.getJid();
        }));
    }

    /** The room's MultiUserChat on the current connection, followed. */
    MultiUserChat chat(EntityBareJid room) {
        return follow(MultiUserChatManager.getInstanceFor(context.connection()).getMultiUserChat(room));
    }

    static EntityBareJid room(String room) {
        try {
            return JidCreate.entityBareFrom(Objects.requireNonNull(room, "room"));
        } catch (XmppStringprepException e) {
            throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT, "Not a group address: " + room, e);
        }
    }

    /** The room nickname: this account's user name (the room shows real addresses anyway). */
    Resourcepart nickname() throws XmppStringprepException {
        return Resourcepart.from(context.me().getLocalpart().toString());
    }
}
