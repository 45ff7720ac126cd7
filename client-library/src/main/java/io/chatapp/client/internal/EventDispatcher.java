package io.chatapp.client.internal;

import io.chatapp.client.ListenerRegistration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers events to an app's listeners on the client's own event thread, in order, so that a slow listener
 * never blocks Smack's reader thread and one listener's exception never stops the others.
 */
public final class EventDispatcher<L> {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());

    private final List<L> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events;

    public EventDispatcher(ExecutorService events) {
        this.events = events;
    }

    public ListenerRegistration add(L listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Whether nobody listens (work done only to be told may be skipped). */
    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    public void fire(Consumer<L> call) {
        if (listeners.isEmpty() || events.isShutdown()) {
            return;
        }
        events.execute(() -> {
            for (L listener : listeners) {
                try {
                    call.accept(listener);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A chat-app listener failed", e);
                }
            }
        });
    }
}
