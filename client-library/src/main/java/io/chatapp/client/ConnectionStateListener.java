package io.chatapp.client;

/** Told about connection state changes. Called on the client's event thread. */
@FunctionalInterface
public interface ConnectionStateListener {

    void onStateChange(ConnectionState state);
}
