package io.chatapp.client;

/** Hears about retracted messages. Called on the client's event thread. */
@FunctionalInterface
public interface RetractionListener {

    void onRetraction(Retraction retraction);
}
