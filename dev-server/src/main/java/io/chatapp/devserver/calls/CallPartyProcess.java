package io.chatapp.devserver.calls;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.TestUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CallParty} in its own JVM inside a network namespace ({@code ip netns exec}), driven through its standard
 * input and read through its standard output, line by line.
 */
public final class CallPartyProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final String jid;

    private CallPartyProcess(Process process) throws Exception {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    seen.add(line);
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "call-party-output");
        reader.setDaemon(true);
        reader.start();
        this.jid = await("READY", Duration.ofSeconds(60)).substring("READY ".length());
    }

    /** Starts a party for the user in the namespace, logged in to the server at the namespace network's bridge. */
    public static CallPartyProcess start(String namespace, String serverAddress, DevServer server, TestUser user,
                                         String resource) throws Exception {
        return start(namespace, serverAddress, server, user, resource, false);
    }

    /** As {@link #start(String, String, DevServer, TestUser, String)}; relay-only parties set relayOnlyCalls. */
    public static CallPartyProcess start(String namespace, String serverAddress, DevServer server, TestUser user,
                                         String resource, boolean relayOnly) throws Exception {
        return start(namespace, serverAddress, server.xmppPort(), server, user, resource, relayOnly);
    }

    /**
     * As {@link #start(String, String, DevServer, TestUser, String, boolean)}, reaching the server's XMPP through
     * {@code xmppPort} on the bridge (a TCP proxy there, whose connections the test can cut).
     */
    public static CallPartyProcess start(String namespace, String serverAddress, int xmppPort, DevServer server,
                                         TestUser user, String resource, boolean relayOnly) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", classPath, CallParty.class.getName(), serverAddress,
                Integer.toString(xmppPort), server.domain(), server.certificate().toString(),
                user.username(), user.password(), resource, relayOnly ? "relay-only" : "any-route"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("CHATAPP_CALL_AUDIO", "headless");
        // the generated pattern, never a developer's webcam: what the tests and benchmarks check must not vary
        builder.environment().put("CHATAPP_CALL_CAMERA", "generated");
        return new CallPartyProcess(builder.start());
    }

    /** The party's full address. */
    public String jid() {
        return jid;
    }

    public void send(String command) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits for the next line starting with {@code prefix} (earlier other lines are passed over). */
    public String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("No line '" + prefix + "…' within " + timeout + "; saw " + seen
                        + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")"));
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** The media counters now: received sound in ms, decoded frames, bytes sent. */
    public long[] media() throws Exception {
        send("media");
        String[] parts = await("MEDIA", Duration.ofSeconds(15)).split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3])};
    }

    /** Waits until this party received a second of sound (and, for video, 15 decoded frames) and sent bytes. */
    public void awaitMedia(boolean video, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long[] media = media();
        while (System.nanoTime() < deadline && (media[0] < 1000 || (video && media[1] < 15))) {
            Thread.sleep(250);
            media = media();
        }
        if (media[0] < 1000 || (video && media[1] < 15) || media[2] <= 0) {
            throw new AssertionError("Within " + timeout + " this party received " + media[0] + " ms of sound and "
                    + media[1] + " decoded video frames (wanted 1000 ms" + (video ? " and 15 frames" : "")
                    + ") and sent " + media[2] + " bytes");
        }
    }

    /** Sent bytes (audio and video payload) per second over the next {@code window}, in kbit/s. */
    public long sentKbps(Duration window) throws Exception {
        long before = media()[2];
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        long after = media()[2];
        return (after - before) * 8 * 1_000_000 / Math.max(1, System.nanoTime() - start);
    }

    /** Every line printed so far. */
    public List<String> output() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            try {
                send("quit");
            } catch (IOException e) {
                // already closing
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
