package io.chatapp.client;

import io.chatapp.client.internal.EventDispatcher;
import io.chatapp.client.internal.xmpp.GroupEventElement;
import io.chatapp.client.internal.xmpp.GroupRequestIQ;
import io.chatapp.client.internal.xmpp.GroupsIQ;
import io.chatapp.client.internal.xmpp.MediaElements;
import io.chatapp.client.internal.xmpp.Stanzas;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatException;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.Occupant;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Group chats ({@link ChatClient#groups()}): WhatsApp-style groups on XEP-0045 rooms of the server's group service
 * with the chat-app plugin's rules ({@code urn:chatapp:groups:0}, docs/protocol.md). Management uses standard MUC
 * requests (Smack's {@link MultiUserChatManager}); the group list, settings and leaving use the plugin's requests.
 * After each login (and each reconnection that was not resumed) this device enters every group of the account; it
 * enters a group it is added to when the invitation arrives.
 */
public final class Groups {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientContext context;
    /** The upload step group files share with one-to-one media. */
    private final Media media;
    private final EventDispatcher<GroupListener> listeners;
    /** Rooms whose listeners are on the current connection's MultiUserChat instances. */
    private final Set<EntityBareJid> followed = ConcurrentHashMap.newKeySet();
    /** Archive ids of group messages and events delivered (each is delivered once). */
    private final io.chatapp.client.internal.BoundedSet<String> seen = new io.chatapp.client.internal.BoundedSet<>(
            10_000);
    /** room → the newest archive id delivered: where the next catch-up starts. */
    private final java.util.Map<String, String> newest = new ConcurrentHashMap<>();
    private static final int CATCH_UP_PAGE = 50;

    Groups(ClientContext context, Media media) {
        this.context = context;
        this.media = media;
        this.listeners = new EventDispatcher<>(context.events);
    }

    /** Receives group messages, events, and this device entering and leaving groups. */
    public ListenerRegistration addListener(GroupListener listener) {
        return listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Follows a (new) connection: invitations, and entering every group at each new session. */
    void attach(XMPPTCPConnection connection) {
        followed.clear();
        MultiUserChatManager manager = MultiUserChatManager.getInstanceFor(connection);
        manager.setAutoJoinOnReconnect(false);
        manager.addInvitationListener((conn, muc, inviter, reason, password, message, invite) ->
                context.io.execute(() -> enterQuietly(muc)));
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                if (!resumed) {
                    context.io.execute(() -> enterAll(connection));
                }
            }
        });
        connection.addSyncStanzaListener(this::onAllState, new org.jivesoftware.smack.filter.AndFilter(
                org.jivesoftware.smack.filter.MessageTypeFilter.HEADLINE,
                stanza -> stanza.getExtension(DELIVERED_ALL) != null || stanza.getExtension(READ_ALL) != null));
    }

    private static final javax.xml.namespace.QName DELIVERED_ALL = new javax.xml.namespace.QName(GroupsIQ.NAMESPACE,
            "delivered-all");
    private static final javax.xml.namespace.QName READ_ALL = new javax.xml.namespace.QName(GroupsIQ.NAMESPACE,
            "read-all");

    /** The server's "delivered to all" / "read by all" for a message this account sent to a group. */
    private void onAllState(org.jivesoftware.smack.packet.Stanza stanza) {
        String room = stanza.getFrom() == null ? "" : stanza.getFrom().asBareJid().toString();
        var delivered = (org.jivesoftware.smack.packet.StandardExtensionElement) stanza.getExtension(DELIVERED_ALL);
        var read = (org.jivesoftware.smack.packet.StandardExtensionElement) stanza.getExtension(READ_ALL);
        if (delivered != null) {
            listeners.fire(l -> l.deliveredToAll(room, delivered.getAttributeValue("message-id"),
                    delivered.getAttributeValue("id")));
        }
        if (read != null) {
            listeners.fire(l -> l.readByAll(room, read.getAttributeValue("message-id"), read.getAttributeValue("id")));
        }
    }

    /**
     * Creates a group owned by this account: a new room with a random address, configured with the name and
     * description, with {@code members} added (each gets an invitation). Completes with the group as the server
     * records it.
     */
    public CompletableFuture<GroupInfo> create(String name, String description, List<String> members) {
        Objects.requireNonNull(name, "name");
        return context.call(() -> {
            context.requireSession();
            if (name.isBlank()) {
                throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT, "A group needs a name");
            }
            List<Jid> invitees = new ArrayList<>();
            for (String member : members) {
                invitees.add(context.bareJid(member));
            }
            EntityBareJid room = JidCreate.entityBareFrom("g" + HexFormat.of().formatHex(randomBytes()) + "@"
                    + service());
            MultiUserChat muc = chat(room);
            muc.create(nickname());
            FillableForm form = muc.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_roomname", name);
            if (description != null && !description.isEmpty()) {
                form.setAnswer("muc#roomconfig_roomdesc", description);
            }
            muc.sendConfigurationForm(form);
            if (!invitees.isEmpty()) {
                muc.grantMembership(invitees);
            }
            return find(room.toString());
        });
    }

    /** Adds members (admins only); each gets an invitation. */
    public CompletableFuture<Void> add(String room, List<String> members) {
        return context.run(() -> {
            List<Jid> jids = new ArrayList<>();
            for (String member : members) {
                jids.add(context.bareJid(member));
            }
            chat(room(room)).grantMembership(jids);
        });
    }

    /** Removes a member (admins only): they leave the room at once and see nothing more. */
    public CompletableFuture<Void> remove(String room, String member) {
        return context.run(() -> chat(room(room)).revokeMembership(context.bareJid(member)));
    }

    /** Makes a member an admin (admins only). */
    public CompletableFuture<Void> promote(String room, String member) {
        return context.run(() -> chat(room(room)).grantOwnership(context.bareJid(member)));
    }

    /** Makes an admin a plain member again (admins only; never the group owner). */
    public CompletableFuture<Void> demote(String room, String member) {
        return context.run(() -> chat(room(room)).grantMembership(context.bareJid(member)));
    }

    /**
     * Changes the name and/or description (null leaves it as it is): admins, or every member when the group allows
     * it. Goes through the plugin, which changes the room's configuration.
     */
    public CompletableFuture<Void> setInfo(String room, String name, String description) {
        return request(GroupRequestIQ.info(room(room).toString(), name, description));
    }

    /**
     * Sets the group image (the room's vCard PHOTO, XEP-0486), or removes it with null: admins, or every member when
     * the group allows editing info. Members are told with a {@link GroupEvent.Type#IMAGE_CHANGED} event.
     */
    public CompletableFuture<Void> setImage(String room, GroupImage image) {
        EntityBareJid jid = room(room);
        return context.run(() -> {
            context.requireSession();
            org.jivesoftware.smackx.vcardtemp.packet.VCard vcard = new org.jivesoftware.smackx.vcardtemp.packet.VCard();
            if (image != null) {
                vcard.setAvatar(image.bytes(), image.mimeType());
            }
            vcard.setTo(jid);
            vcard.setType(org.jivesoftware.smack.packet.IQ.Type.set);
            context.connection().sendIqRequestAndWaitForResponse(vcard);
        });
    }

    /** The group image, if it has one (members only). */
    public CompletableFuture<java.util.Optional<GroupImage>> image(String room) {
        EntityBareJid jid = room(room);
        return context.call(() -> {
            context.requireSession();
            var vcard = org.jivesoftware.smackx.vcardtemp.VCardManager.getInstanceFor(context.connection())
                    .loadVCard(jid);
            byte[] bytes = vcard.getAvatar();
            return bytes == null || bytes.length == 0 ? java.util.Optional.<GroupImage>empty()
                    : java.util.Optional.of(new GroupImage(
                            Objects.requireNonNullElse(vcard.getAvatarMimeType(), "image/png"), bytes));
        });
    }

    /** Changes the group settings (null leaves one as it is); admins only. */
    public CompletableFuture<Void> setSettings(String room, Boolean onlyAdminsSend, Boolean membersEditInfo) {
        return request(GroupRequestIQ.settings(room(room).toString(), onlyAdminsSend, membersEditInfo));
    }

    /** Leaves the group; the group owner hands the group to the longest-standing admin (else member). */
    public CompletableFuture<Void> leave(String room) {
        EntityBareJid jid = room(room);
        return context.run(() -> {
            context.requireSession();
            context.connection().sendIqRequestAndWaitForResponse(GroupRequestIQ.leave(jid.toString()));
            MultiUserChat muc = chat(jid);
            if (muc.isJoined()) {
                try {
                    muc.leave();
                } catch (MultiUserChatException.MucNotJoinedException | org.jivesoftware.smack.XMPPException e) {
                    // Already out: the plugin removed this account from the room first.
                }
            }
        });
    }

    /** Deletes the group (the group owner only). */
    public CompletableFuture<Void> delete(String room) {
        return context.run(() -> chat(room(room)).destroy(null, null));
    }

    /** This account's groups, from the server. */
    public CompletableFuture<List<GroupInfo>> list() {
        return context.call(this::fetch);
    }

    /** Sends a text to a group; completes with the message id once it is sent. */
    public CompletableFuture<String> send(String room, String text) {
        Objects.requireNonNull(text, "text");
        EntityBareJid jid = room(room);
        return context.call(() -> {
            context.requireSession();
            MultiUserChat muc = chat(jid);
            enterOnce(muc);
            return muc.sendMessage(muc.buildMessage().setBody(text)).getStanzaId();
        });
    }

    /**
     * Shares a file in a group: uploads it exactly as {@link Media#send} does (same checks, progress, cancellation
     * and failures), then sends it through the room as a {@code groupchat} message whose body is the download URL,
     * with XEP-0066 and XEP-0446 elements. Members receive a {@link GroupMessage} with {@link GroupMessage#media()};
     * {@link SentMedia#to()} is the room. Completes once the message is handed to the connection. Fails with
     * {@link ChatClientException.Reason#NOT_ALLOWED}, before uploading anything, when this account is not a member or
     * only admins may send.
     */
    public CompletableFuture<SentMedia> sendFile(String room, Path file, MediaProgressListener progress) {
        EntityBareJid jid = room(room);
        return media.uploadAndSend(file, progress, () -> {
            requireMaySend(jid);
            MultiUserChat muc = chat(jid);
            enterOnce(muc);
            return attachment -> {
                String id = java.util.UUID.randomUUID().toString();
                context.connection().sendStanza(Stanzas.groupMedia(jid, id, attachment));
                return new SentMedia(id, jid.toString(), attachment);
            };
        });
    }

    /**
     * Refuses, as the server would, a message from a non-member or (announcement mode) a plain member: checked before
     * an upload, which would otherwise be wasted on a message the group refuses.
     */
    private void requireMaySend(EntityBareJid room) throws Exception {
        String me = context.me().toString();
        GroupInfo group = fetch().stream().filter(g -> g.room().equals(room.toString())).findFirst()
                .orElseThrow(() -> new ChatClientException(ChatClientException.Reason.NOT_ALLOWED,
                        "Not a member of the group " + room));
        boolean admin = group.members().stream().anyMatch(m -> m.jid().equals(me) && m.role() != GroupRole.MEMBER);
        if (group.announce() && !admin) {
            throw new ChatClientException(ChatClientException.Reason.NOT_ALLOWED,
                    "Only the group's admins may send messages to " + room);
        }
    }

    private CompletableFuture<Void> request(GroupRequestIQ iq) {
        return context.run(() -> {
            context.requireSession();
            context.connection().sendIqRequestAndWaitForResponse(iq);
        });
    }

    private List<GroupInfo> fetch() throws Exception {
        context.requireSession();
        GroupsIQ result = context.connection().sendIqRequestAndWaitForResponse(new GroupsIQ());
        return result.groups();
    }

    private GroupInfo find(String room) throws Exception {
        return fetch().stream().filter(g -> g.room().equals(room)).findFirst().orElseThrow(() ->
                new ChatClientException(ChatClientException.Reason.SERVER_ERROR,
                        "The server does not list the new group " + room + " (is the chat-app plugin installed?)"));
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
            java.util.logging.Logger.getLogger(Groups.class.getName()).warning("Could not enter groups: " + e);
        }
    }

    private void enterQuietly(MultiUserChat muc) {
        try {
            enterOnce(muc);
        } catch (Exception e) {
            java.util.logging.Logger.getLogger(Groups.class.getName())
                    .warning("Could not enter " + muc.getRoom() + ": " + e);
        }
    }

    /**
     * Enters the room unless this device is in it. The login's catch-up and an invitation (stored while offline) may
     * both ask at once; entering twice would make Smack leave and re-enter.
     */
    private void enterOnce(MultiUserChat muc) throws Exception {
        synchronized (muc) {
            if (!muc.isJoined()) {
                enter(muc);
            }
        }
    }

    private void enter(MultiUserChat muc) throws Exception {
        follow(muc);
        // History comes from the server's archive, not from the room's short replay.
        muc.join(muc.getEnterConfigurationBuilder(nickname()).requestNoHistory().build());
        listeners.fire(l -> l.joined(muc.getRoom().toString()));
        catchUp(muc);
    }

    /** The room's messages and this account's removal go to the listeners (once per room and connection). */
    private MultiUserChat follow(MultiUserChat muc) {
        if (followed.add(muc.getRoom())) {
            muc.addMessageListener(message -> onMessage(muc, message));
            muc.addUserStatusListener(new UserStatusListener() {
                @Override
                public void removed(MUCUser mucUser, Presence presence) {
                    listeners.fire(l -> l.left(muc.getRoom().toString()));
                }

                @Override
                public void roomDestroyed(MultiUserChat alternate, String reason) {
                    listeners.fire(l -> l.left(muc.getRoom().toString()));
                }
            });
        }
        return muc;
    }

    private void onMessage(MultiUserChat muc, Message message) {
        DelayInformation delay = message.getExtension(DelayInformation.class);
        Instant at = delay != null ? delay.getStamp().toInstant() : Instant.now();
        deliver(muc.getRoom(), message, at, false,
                () -> sender(muc, message.getFrom().asEntityFullJidIfPossible()));
    }

    /**
     * Hands a group message or event, live or from the archive, to the listeners once: the archive id (the room's
     * stanza-id) of each is remembered, and the newest is where the next catch-up starts.
     */
    private void deliver(EntityBareJid roomJid, Message message, Instant at, boolean delayed,
                         java.util.function.Supplier<String> sender) {
        String room = roomJid.toString();
        String archiveId = archiveId(message, roomJid);
        if (archiveId != null) {
            synchronized (seen) {
                if (!seen.add(archiveId)) {
                    return;
                }
            }
            newest.merge(room, archiveId, (a, b) -> Long.parseUnsignedLong(a) >= Long.parseUnsignedLong(b) ? a : b);
        }
        GroupEventElement event = (GroupEventElement) message.getExtension(GroupEventElement.QNAME);
        if (event != null && message.getFrom().isEntityBareJid()) {
            GroupEvent value = new GroupEvent(room, GroupEvent.Type.of(event.type()), event.actor(), event.target(),
                    event.value(), Objects.requireNonNullElse(message.getBody(), ""),
                    event.stamp() != null ? event.stamp() : at);
            listeners.fire(l -> l.event(value));
            return;
        }
        if (message.getBody() == null || message.getFrom() == null || message.getFrom().getResourceOrNull() == null) {
            return;
        }
        String from = sender.get();
        String me = context.connection().getUser() == null ? "" : context.connection().getUser().asBareJid()
                .toString();
        GroupMessage value = new GroupMessage(room, Objects.requireNonNullElse(message.getStanzaId(), ""), from,
                message.getBody(), at, from.equals(me), archiveId, delayed, MediaElements.read(message));
        if (!value.outgoing() && archiveId != null) {
            acknowledge(roomJid, archiveId);
        }
        listeners.fire(l -> l.message(value));
    }

    /**
     * Tells the server this device received a group message: a XEP-0184 receipt to the room, naming the message by its
     * archive id. The server records it for the sender's message info and lets it go no further.
     */
    private void acknowledge(EntityBareJid room, String archiveId) {
        XMPPTCPConnection connection = context.connection();
        context.io.execute(() -> {
            try {
                connection.sendStanza(io.chatapp.client.internal.xmpp.Stanzas.receipt(room,
                        java.util.UUID.randomUUID().toString(), archiveId));
            } catch (Exception e) {
                // Not connected any more: the sender sees the message as not yet delivered to this member.
            }
        });
    }

    /**
     * Marks the group read up to the newest message this client has shown of it (a XEP-0333 {@code displayed} to the
     * room, recorded by the server for the senders' message info). Completes with false when nothing was shown yet.
     */
    public CompletableFuture<Boolean> markRead(String room) {
        EntityBareJid jid = room(room);
        return context.call(() -> {
            context.requireSession();
            String newestId = newest.get(jid.toString());
            if (newestId == null) {
                return false;
            }
            context.connection().sendStanza(io.chatapp.client.internal.xmpp.Stanzas.displayed(jid,
                    java.util.UUID.randomUUID().toString(), newestId));
            return true;
        });
    }

    /**
     * "Message info" of a message this account sent to the group, named by its message id or archive id: each current
     * member's delivered and read times.
     */
    public CompletableFuture<MessageInfo> messageInfo(String room, String messageId) {
        EntityBareJid jid = room(room);
        return context.call(() -> {
            context.requireSession();
            var request = io.chatapp.client.internal.xmpp.MessageInfoIQ.request(messageId);
            request.setTo(jid);
            io.chatapp.client.internal.xmpp.MessageInfoIQ result = context.connection()
                    .sendIqRequestAndWaitForResponse(request);
            return new MessageInfo(result.id().isEmpty() ? messageId : result.id(), result.stanzaId(),
                    result.sent(), result.recipients().stream()
                            .map(r -> new MessageInfo.Recipient(r.jid(), r.delivered(), r.read())).toList());
        });
    }

    /** The XEP-0359 stanza-id the room's archive gave the message, or null. */
    private static String archiveId(Message message, EntityBareJid room) {
        for (org.jivesoftware.smack.packet.ExtensionElement extension : message.getExtensions()) {
            if (extension instanceof org.jivesoftware.smackx.sid.element.StanzaIdElement id
                    && room.toString().equals(id.getBy())) {
                return id.getId();
            }
        }
        return null;
    }

    /**
     * Catches up from the group's archive after entering it: everything after the newest archive id this client has
     * seen of the group, or (first time) the newest page. Live messages that arrive meanwhile are not lost (the room
     * was entered first) and never shown twice (archive ids).
     */
    private void catchUp(MultiUserChat muc) {
        try {
            org.jivesoftware.smackx.mam.MamManager mam = org.jivesoftware.smackx.mam.MamManager.getInstanceFor(muc);
            String after = newest.get(muc.getRoom().toString());
            var args = org.jivesoftware.smackx.mam.MamManager.MamQueryArgs.builder()
                    .setResultPageSizeTo(CATCH_UP_PAGE);
            if (after == null) {
                args.queryLastPage();
            } else {
                args.afterUid(after);
            }
            var query = mam.queryArchive(args.build());
            while (true) {
                for (var result : query.getPage().getMamResultExtensions()) {
                    var forwarded = result.getForwarded();
                    Message archived = (Message) forwarded.getForwardedStanza();
                    archived.addExtension(new org.jivesoftware.smackx.sid.element.StanzaIdElement(result.getId(),
                            muc.getRoom().toString()));
                    Instant at = forwarded.getDelayInformation() == null ? Instant.now()
                            : forwarded.getDelayInformation().getStamp().toInstant();
                    deliver(muc.getRoom(), archived, at, true, () -> realSender(archived));
                }
                if (query.isComplete() || after == null) {
                    return;
                }
                query = mam.queryArchive(org.jivesoftware.smackx.mam.MamManager.MamQueryArgs.builder()
                        .setResultPageSizeTo(CATCH_UP_PAGE).afterUid(newest.get(muc.getRoom().toString())).build());
            }
        } catch (Exception e) {
            java.util.logging.Logger.getLogger(Groups.class.getName())
                    .warning("Could not catch up with " + muc.getRoom() + ": " + e);
        }
    }

    /** An archived message's sender: the real address the room's archive gives (non-anonymous), else the nickname. */
    private static String realSender(Message archived) {
        MUCUser user = MUCUser.from(archived);
        if (user != null && user.getItem() != null && user.getItem().getJid() != null) {
            return user.getItem().getJid().asBareJid().toString();
        }
        return archived.getFrom().getResourceOrEmpty().toString();
    }

    /** The occupant's real bare address (groups are non-anonymous), else their nickname. */
    private static String sender(MultiUserChat muc, EntityFullJid occupantJid) {
        Occupant occupant = occupantJid == null ? null : muc.getOccupant(occupantJid);
        if (occupant != null && occupant.getJid() != null) {
            return occupant.getJid().asBareJid().toString();
        }
        return occupantJid == null ? "" : occupantJid.getResourcepart().toString();
    }

    private MultiUserChat chat(EntityBareJid room) {
        return follow(MultiUserChatManager.getInstanceFor(context.connection()).getMultiUserChat(room));
    }

    private EntityBareJid room(String room) {
        try {
            return JidCreate.entityBareFrom(Objects.requireNonNull(room, "room"));
        } catch (org.jxmpp.stringprep.XmppStringprepException e) {
            throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT, "Not a group address: " + room, e);
        }
    }

    /** The room nickname: this account's user name (the room shows real addresses anyway). */
    private Resourcepart nickname() throws org.jxmpp.stringprep.XmppStringprepException {
        return Resourcepart.from(context.me().getLocalpart().toString());
    }

    private String service() {
        return context.config.groupService() + "." + context.config.domain();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
