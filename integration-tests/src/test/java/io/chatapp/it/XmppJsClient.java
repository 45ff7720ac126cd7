package io.chatapp.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One user's client on xmpp.js (npm {@code @xmpp/client}, a third-party XMPP library), run by node as a subprocess
 * of {@code src/test/node/client.js}, which {@code scripts/install-test-tools.sh} sets up ({@code npm ci}). The test
 * says what to send; this class keeps every message and presence the client receives, in order, for the test to
 * look for. The dev server's self-signed certificate is trusted through {@code NODE_EXTRA_CA_CERTS}.
 */
final class XmppJsClient implements AutoCloseable {

    static final Path NODE_DIR = Path.of(System.getProperty("chatapp.node.dir", "src/test/node"));
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STANZA_TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final OutputStream requests;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final StringBuilder log = new StringBuilder();
    private String jid;

    private XmppJsClient(Process process) {
        this.process = process;
        this.requests = process.getOutputStream();
        Thread reader = new Thread(this::readAnswersAndStanzas, "xmpp.js-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Why this test cannot run here, or {@code null} when node and the npm packages are installed. */
    static String missingTools() {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/@xmpp/client"))) {
            return "the npm packages of " + NODE_DIR + " are not installed: run scripts/install-test-tools.sh";
        }
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0 ? null
                    : "node does not run: install Node.js (scripts/install-test-tools.sh)";
        } catch (IOException | InterruptedException e) {
            return "node is not installed (scripts/install-test-tools.sh installs it): " + e;
        }
    }

    /**
     * Connects to {@code service} ({@code xmpp://host:port} for STARTTLS over TCP, {@code ws://…} for WebSocket),
     * registers the account in band first when {@code register}, logs in and binds {@code resource}.
     */
    static XmppJsClient connect(String service, String domain, String username, String password, String resource,
            boolean register, Path trustedCertificate) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("node", "client.js").directory(NODE_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_EXTRA_CA_CERTS", trustedCertificate.toAbsolutePath().toString());
        XmppJsClient client = new XmppJsClient(builder.start());
        try {
            ObjectNode start = JSON.createObjectNode().put("service", service).put("domain", domain)
                    .put("username", username).put("password", password).put("resource", resource)
                    .put("register", register);
            client.jid = client.request("start", start).get("jid").asText();
            return client;
        } catch (RuntimeException | IOException e) {
            client.close();
            throw e;
        }
    }

    /** The full JID the server bound. */
    String jid() {
        return jid;
    }

    void send(String stanza) throws IOException {
        request("send", JSON.createObjectNode().put("xml", stanza));
    }

    /** Sends an IQ and returns the reply, a result or an error. */
    String iq(String stanza) throws IOException {
        return request("iq", JSON.createObjectNode().put("xml", stanza)).get("xml").asText();
    }

    /** The client's own HTTP request (node's fetch): status code and body. */
    HttpAnswer http(String method, String url, Map<String, String> headers, String body) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("method", method).put("url", url);
        ObjectNode headerNode = request.putObject("headers");
        headers.forEach(headerNode::put);
        if (body != null) {
            request.put("body", body);
        }
        JsonNode answer = request("http", request);
        return new HttpAnswer(answer.get("status").asInt(), answer.get("body").asText());
    }

    /** An HTTP answer as the client saw it. */
    record HttpAnswer(int status, String body) {
    }

    /** The next received message or presence that matches, skipping others (kept for {@link #seen()}). */
    String await(String what, Predicate<String> stanza) throws InterruptedException {
        long deadline = System.nanoTime() + STANZA_TIMEOUT.toNanos();
        synchronized (seen) {
            for (String earlier : seen) {
                if (stanza.test(earlier)) {
                    seen.remove(earlier);
                    return earlier;
                }
            }
        }
        while (true) {
            String next = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError(jid + " did not receive " + what + " within " + STANZA_TIMEOUT
                        + "; it received:\n" + String.join("\n", seen()));
            }
            if (stanza.test(next)) {
                return next;
            }
            synchronized (seen) {
                seen.add(next);
            }
        }
    }

    /** What was received and not yet matched by {@link #await}. */
    List<String> seen() {
        synchronized (seen) {
            List<String> all = new ArrayList<>(seen);
            all.addAll(received);
            return all;
        }
    }

    private JsonNode request(String operation, ObjectNode request) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        request.put("id", id).put("op", operation);
        synchronized (requests) {
            requests.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            requests.flush();
        }
        JsonNode reply;
        try {
            reply = answer.get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("xmpp.js did not answer " + operation + " (" + e + "); its output:\n" + log(), e);
        }
        if (!reply.get("ok").asBoolean()) {
            throw new AssertionError("xmpp.js failed to " + operation + ": " + reply.get("error").asText());
        }
        return reply;
    }

    private void readAnswersAndStanzas() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (log) {
                    log.append(line).append('\n');
                }
                JsonNode message = JSON.readTree(line);
                if (message.has("id")) {
                    answers.remove(message.get("id").asInt()).complete(message);
                } else if ("stanza".equals(message.path("event").asText())) {
                    received.add(message.get("xml").asText());
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        answers.values().forEach(answer -> answer.completeExceptionally(new IOException("xmpp.js exited")));
    }

    private String log() {
        synchronized (log) {
            return log.toString();
        }
    }

    /** Closes the stream and ends the process. */
    @Override
    public void close() {
        try {
            if (process.isAlive() && jid != null) {
                request("stop", JSON.createObjectNode());
            }
        } catch (IOException | AssertionError e) {
            // ending it below anyway
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
