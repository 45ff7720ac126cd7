package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.archive.ArchiveIds;
import io.chatapp.plugin.archive.ArchivedMessage;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.groups.GroupRemovalRules;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.media.MediaService;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Delete for everyone in a group, checked off the packet thread ({@link GroupRemovalRules}): a member's XEP-0424
 * retraction of their own message sent to the room, and an admin's XEP-0425 moderation IQ (current
 * {@code urn:xmpp:message-moderate:1} and the earlier {@code :0} in {@code urn:xmpp:fasten:0}) removing anyone's.
 * The message's stanza in the room's archive becomes a tombstone ({@link GroupTombstones}); the retraction or
 * moderation goes to every occupant in both forms and into the room's archive (members catching up get it, and MAM
 * returns the tombstone in place of the message); a file the message shared is revoked.
 */
final class GroupRemovals {

    static final String READDRESSED = "moderate";

    private final GroupService groups;
    private final MessageArchive archive;
    private final GroupBroadcast broadcast;
    private final GroupOccupants occupants;
    private final MediaService media;
    private final Duration window;
    private final Clock clock;
    private final PluginRouting routing;
    /** Leaves removed messages out of the history Openfire replays to whoever enters the room. */
    private final HistoryReplayFilter replays;

    GroupRemovals(GroupService groups, MessageArchive archive, GroupBroadcast broadcast, GroupOccupants occupants,
                  MediaService media, Duration window, Clock clock, HistoryReplayFilter replays,
                  PluginRouting routing) {
        this.groups = groups;
        this.archive = archive;
        this.broadcast = broadcast;
        this.occupants = occupants;
        this.media = media;
        this.window = window;
        this.clock = clock;
        this.replays = replays;
        this.routing = routing;
    }

    /** The XEP-0424 {@code <retract/>} of a message to a room, or null when it is none. */
    static Element retractOf(Message message) {
        return message.getChildElement("retract", GroupTombstones.RETRACT);
    }

    /** Checks a member's retraction the interceptor held back; an invalid one bounces with its error. */
    void retract(Message held, Element retract, String room, String requester) {
        String reference = retract.attributeValue("id");
        CompletableFuture<Void> done = reference == null || reference.isBlank()
                ? CompletableFuture.failedFuture(new StanzaErrorException(StanzaError.BAD_REQUEST,
                        "the retract element needs the stanza-id of the message"))
                : remove(room, reference, requester, null, null);
        done.whenComplete((ignored, failure) -> {
            if (failure != null) {
                Message bounce = held.createCopy();
                bounce.setTo(held.getFrom());
                bounce.setFrom(held.getTo());
                bounce.setType(Message.Type.error);
                bounce.setError(PluginRouting.error(failure));
                routing.route(bounce);
            }
        });
    }

    /** Whether the IQ is a XEP-0425 moderation request, in the current or the earlier form. */
    static boolean isModeration(IQ iq) {
        Element child = iq.getChildElement();
        return iq.getType() == IQ.Type.set && child != null
                && (GroupTombstones.MODERATE.equals(child.getNamespaceURI()) && "moderate".equals(child.getName())
                || GroupTombstones.FASTEN.equals(child.getNamespaceURI()) && "apply-to".equals(child.getName())
                && child.element(org.dom4j.QName.get("moderate", GroupTombstones.MODERATE_0)) != null);
    }

    /** Answers a moderation request (restored as sent to the room): the removal is done when the result comes. */
    CompletableFuture<IQ> answer(IQ request) {
        Element child = request.getChildElement();
        Element moderate = GroupTombstones.MODERATE.equals(child.getNamespaceURI()) ? child
                : child.element(org.dom4j.QName.get("moderate", GroupTombstones.MODERATE_0));
        String reference = child.attributeValue("id");
        if (reference == null || reference.isBlank()) {
            return CompletableFuture.completedFuture(PluginRouting.errorReply(request,
                    new StanzaErrorException(StanzaError.BAD_REQUEST, "id (the message's stanza-id) is required")));
        }
        String reason = moderate.elementTextTrim("reason");
        String room = request.getTo().toBareJID();
        String moderator = request.getFrom().toBareJID();
        String nick = occupants.nick(room, request.getFrom());
        try {
            GroupRemovalRules.checkModeration(groups.role(room, moderator));
        } catch (StanzaErrorException e) {
            return CompletableFuture.completedFuture(PluginRouting.errorReply(request, e));
        }
        return remove(room, reference, moderator, nick == null ? new JID(moderator).getNode() : nick,
                reason == null || reason.isEmpty() ? null : reason)
                .handle((done, failure) -> failure == null ? IQ.createResultIQ(request)
                        : PluginRouting.errorReply(request, failure));
    }

    /** Removes the message; {@code moderator} null for its sender's own retraction. */
    private CompletableFuture<Void> remove(String room, String reference, String requester, String moderatorNick,
                                           String reason) {
        String moderator = moderatorNick == null ? null : requester;
        return archive.find(room, reference).thenCompose(found -> {
            ArchivedMessage message = found.orElse(null);
            Element stored = message == null ? null : parse(message.stanzaXml());
            String sender = stored == null ? null : GroupTombstones.sender(stored);
            if (sender == null || !room.equals(message.sender())) {
                throw new StanzaErrorException(StanzaError.ITEM_NOT_FOUND, "no message " + reference + " in "
                        + "this group");
            }
            if (moderator == null) {
                GroupRemovalRules.checkRetraction(requester, groups.role(room, requester), sender,
                        message.receivedAt(), clock.instant(), window);
            }
            replays.removed(ArchiveIds.format(message.id()));
            if (message.retracted()) {
                return CompletableFuture.completedFuture(null);
            }
            return archive.replaceWithTombstone(message.id(), at -> GroupTombstones.tombstone(stored, at, room,
                    moderator, moderatorNick, reason)).thenAccept(retracted -> {
                        if (retracted.isEmpty()) {
                            return;
                        }
                        // A file the message shared goes with it (XEP-0424 §7), as in one-to-one chats.
                        media.revokeRetracted(sender, message.stanzaXml());
                        Message notice = moderator == null
                                ? GroupTombstones.retraction(room, stored, message.id())
                                : GroupTombstones.moderation(room, message.id(), moderator, moderatorNick, reason);
                        // Archived too: members catching up, and clients that kept the message, learn of it.
                        broadcast.deliver(notice, room);
                    });
        });
    }

    private static Element parse(String xml) {
        if (xml == null) {
            return null;
        }
        try {
            return DocumentHelper.parseText(xml).getRootElement();
        } catch (DocumentException e) {
            return null;
        }
    }
}
