package io.chatapp.client.internal;

import io.chatapp.client.ChatMessage;
import io.chatapp.client.MediaAttachment;
import io.chatapp.client.TypingState;
import java.time.Instant;

/**
 * What the library needs of one message stanza, read from Smack's {@code Message} (see
 * {@code xmpp.StanzaReader}) so that the logic deciding what to deliver is free of Smack.
 *
 * @param source           how it reached this device
 * @param id               the stanza's {@code id} attribute, or empty
 * @param originId         its XEP-0359 {@code origin-id}, or null
 * @param archiveId        its archive id in this account's archive, or null
 * @param fromBare         the sender's bare address
 * @param fromDevice       the sender's resource, or empty
 * @param fromFull         the sender's address as given (where receipts go)
 * @param toBare           the recipient's bare address, or empty
 * @param outgoing         sent by this account (another device of it, or this one before a reconnection)
 * @param body             the body, or null
 * @param sentAt           the server's time stamp, or the arrival time
 * @param delayed          stored offline or archived
 * @param receiptRequested carries a XEP-0184 {@code <request/>}
 * @param receivedId       the id a XEP-0184 {@code <received/>} acknowledges, or null
 * @param displayedId      the id a XEP-0333 {@code <displayed/>} marks read, or null
 * @param chatState        its XEP-0085 chat state, or null
 * @param retractId        the id of the message a XEP-0424 {@code <retract/>} retracts, or null
 * @param tombstone        an archived message whose content was retracted ({@code <retracted/>})
 * @param media            the file it shares (XEP-0066 + XEP-0446), or null
 */
public record Incoming(Source source, String id, String originId, String archiveId, String fromBare,
                       String fromDevice, String fromFull, String toBare, boolean outgoing, String body,
                       Instant sentAt, boolean delayed, boolean receiptRequested, String receivedId,
                       String displayedId, TypingState chatState, String retractId, boolean tombstone,
                       MediaAttachment media) {

    /** How a message reached this device. */
    public enum Source {
        /** Directly (live or from offline storage). */
        LIVE,
        /** A XEP-0280 carbon copy of a message to or from another device of this account. */
        CARBON,
        /** A XEP-0313 archive result. */
        ARCHIVE
    }

    /** The other party: the recipient of an outgoing message, else the sender. */
    public String peer() {
        return outgoing ? toBare : fromBare;
    }

    /** Something to show in the conversation: a text, a retraction or a tombstone. */
    public boolean isContent() {
        return body != null || retractId != null || tombstone;
    }

    /** The id receipts and markers refer to: the {@code id} attribute, else the origin-id. */
    public String referenceId() {
        return id.isEmpty() && originId != null ? originId : id;
    }

    public ChatMessage toChatMessage() {
        return new ChatMessage(referenceId(), fromBare, fromDevice, toBare, body == null ? "" : body, sentAt,
                delayed, archiveId, originId, outgoing, tombstone, media);
    }
}
