package io.chatapp.client;

/** Receives {@link CallEvent}s; see {@link Calls#onCallEvent}. */
@FunctionalInterface
public interface CallListener {
    void onCallEvent(CallEvent event);
}
