package io.chatapp.client.internal.xmpp;

import io.chatapp.client.MediaAttachment;
import io.chatapp.client.TypingState;
import java.util.EnumMap;
import java.util.Map;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.chat_markers.element.ChatMarkersElements;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.hints.element.NoStoreHint;
import org.jivesoftware.smackx.hints.element.StoreHint;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.Jid;

/** The messages the library sends, as the protocol (docs/protocol.md) says. */
public final class Stanzas {

    /** The body of a retraction, for clients that do not know XEP-0424. */
    public static final String RETRACTION_FALLBACK =
            "This person attempted to retract a previous message, but it's unsupported by your client.";

    /** {@link #chatState(TypingState)} read backwards, so that the mapping is written once. */
    private static final Map<ChatState, TypingState> TYPING_STATES = new EnumMap<>(ChatState.class);

    static {
        for (TypingState state : TypingState.values()) {
            TYPING_STATES.put(chatState(state), state);
        }
    }

    private Stanzas() {
    }

    /**
     * A text: {@code id} and {@code origin-id} both {@code id}, asking for a delivery receipt, markable, and
     * {@code active} (the user is no longer typing).
     */
    public static Message chat(Jid to, String id, String text) {
        return content(to, id, text).build();
    }

    /**
     * A media message, sent like a text whose body is the download URL (so every client shows a link), with
     * XEP-0066 out-of-band data for that URL and XEP-0446 metadata (name, type, size, dimensions, length, hash,
     * thumbnail).
     */
    public static Message media(Jid to, String id, MediaAttachment media) {
        return attach(content(to, id, media.url()), media).build();
    }

    /**
     * A media message to a group: the same body, XEP-0066 and XEP-0446 elements as {@link #media}, of type
     * {@code groupchat} to the room, with {@code origin-id}. No receipt request or marker: members acknowledge group
     * messages to the room by archive id, as they do texts.
     */
    public static Message groupMedia(Jid room, String id, MediaAttachment media) {
        return attach(StanzaBuilder.buildMessage(id).to(room).ofType(Message.Type.groupchat)
                .setBody(media.url())
                .addExtension(new OriginIdElement(id)), media).build();
    }

    /** The elements that make a message with the URL as body share a file. */
    private static MessageBuilder attach(MessageBuilder message, MediaAttachment media) {
        return message
                .addExtension(new OutOfBandDataElement(media.url(), null))
                .addExtension(MediaElements.fileMetadata(media));
    }

    /** What every text and media message has: body, origin-id, receipt request, markable, active. */
    private static MessageBuilder content(Jid to, String id, String body) {
        return chatTo(to, id)
                .setBody(body)
                .addExtension(new OriginIdElement(id))
                .addExtension(new DeliveryReceiptRequest())
                .addExtension(ChatMarkersElements.MarkableExtension.INSTANCE)
                .addExtension(new ChatStateExtension(ChatState.active));
    }

    /** A XEP-0184 receipt for the message {@code messageId}. */
    public static Message receipt(Jid to, String id, String messageId) {
        return chatTo(to, id)
                .addExtension(new DeliveryReceipt(messageId))
                .build();
    }

    /** A XEP-0333 {@code displayed} marker: {@code messageId} and everything before it is read. */
    public static Message displayed(Jid to, String id, String messageId) {
        return chatTo(to, id)
                .addExtension(new ChatMarkersElements.DisplayedExtension(messageId))
                .build();
    }

    /** A XEP-0085 chat state, never stored (XEP-0334 {@code no-store}). */
    public static Message chatState(Jid to, String id, TypingState state) {
        return chatTo(to, id)
                .addExtension(new ChatStateExtension(chatState(state)))
                .addExtension(NoStoreHint.INSTANCE)
                .build();
    }

    /** A XEP-0424 retraction of the message {@code messageId}, with the XEP-0428 fallback and a store hint. */
    public static Message retraction(Jid to, String id, String messageId) {
        return chatTo(to, id)
                .addExtension(new RetractElement(messageId))
                .addExtension(new FallbackElement(RetractElement.NAMESPACE))
                .setBody(RETRACTION_FALLBACK)
                .addExtension(StoreHint.INSTANCE)
                .build();
    }

    /** The start of every message sent: type chat, to {@code to}, with stanza id {@code id}. */
    private static MessageBuilder chatTo(Jid to, String id) {
        return StanzaBuilder.buildMessage(id).to(to).ofType(Message.Type.chat);
    }

    public static ChatState chatState(TypingState state) {
        return switch (state) {
            case COMPOSING -> ChatState.composing;
            case PAUSED -> ChatState.paused;
            case ACTIVE -> ChatState.active;
            case INACTIVE -> ChatState.inactive;
            case GONE -> ChatState.gone;
        };
    }

    /** The inverse of {@link #chatState(TypingState)}. */
    public static TypingState typingState(ChatState state) {
        return TYPING_STATES.get(state);
    }
}
