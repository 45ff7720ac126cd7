package io.chatapp.client;

import java.util.Locale;

/** Who sees whose presence, as the roster records it (RFC 6121 {@code subscription}). */
public enum Subscription {
    /** Neither side sees the other's presence. */
    NONE,
    /** This account sees the contact's presence. */
    TO,
    /** The contact sees this account's presence. */
    FROM,
    /** Both see each other's presence. */
    BOTH;

    /** The wire value: {@code none}, {@code to}, {@code from} or {@code both}. */
    public String xmppValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
