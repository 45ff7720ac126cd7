package io.chatapp.it;

import io.chatapp.devserver.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The dev server process with its merged output. */
final class DevServerProcess {

    private final Process process;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private DevServerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream in = process.getInputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (output) {
                        output.write(buffer, 0, read);
                    }
                }
            } catch (IOException e) {
                // process ended
            }
        }, "dev-server-output");
        reader.setDaemon(true);
        reader.start();
    }

    static DevServerProcess start(List<String> command) throws IOException {
        return new DevServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    String awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("The dev server did not start; output:\n" + output());
            }
            Thread.sleep(100);
        }
        return output();
    }

    /** Makes sure the process is gone, whatever the test did. */
    void kill() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGKILL (what {@code destroyForcibly} sends on Linux): no shutdown hook, no plugin close, nothing flushed. */
    void killAbruptly() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("The dev server did not die within 30 s of SIGKILL");
        }
    }

    /** SIGTERM, as Ctrl+C or a service manager would; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The dev server did not stop within 60 s after SIGTERM; output:\n"
                    + output());
        }
        return process.exitValue();
    }

    /** The command that runs the README's dev server jar (set by the build) with these arguments. */
    static List<String> command(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of(System.getProperty("chatapp.devserver.jar")).toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    static int freePort() {
        return FreePorts.pick();
    }
}
