package io.chatapp.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code chatapp} jar as a separate process, as a user would, with its own config directory. */
final class CliProcess {

    private static final Path JAR = Path.of(System.getProperty("chatapp.cli.jar", "../cli-client/target/chatapp-cli.jar"));

    private final Process process;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private CliProcess(Process process) {
        this.process = process;
        copy(process.getInputStream(), stdout);
        copy(process.getErrorStream(), stderr);
    }

    static CliProcess start(Path configDir, String password, String... args) throws IOException {
        CliProcess cli = interactive(configDir, password, args);
        cli.process.getOutputStream().close();
        return cli;
    }

    /** Started with its standard input left open, for {@link #type(String)}. */
    /** Runs {@code chatapp login} for the user against the test server (the password on standard input). */
    static void login(io.chatapp.devserver.DevServer server, Path configDir, io.chatapp.devserver.junit.TestUser user,
                      Duration timeout) throws Exception {
        CliProcess login = start(configDir, user.password(), "login",
                "--server", "127.0.0.1", "--port", Integer.toString(server.xmppPort()), "--domain", server.domain(),
                "--trust", server.certificate().toString(), "--api-url", server.pluginHttpUri().toString(),
                user.username());
        org.assertj.core.api.Assertions.assertThat(login.await(timeout))
                .as("login exit code; stderr: %s", login.stderr()).isZero();
    }

    static CliProcess interactive(Path configDir, String password, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("CHATAPP_CONFIG_DIR", configDir.toString());
        if (password != null) {
            env.put("CHATAPP_PASSWORD", password);
        } else {
            env.remove("CHATAPP_PASSWORD");
        }
        return new CliProcess(builder.start());
    }

    /** Types a line into the program's standard input. */
    void type(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Waits until standard output contains the text. */
    void awaitStdout(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stdout().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("chatapp never printed '" + text + "'; stdout: " + stdout() + " stderr: "
                        + stderr());
            }
            Thread.sleep(50);
        }
    }

    /**
     * Types {@code /group create NAME MEMBER} into the shell and waits until it is created and the member's device has
     * entered it; returns the group's address. {@code memberHears} is the member's {@link Inbox#groups}.
     */
    String createGroup(String name, io.chatapp.devserver.junit.TestUser member, Inbox<Object> memberHears,
                       Duration timeout) throws IOException, InterruptedException {
        type("/group create " + name + " " + member.username());
        awaitStdout("Created " + name + " (g", timeout);
        return ((String) memberHears.next(e -> e instanceof String s && s.startsWith("joined:")))
                .substring("joined:".length());
    }

    /** Runs to completion and returns the exit code. */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chatapp did not finish within " + timeout + "; stdout: " + stdout()
                    + " stderr: " + stderr());
        }
        return process.exitValue();
    }

    /** Waits until stderr contains the text (e.g. "Listening as"). */
    void awaitStderr(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stderr().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive() && !stderr().contains(text)) {
                throw new AssertionError("chatapp never printed '" + text + "'; stdout: " + stdout() + " stderr: "
                        + stderr() + " alive: " + process.isAlive());
            }
            Thread.sleep(50);
        }
    }

    String stdout() {
        synchronized (stdout) {
            return stdout.toString(StandardCharsets.UTF_8);
        }
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (from) {
                int read;
                while ((read = from.read(buffer)) >= 0) {
                    synchronized (to) {
                        to.write(buffer, 0, read);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "cli-output");
        thread.setDaemon(true);
        thread.start();
    }
}
