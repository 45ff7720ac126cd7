package io.chatapp.client;

/** A XEP-0085 chat state: what the other party is doing in a conversation. */
public enum TypingState {
    /** Typing. */
    COMPOSING,
    /** Stopped typing for a while without sending. */
    PAUSED,
    /** Paying attention to the conversation (also sent with every message). */
    ACTIVE,
    /** Not paying attention. */
    INACTIVE,
    /** Left the conversation. */
    GONE
}
