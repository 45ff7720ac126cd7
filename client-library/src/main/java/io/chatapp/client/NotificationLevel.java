package io.chatapp.client;

import java.util.Locale;

/** Which messages of a group this account is notified of (pushed to its offline devices). */
public enum NotificationLevel {
    ALL,
    /** Only messages that mention this account (our mention element or a XEP-0372 reference). */
    MENTIONS,
    OFF;

    /** The value on the wire. */
    public String xmppValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
