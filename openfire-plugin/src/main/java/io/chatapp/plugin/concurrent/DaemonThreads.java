package io.chatapp.plugin.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plugin's threads: every one is named {@code chatapp-…}, so a thread dump and the lifecycle tests can tell
 * them apart from Openfire's, and is a daemon, so a thread the plugin failed to stop never keeps Openfire's JVM alive.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A daemon thread named {@code name} that runs {@code task}; not started. */
    public static Thread unstarted(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Daemon threads all named {@code name} (a pool whose threads need not be told apart). */
    public static ThreadFactory named(String name) {
        return task -> unstarted(name, task);
    }

    /** Daemon threads named {@code prefix1}, {@code prefix2}, … in the order they are made. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> unstarted(prefix + count.incrementAndGet(), task);
    }
}
