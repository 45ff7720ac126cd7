package io.chatapp.client;

import java.util.Locale;

/**
 * How available a device says it is (XMPP presence {@code <show/>}, RFC 6121), or {@link #OFFLINE} when it went away.
 * {@link #xmppValue()} is the value on the wire.
 */
public enum PresenceMode {
    AVAILABLE, CHAT, AWAY, XA, DND,
    /** Only ever received ({@link PresenceUpdate#mode()}): a device goes offline by logging out. */
    OFFLINE;

    /** The wire value: {@code available}, {@code chat}, {@code away}, {@code xa}, {@code dnd} or {@code offline}. */
    public String xmppValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode with that wire value (any case). */
    public static PresenceMode ofXmppValue(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT,
                    "Unknown status '" + value + "': use available, chat, away, xa or dnd", e);
        }
    }
}
