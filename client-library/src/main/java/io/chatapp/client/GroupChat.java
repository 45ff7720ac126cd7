package io.chatapp.client;

import io.chatapp.client.internal.xmpp.GroupRemovalRequests;
import io.chatapp.client.internal.xmpp.HideIQ;
import io.chatapp.client.internal.xmpp.Stanzas;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jxmpp.jid.EntityBareJid;

/**
 * Messages in groups ({@link ChatClient#groupChat()}): sending texts and files to a group's room (XEP-0045
 * {@code groupchat}), hearing its messages and system events, read markers (XEP-0333) and message info
 * ({@code urn:chatapp:receipts:0}), deleting messages for everyone (the sender's retraction, an admin's removal) and for
 * this account only. Each message and event reaches the listeners once, live or from the group's
 * archive (XEP-0313) when this device enters the group; each message from someone else is acknowledged to the room
 * with a delivery receipt (XEP-0184) naming its archive id (XEP-0359). Managing groups is
 * {@link ChatClient#groups()}'s.
 */
public final class GroupChat {

    private final GroupRooms rooms;
    private final ClientContext context;
    /** The upload step group files share with one-to-one media. */
    private final Media media;

    GroupChat(GroupRooms rooms, Media media) {
        this.rooms = rooms;
        this.context = rooms.context;
        this.media = media;
    }

    /** Hears every group message, this account's own included (the room echoes them). */
    public ListenerRegistration onMessage(GroupMessageListener listener) {
        return rooms.messageListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Hears every group's system events. */
    public ListenerRegistration onEvent(GroupEventListener listener) {
        return rooms.eventListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Hears this device entering a group's room: it receives the group's messages from then on. */
    public ListenerRegistration onJoined(GroupRoomListener listener) {
        return rooms.joinedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Hears this account leaving a group: removed, left, or the group was deleted. */
    public ListenerRegistration onLeft(GroupRoomListener listener) {
        return rooms.leftListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Hears that a message this account sent to a group was delivered to, or read by, every other member. */
    public ListenerRegistration onStatus(GroupStatusListener listener) {
        return rooms.statusListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Hears group messages deleted for everyone, retracted by their sender or removed by an admin, live or (for a
     * device that was away) from the group's archive.
     */
    public ListenerRegistration onRemoval(GroupRemovalListener listener) {
        return rooms.removalListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Deletes for everyone a message this account sent to the group (XEP-0424), named by its archive id
     * ({@link GroupMessage#archiveId()}). Completes once the group passed the retraction on; fails with
     * {@link ChatClientException.Reason#NOT_ALLOWED} (someone else's message: admins {@link #remove} it),
     * {@link ChatClientException.Reason#TOO_LATE} (older than the server's retraction window) or
     * {@link ChatClientException.Reason#NOT_FOUND}.
     */
    public CompletableFuture<Void> retract(String room, String archiveId) {
        Receipts.requireId(archiveId);
        EntityBareJid jid = GroupRooms.room(room);
        return context.run(() -> {
            context.requireSession();
            rooms.enterOnce(rooms.chat(jid));
            GroupRemovalRequests.retract(context.connection(), jid, archiveId);
        });
    }

    /**
     * Removes any member's message from the group for everyone, as a group admin (XEP-0425), with an optional
     * reason the members see. Fails with {@link ChatClientException.Reason#NOT_ALLOWED} for a plain member and
     * {@link ChatClientException.Reason#NOT_FOUND} when the group has no such message.
     */
    public CompletableFuture<Void> remove(String room, String archiveId, String reason) {
        Receipts.requireId(archiveId);
        EntityBareJid jid = GroupRooms.room(room);
        return context.run(() -> {
            context.requireSession();
            GroupRemovalRequests.moderate(context.connection(), jid, archiveId, reason);
        });
    }

    /**
     * Deletes a group message for this account only: it disappears from this account's view of the group's archive
     * (XEP-0313 on the room) on all its devices, whose {@link Retractions#onHidden} listeners hear it; the other
     * members keep it. Named by its archive id ({@link GroupMessage#archiveId()}). Fails with
     * {@link ChatClientException.Reason#NOT_FOUND} when the group has no such message from this account's time in it,
     * and {@link ChatClientException.Reason#NOT_ALLOWED} when this account is not a member. Deleting twice succeeds.
     */
    public CompletableFuture<Void> deleteForMe(String room, String archiveId) {
        Receipts.requireId(archiveId);
        EntityBareJid jid = GroupRooms.room(room);
        return context.run(() -> {
            context.requireSession();
            HideIQ request = new HideIQ(archiveId);
            request.setTo(jid);
            context.connection().sendIqRequestAndWaitForResponse(request);
        });
    }

    /** Hears a group's image change, however it was changed (see {@link GroupImageListener}). */
    public ListenerRegistration onImageChanged(GroupImageListener listener) {
        return rooms.imageListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Sends a text to a group; completes with the message id once it is sent. */
    public CompletableFuture<String> send(String room, String text) {
        Objects.requireNonNull(text, "text");
        EntityBareJid jid = GroupRooms.room(room);
        return context.call(() -> {
            context.requireSession();
            MultiUserChat muc = rooms.chat(jid);
            rooms.enterOnce(muc);
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
        EntityBareJid jid = GroupRooms.room(room);
        return media.uploadAndSend(file, progress, () -> {
            requireMaySend(jid);
            rooms.enterOnce(rooms.chat(jid));
            return attachment -> {
                String id = UUID.randomUUID().toString();
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
        GroupInfo group = rooms.fetch().stream().filter(g -> g.room().equals(room.toString())).findFirst()
                .orElseThrow(() -> new ChatClientException(ChatClientException.Reason.NOT_ALLOWED,
                        "Not a member of the group " + room));
        boolean admin = group.members().stream().anyMatch(m -> m.jid().equals(me) && m.role() != GroupRole.MEMBER);
        if (group.announce() && !admin) {
            throw new ChatClientException(ChatClientException.Reason.NOT_ALLOWED,
                    "Only the group's admins may send messages to " + room);
        }
    }

    /**
     * Marks the group read up to the newest message this client has shown of it (a XEP-0333 {@code displayed} to the
     * room, recorded by the server for the senders' message info). Completes with false when nothing was shown yet.
     */
    public CompletableFuture<Boolean> markRead(String room) {
        EntityBareJid jid = GroupRooms.room(room);
        return context.call(() -> {
            context.requireSession();
            String newest = rooms.pipeline.cursor(jid.toString());
            if (newest == null) {
                return false;
            }
            context.connection().sendStanza(Stanzas.displayed(jid, UUID.randomUUID().toString(), newest));
            rooms.readHereListeners.forEach(listener -> listener.accept(jid.toString()));
            return true;
        });
    }

    /**
     * "Message info" of a message this account sent to the group, named by its message id or archive id: each current
     * member's delivered and read times.
     */
    public CompletableFuture<MessageInfo> messageInfo(String room, String messageId) {
        EntityBareJid jid = GroupRooms.room(room);
        return context.call(() -> {
            context.requireSession();
            return rooms.server.messageInfo(jid, messageId);
        });
    }
}
