package io.chatapp.devserver;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A child process that ends when its standard input does: {@link #close()} closes the pipe and waits for it (then
 * kills it and its descendants if it lingers), and since the pipe also closes when this JVM dies in any way, no child
 * outlives the test that started it. A shutdown hook closes it on an ordinary exit.
 */
public final class PipedChild implements AutoCloseable {

    private final Process process;
    private final Duration grace;
    private final Thread shutdownHook;

    private PipedChild(Process process, String name, Duration grace) {
        this.process = process;
        this.grace = grace;
        this.shutdownHook = new Thread(this::stop, name + "-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the child; it must exit once its standard input ends. {@code grace} is how long {@link #close()} waits
     * for that before killing it.
     */
    public static PipedChild start(ProcessBuilder builder, String name, Duration grace) throws IOException {
        return new PipedChild(builder.start(), name, grace);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code; only once it is gone. */
    public int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook stops the child itself
        }
    }

    private void stop() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed: the child saw the end of its input
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
