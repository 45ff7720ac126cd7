package io.chatapp.client;

/** Who this account's future stories are shared with; always among its contacts (mutual presence subscription). */
public enum StoryAudience {
    /** Every contact. */
    CONTACTS,
    /** Every contact but the listed ones. */
    EXCEPT,
    /** Only the listed contacts. */
    ONLY
}
