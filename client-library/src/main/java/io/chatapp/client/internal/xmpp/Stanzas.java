package io.chatapp.client.internal.xmpp;

import io.chatapp.client.TypingState;
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

    private Stanzas() {
    }

    /**
     * A text: {@code id} and {@code origin-id} both {@code id}, asking for a delivery receipt, markable, and
     * {@code active} (the user is no longer typing).
     */
    public static Message chat(Jid to, String id, String text) {
        return StanzaBuilder.buildMessage(id)
                .to(to)
                .ofType(Message.Type.chat)
                .setBody(text)
                .addExtension(new OriginIdElement(id))
                .addExtension(new DeliveryReceiptRequest())
                .addExtension(ChatMarkersElements.MarkableExtension.INSTANCE)
                .addExtension(new ChatStateExtension(ChatState.active))
                .build();
    }

    /** A XEP-0184 receipt for the message {@code messageId}. */
    public static Message receipt(Jid to, String id, String messageId) {
        return StanzaBuilder.buildMessage(id)
                .to(to)
                .ofType(Message.Type.chat)
                .addExtension(new DeliveryReceipt(messageId))
                .build();
    }

    /** A XEP-0333 {@code displayed} marker: {@code messageId} and everything before it is read. */
    public static Message displayed(Jid to, String id, String messageId) {
        return StanzaBuilder.buildMessage(id)
                .to(to)
                .ofType(Message.Type.chat)
                .addExtension(new ChatMarkersElements.DisplayedExtension(messageId))
                .build();
    }

    /** A XEP-0085 chat state, never stored (XEP-0334 {@code no-store}). */
    public static Message chatState(Jid to, String id, TypingState state) {
        return StanzaBuilder.buildMessage(id)
                .to(to)
                .ofType(Message.Type.chat)
                .addExtension(new ChatStateExtension(chatState(state)))
                .addExtension(NoStoreHint.INSTANCE)
                .build();
    }

    /** A XEP-0424 retraction of the message {@code messageId}, with the XEP-0428 fallback and a store hint. */
    public static Message retraction(Jid to, String id, String messageId) {
        MessageBuilder builder = StanzaBuilder.buildMessage(id)
                .to(to)
                .ofType(Message.Type.chat)
                .addExtension(new RetractElement(messageId))
                .addExtension(new FallbackElement(RetractElement.NAMESPACE))
                .setBody(RETRACTION_FALLBACK);
        return builder.addExtension(StoreHint.INSTANCE).build();
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

    public static TypingState typingState(ChatState state) {
        return switch (state) {
            case composing -> TypingState.COMPOSING;
            case paused -> TypingState.PAUSED;
            case active -> TypingState.ACTIVE;
            case inactive -> TypingState.INACTIVE;
            case gone -> TypingState.GONE;
        };
    }
}
