package io.chatapp.client.internal.xmpp;

import io.chatapp.client.internal.Incoming;
import java.time.Instant;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.chat_markers.element.ChatMarkersElements;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/** Reads Smack messages into {@link Incoming}s. */
public final class StanzaReader {

    private StanzaReader() {
    }

    /**
     * A message received directly or as a carbon copy (the copy inside the carbon).
     *
     * @param me     this account's bare address: its {@code stanza-id} is the archive id
     * @param now    the arrival time, used when the server put no delay stamp
     */
    public static Incoming read(Message message, Incoming.Source source, BareJid me, Instant now) {
        DelayInformation delay = DelayInformation.from(message);
        Instant sentAt = delay == null ? now : delay.getStamp().toInstant();
        return read(message, source, me, archiveId(message, me), sentAt, delay != null);
    }

    /** An archive result: the archive id and time are the result's. */
    public static Incoming readArchived(MamElements.MamResultExtension result, BareJid me, Instant now) {
        Forwarded<Message> forwarded = result.getForwarded();
        DelayInformation delay = forwarded.getDelayInformation();
        Message message = forwarded.getForwardedStanza();
        if (delay == null) {
            delay = DelayInformation.from(message);
        }
        Instant sentAt = delay == null ? now : delay.getStamp().toInstant();
        return read(message, Incoming.Source.ARCHIVE, me, result.getId(), sentAt, true);
    }

    private static Incoming read(Message message, Incoming.Source source, BareJid me, String archiveId,
                                 Instant sentAt, boolean delayed) {
        Jid from = message.getFrom();
        Jid to = message.getTo();
        String fromBare = from == null ? me.toString() : from.asBareJid().toString();
        boolean outgoing = from == null || from.asBareJid().equals(me);
        OriginIdElement originId = OriginIdElement.getOriginId(message);
        DeliveryReceipt receipt = extension(message, DeliveryReceipt.ELEMENT, DeliveryReceipt.NAMESPACE,
                DeliveryReceipt.class);
        ChatMarkersElements.DisplayedExtension displayed = extension(message,
                ChatMarkersElements.DisplayedExtension.ELEMENT, ChatMarkersElements.NAMESPACE,
                ChatMarkersElements.DisplayedExtension.class);
        ChatStateExtension chatState = null;
        for (ExtensionElement element : message.getExtensions()) {
            if (element instanceof ChatStateExtension state) {
                chatState = state; // its element name is the state, so it has no fixed QName to look up
            }
        }
        RetractElement retract = extension(message, RetractElement.ELEMENT, RetractElement.NAMESPACE,
                RetractElement.class);
        boolean tombstone = message.getExtension(RetractedElement.QNAME) != null;
        return new Incoming(source,
                message.getStanzaId() == null ? "" : message.getStanzaId(),
                originId == null ? null : originId.getId(),
                archiveId,
                fromBare,
                from == null ? "" : from.getResourceOrEmpty().toString(),
                from == null ? fromBare : from.toString(),
                to == null ? "" : to.asBareJid().toString(),
                outgoing,
                retract != null || tombstone ? null : message.getBody(),
                sentAt,
                delayed,
                message.getExtension(DeliveryReceiptRequest.QNAME) != null,
                receipt == null || receipt.getId() == null || receipt.getId().isEmpty() ? null : receipt.getId(),
                displayed == null || displayed.getId() == null || displayed.getId().isEmpty() ? null
                        : displayed.getId(),
                chatState == null ? null : Stanzas.typingState(chatState.getChatState()),
                retract == null || retract.id().isEmpty() ? null : retract.id(),
                tombstone,
                retract != null || tombstone ? null : MediaElements.read(message));
    }

    /** The archive id: the {@code stanza-id} added by this account's archive, if any. */
    public static String archiveId(Message message, BareJid me) {
        for (ExtensionElement element : message.getExtensions(StanzaIdElement.QNAME)) {
            if (element instanceof StanzaIdElement stanzaId && me.toString().equals(stanzaId.getBy())) {
                return stanzaId.getId();
            }
        }
        return null;
    }

    private static <E> E extension(Message message, String element, String namespace, Class<E> type) {
        ExtensionElement extension = message.getExtension(new javax.xml.namespace.QName(namespace, element));
        return type.isInstance(extension) ? type.cast(extension) : null;
    }
}
