package io.chatapp.client;

/** Where a {@link ChatClient}'s connection stands. */
public enum ConnectionState {
    DISCONNECTED,
    CONNECTED,
    AUTHENTICATED,
    /** The connection was lost and the client is reconnecting by itself. */
    RECONNECTING,
    /** The connection came back and the previous stream was resumed: nothing was lost. */
    RESUMED,
    CLOSED
}
