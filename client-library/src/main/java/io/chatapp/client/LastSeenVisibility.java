package io.chatapp.client;

/** Who may see when this account was last online (see {@link LastSeen}). */
public enum LastSeenVisibility {
    /** Every user of the server. */
    EVERYONE,
    /** Contacts this account shares presence with (the server's default). */
    CONTACTS,
    /** Nobody. */
    NOBODY
}
