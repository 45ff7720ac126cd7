package io.chatapp.plugin;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one undo idiom of the plugin: whatever is opened, started or registered is pushed here as it happens, and
 * {@link #close()} undoes it in exactly the reverse order, logging (not throwing) a failure so that the rest is still
 * undone. A start that fails half-way closes what was already pushed, so a plugin reload leaks nothing.
 */
public final class Closer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Closer.class);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** Pushes a part that is now open; returns it. */
    public synchronized <T extends AutoCloseable> T open(T part) {
        opened.push(part);
        return part;
    }

    /** Pushes what undoes a step just taken. */
    public void onClose(AutoCloseable undo) {
        open(undo);
    }

    @Override
    public void close() {
        while (true) {
            AutoCloseable part;
            synchronized (this) {
                if (opened.isEmpty()) {
                    return;
                }
                part = opened.pop();
            }
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", part.getClass().getSimpleName(), e);
            }
        }
    }
}
