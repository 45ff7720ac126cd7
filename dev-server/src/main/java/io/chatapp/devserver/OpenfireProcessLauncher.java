package io.chatapp.devserver;

import java.io.IOException;
import java.io.InputStream;

/**
 * The main class of a separately started Openfire (the Openfire 5.2 target): starts Openfire's own
 * {@code ServerStarter} (from {@code lib/startup.jar}) and exits when its standard input ends, which happens when the
 * dev server closes the pipe or its JVM dies however it dies, so no Openfire outlives the tests that started it.
 * Copied as a lone class file next to the distribution and run without the dev server's class path: it may use
 * only the JDK (no nested or anonymous classes, which would be separate class files).
 */
public final class OpenfireProcessLauncher {

    private static final String SERVER_STARTER = "org.jivesoftware.openfire.starter.ServerStarter";
    private static final long GRACEFUL_EXIT_MILLIS = 10_000;

    private OpenfireProcessLauncher() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        Thread watcher = new Thread(OpenfireProcessLauncher::exitWhenParentGoes, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        Class.forName(SERVER_STARTER).getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static void exitWhenParentGoes() {
        try (InputStream parent = System.in) {
            byte[] buffer = new byte[256];
            while (parent.read(buffer) >= 0) {
                // the parent never writes: only the end of the stream matters
            }
        } catch (IOException e) {
            // a broken pipe means the same as its end
        }
        Thread halt = new Thread(OpenfireProcessLauncher::haltLater, "halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }

    /** Openfire's shutdown hook stops the server; should it hang, the process goes anyway. */
    private static void haltLater() {
        try {
            Thread.sleep(GRACEFUL_EXIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(1);
    }
}
