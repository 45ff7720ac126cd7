package io.chatapp.client;

/** Where a {@link Call} is. */
public enum CallState {
    /** Someone calls this account; this device rings until {@link Call#accept()} or {@link Call#reject()}. */
    INCOMING,
    /** This account proposed the call; no device of the peer has said it rings yet. */
    CALLING,
    /** A device of the peer rings. */
    RINGING,
    /** Accepted; the media connection is being set up. */
    CONNECTING,
    /** Media flows. */
    CONNECTED,
    /** The media connection was lost and is being restored. */
    RECONNECTING,
    /** Over; see {@link CallEvent.Ended} for why. */
    ENDED
}
