package io.chatapp.it;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A tmpfs of a chosen size mounted over a directory, so whatever the server writes there runs out of space for real
 * (ENOSPC). Mounting needs root (CAP_SYS_ADMIN): where the test cannot mount, {@link #mountOver} skips it, saying why.
 * Closing unmounts, so a failed test leaves no mount behind.
 */
final class SmallDisk implements AutoCloseable {

    private final Path directory;

    private SmallDisk(Path directory) {
        this.directory = directory;
    }

    /** Mounts a tmpfs of {@code megabytes} over {@code directory} (which must exist), or skips the test. */
    static SmallDisk mountOver(Path directory, int megabytes) throws IOException {
        String output = mount("-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", directory.toString());
        Assumptions.assumeTrue(output == null, () -> "cannot mount a tmpfs (needs root, CAP_SYS_ADMIN): " + output);
        return new SmallDisk(directory);
    }

    /** Gives the file system room again, keeping what is on it (as an operator freeing or adding space would). */
    void growTo(int megabytes) throws IOException {
        String output = mount("-o", "remount,size=" + megabytes + "m", directory.toString());
        if (output != null) {
            throw new IllegalStateException("could not remount " + directory + ": " + output);
        }
    }

    /** The regular files on it, temporary ones included. */
    List<Path> files() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    @Override
    public void close() throws IOException {
        String output = run("umount", directory.toString());
        if (output != null) {
            // Still busy (say a download the failed test left open): detach it now, so no mount stays behind.
            String lazy = run("umount", "--lazy", directory.toString());
            throw new IllegalStateException("could not unmount " + directory + ": " + output
                    + (lazy == null ? " (detached lazily)" : "; nor lazily: " + lazy));
        }
    }

    private static String mount(String... arguments) throws IOException {
        String[] command = new String[arguments.length + 1];
        command[0] = "mount";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        return run(command);
    }

    /** Runs the command; null when it succeeded, else what it printed. */
    private static String run(String... command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage(); // no mount command at all
        }
        String output = new String(process.getInputStream().readAllBytes()).trim();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return command[0] + " did not finish within 30 s";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + command[0]);
        }
        return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + output;
    }
}
