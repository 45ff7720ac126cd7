package io.chatapp.client.internal.xmpp;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.LastSeenInfo;
import io.chatapp.client.MessageInfo;
import io.chatapp.client.internal.ArchivePage;
import io.chatapp.client.internal.Failures;
import io.chatapp.client.internal.GroupIncoming;
import io.chatapp.client.internal.GroupPipeline;
import io.chatapp.client.internal.Incoming;
import io.chatapp.client.internal.Resync;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.iqlast.LastActivityManager;
import org.jivesoftware.smackx.iqlast.packet.LastActivity;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The library's requests to the server, over whatever connection the client currently has. Every method blocks
 * and fails with Smack's exceptions (turned into {@link ChatClientException}s by the caller), except where a
 * reason of its own is needed.
 */
public final class ServerRequests implements Resync.Server, GroupPipeline.Archive {

    private final Supplier<? extends XMPPConnection> connection;
    private final Clock clock;

    public ServerRequests(Supplier<? extends XMPPConnection> connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    // --- archive (XEP-0313) ---

    @Override
    public ArchivePage<Incoming> pageAfter(String afterArchiveId, int max) throws Exception {
        MamManager.MamQueryArgs.Builder args = MamManager.MamQueryArgs.builder().setResultPageSizeTo(max);
        if (afterArchiveId != null) {
            args.afterUid(afterArchiveId);
        }
        return accountArchive(args.build());
    }

    /** The page of the conversation with {@code peer} before that archive id (the newest page when null). */
    public ArchivePage<Incoming> pageBefore(BareJid peer, String beforeArchiveId, int max) throws Exception {
        MamManager.MamQueryArgs.Builder args = MamManager.MamQueryArgs.builder()
                .limitResultsToJid(peer)
                .setResultPageSizeTo(max);
        if (beforeArchiveId == null) {
            args.queryLastPage();
        } else {
            args.beforeUid(beforeArchiveId);
        }
        return accountArchive(args.build());
    }

    @Override
    public ArchivePage<GroupIncoming> newestGroupPage(String room, int max) throws Exception {
        return groupArchive(room, MamManager.MamQueryArgs.builder().setResultPageSizeTo(max).queryLastPage().build());
    }

    @Override
    public ArchivePage<GroupIncoming> groupPageAfter(String room, String afterArchiveId, int max) throws Exception {
        return groupArchive(room, MamManager.MamQueryArgs.builder().setResultPageSizeTo(max)
                .afterUid(afterArchiveId).build());
    }

    private ArchivePage<Incoming> accountArchive(MamManager.MamQueryArgs args) throws Exception {
        XMPPConnection current = connection.get();
        BareJid me = me(current);
        Instant now = clock.instant();
        return query(MamManager.getInstanceFor(current), args, result -> StanzaReader.readArchived(result, me, now));
    }

    private ArchivePage<GroupIncoming> groupArchive(String room, MamManager.MamQueryArgs args) throws Exception {
        XMPPConnection current = connection.get();
        EntityBareJid roomJid = JidCreate.entityBareFrom(room);
        String me = me(current).toString();
        Instant now = clock.instant();
        return query(MamManager.getInstanceFor(current, roomJid), args,
                result -> GroupStanzaReader.readArchived(result, roomJid, me, now));
    }

    private static <T> ArchivePage<T> query(MamManager archive, MamManager.MamQueryArgs args,
                                            Function<MamElements.MamResultExtension, T> read) throws Exception {
        MamManager.MamQuery query = archive.queryArchive(args);
        List<T> messages = query.getPage().getMamResultExtensions().stream().map(read).toList();
        String last = query.getPage().getMamFinIq().getRSMSet() == null ? null
                : query.getPage().getMamFinIq().getRSMSet().getLast();
        return new ArchivePage<>(messages, query.isComplete(), last);
    }

    /** Deletes the message with that archive id from this account's archive view. */
    public void hide(String archiveId) throws Exception {
        connection.get().sendIqRequestAndWaitForResponse(new HideIQ(archiveId));
    }

    // --- receipts (urn:chatapp:receipts:0) ---

    @Override
    public List<Resync.ReadMark> readMarks() throws Exception {
        ReadMarksIQ result = connection.get().sendIqRequestAndWaitForResponse(ReadMarksIQ.request(null));
        return result.marks().stream().map(mark -> new Resync.ReadMark(mark.with(), mark.stanzaId())).toList();
    }

    @Override
    public MessageInfo messageInfo(String messageId) throws Exception {
        return messageInfo(null, messageId);
    }

    /** The record of a message this account sent, kept by {@code keeper}: a group's room, or (null) the server. */
    public MessageInfo messageInfo(Jid keeper, String messageId) throws Exception {
        MessageInfoIQ request = MessageInfoIQ.request(messageId);
        request.setTo(keeper);
        MessageInfoIQ result = connection.get().sendIqRequestAndWaitForResponse(request);
        return new MessageInfo(result.id().isEmpty() ? messageId : result.id(), result.stanzaId(), result.sent(),
                result.recipients().stream()
                        .map(r -> new MessageInfo.Recipient(r.jid(), r.delivered(), r.read()))
                        .toList());
    }

    // --- retraction (XEP-0424) ---

    /**
     * Asks the server to retract the message (docs/protocol.md, "Retraction"): it checks that this account sent it
     * and that it is young enough, erases it from the archive and sends the XEP-0424 retraction on our behalf.
     * Fails with the reason of the server's refusal.
     */
    public void retract(EntityBareJid peer, String retractionId, String messageId) throws Exception {
        try {
            connection.get().sendIqRequestAndWaitForResponse(new RetractIQ(peer.toString(), messageId,
                    retractionId));
        } catch (XMPPException.XMPPErrorException e) {
            throw retractionFailure(e.getStanzaError());
        }
    }

    /** What a refused retraction's error means (docs/protocol.md, "Retraction"). */
    public static ChatClientException retractionFailure(StanzaError error) {
        if (error == null) {
            return new ChatClientException(Reason.SERVER_ERROR, "The server refused the retraction");
        }
        return switch (error.getCondition()) {
            case item_not_found -> new ChatClientException(Reason.NOT_FOUND,
                    "No such message in this conversation to retract");
            case forbidden, not_allowed -> new ChatClientException(Reason.NOT_ALLOWED,
                    "Only the sender of a message can retract it");
            case not_acceptable -> new ChatClientException(Reason.TOO_LATE,
                    "The message is too old to be retracted");
            default -> Failures.fromStanzaError(error, null);
        };
    }

    // --- last seen (XEP-0012, urn:chatapp:last-seen:0) ---

    /** When {@code jid} was last online; {@link LastSeenInfo#hidden()} when their setting does not tell. */
    public LastSeenInfo lastSeen(Jid jid) throws Exception {
        LastActivity answer;
        try {
            answer = LastActivityManager.getInstanceFor(connection.get()).getLastActivity(jid);
        } catch (XMPPException.XMPPErrorException e) {
            StanzaError.Condition condition = e.getStanzaError().getCondition();
            if (condition == StanzaError.Condition.forbidden || condition == StanzaError.Condition.not_authorized) {
                return LastSeenInfo.hidden();
            }
            throw e;
        }
        long seconds = answer.getIdleTime();
        if (seconds <= 0) {
            return LastSeenInfo.online();
        }
        return LastSeenInfo.offlineSince(clock.instant().minusSeconds(seconds));
    }

    public String lastSeenVisibility() throws Exception {
        LastSeenVisibilityIQ result = connection.get().sendIqRequestAndWaitForResponse(LastSeenVisibilityIQ.get());
        return result.visibility();
    }

    public void setLastSeenVisibility(String visibility) throws Exception {
        connection.get().sendIqRequestAndWaitForResponse(LastSeenVisibilityIQ.set(visibility));
    }

    /** The account's notification preferences and unread counts. */
    public NotificationsIQ notifications() throws Exception {
        return connection.get().sendIqRequestAndWaitForResponse(NotificationsIQ.get());
    }

    public void setNotifications(Boolean previews, List<NotificationsIQ.Chat> chats) throws Exception {
        connection.get().sendIqRequestAndWaitForResponse(NotificationsIQ.set(previews, chats));
    }

    public void setStoryPushes(boolean on) throws Exception {
        connection.get().sendIqRequestAndWaitForResponse(NotificationsIQ.setStories(on));
    }

    /** Registers (or, without keys, removes) this device's WebPush subscription. */
    public void webPush(NotificationsIQ.WebPush subscription) throws Exception {
        connection.get().sendIqRequestAndWaitForResponse(NotificationsIQ.webPush(subscription));
    }

    /** XEP-0357: this device's pushes go to the app server's node, with the publish-options given. */
    public void enablePush(String appServer, String node, java.util.Map<String, String> publishOptions)
            throws Exception {
        boolean done = org.jivesoftware.smackx.push_notifications.PushNotificationsManager
                .getInstanceFor(connection.get()).enable(JidCreate.from(appServer), node,
                        new java.util.HashMap<>(publishOptions));
        if (!done) {
            throw new ChatClientException(Reason.SERVER_ERROR, "The server did not enable push");
        }
    }

    public void disablePush(String appServer, String node) throws Exception {
        org.jivesoftware.smackx.push_notifications.PushNotificationsManager.getInstanceFor(connection.get())
                .disable(JidCreate.from(appServer), node);
    }

    private static BareJid me(XMPPConnection current) {
        if (current.getUser() == null) {
            throw new ChatClientException(Reason.NOT_CONNECTED, "Not logged in");
        }
        return current.getUser().asBareJid();
    }
}
