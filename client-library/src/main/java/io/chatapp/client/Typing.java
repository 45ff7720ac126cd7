package io.chatapp.client;

import java.util.Objects;

/**
 * Typing notifications (XEP-0085 chat states) both ways ({@link ChatClient#typing()}).
 *
 * <p>Call {@link #typing} whenever the user types in a conversation (on every key press, say): the client sends
 * {@code composing} at most once every 5 seconds while the calls go on, {@code paused} 5 seconds after the last
 * one, and nothing more once a message is sent (every message carries {@code active}). Chat states are never stored
 * by the server: nobody sees a stale "typing…" later.
 */
public final class Typing {

    private final MessageHub hub;

    Typing(MessageHub hub) {
        this.hub = hub;
    }

    /**
     * The user is typing to {@code peer}. Returns at once; does nothing when not logged in. Fails with
     * {@link ChatClientException.Reason#INVALID_INPUT} for an invalid address.
     */
    public void typing(String peer) {
        try {
            hub.typing.typing(hub.context.bareJid(peer).toString());
        } catch (org.jxmpp.stringprep.XmppStringprepException e) {
            throw io.chatapp.client.internal.Failures.translate(e);
        }
    }

    /** Hears when the people this account talks to start or stop typing. */
    public ListenerRegistration onTyping(TypingListener listener) {
        return hub.typingListeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
