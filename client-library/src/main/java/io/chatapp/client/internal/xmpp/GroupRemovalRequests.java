package io.chatapp.client.internal.xmpp;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.internal.Failures;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.EntityBareJid;

/**
 * Deleting a group message for everyone (docs/protocol.md, groups): the sender's XEP-0424 retraction sent to the
 * room, and an admin's XEP-0425 moderation. Both wait for the server's verdict and fail with its reason.
 */
public final class GroupRemovalRequests {

    private static final String FALLBACK = "This person attempted to retract a previous message, but it's"
            + " unsupported by your client.";

    private GroupRemovalRequests() {
    }

    /**
     * Retracts this account's message with that archive id: done when the room passes the retraction on (this device
     * is in the room), refused when the room bounces it with an error.
     */
    public static void retract(XMPPConnection connection, EntityBareJid room, String archiveId) throws Exception {
        Message retraction = connection.getStanzaFactory().buildMessageStanza().to(room)
                .ofType(Message.Type.groupchat).setBody(FALLBACK).addExtension(new RetractElement(archiveId))
                .addExtension(new FallbackElement(RetractElement.NAMESPACE)).build();
        String id = retraction.getStanzaId();
        StanzaCollector answer = connection.createStanzaCollectorAndSend(
                stanza -> answers(stanza, room, id, archiveId), retraction);
        try {
            answer.nextResultOrThrow();
        } catch (XMPPException.XMPPErrorException e) {
            throw failure(e.getStanzaError());
        } finally {
            answer.cancel();
        }
    }

    /** Removes (as a group admin) the message with that archive id, with an optional reason. */
    public static void moderate(XMPPConnection connection, EntityBareJid room, String archiveId, String reason)
            throws Exception {
        ModerateIQ request = new ModerateIQ(archiveId, reason);
        request.setTo(room);
        try {
            connection.sendIqRequestAndWaitForResponse(request);
        } catch (XMPPException.XMPPErrorException e) {
            throw failure(e.getStanzaError());
        }
    }

    /** The room's error for our retraction, or the retraction it passed on. */
    private static boolean answers(Stanza stanza, EntityBareJid room, String id, String archiveId) {
        if (!(stanza instanceof Message message) || message.getFrom() == null
                || !room.equals(message.getFrom().asBareJid())) {
            return false;
        }
        if (message.getType() == Message.Type.error) {
            return id.equals(message.getStanzaId());
        }
        RetractElement retract = (RetractElement) message.getExtension(RetractElement.QNAME);
        return retract != null && archiveId.equals(retract.id());
    }

    private static ChatClientException failure(StanzaError error) {
        if (error == null) {
            return new ChatClientException(Reason.SERVER_ERROR, "The server refused the deletion");
        }
        return switch (error.getCondition()) {
            case item_not_found -> new ChatClientException(Reason.NOT_FOUND, "No such message in this group");
            case forbidden, not_allowed -> new ChatClientException(Reason.NOT_ALLOWED,
                    error.getDescriptiveText() != null ? error.getDescriptiveText()
                            : "Not allowed to delete this message");
            case not_acceptable -> new ChatClientException(Reason.TOO_LATE, "The message is too old to be retracted");
            default -> Failures.fromStanzaError(error, null);
        };
    }
}
