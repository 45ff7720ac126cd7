package io.chatapp.client;

/** Removes the listener it was returned for. */
@FunctionalInterface
public interface ListenerRegistration extends AutoCloseable {

    @Override
    void close();
}
