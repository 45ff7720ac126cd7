package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientConfig;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.HistoryPage;
import io.chatapp.client.MessageStatus;
import io.chatapp.client.TlsPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server (its own process, as operators run it) is restarted in the middle of traffic to an offline user:
 * every message the server acknowledged is in the recipient's archive afterwards, exactly once.
 */
class ServerRestartTest {

    @Test
    void nothingAcknowledgedIsLostAcrossARestart(@TempDir Path data) throws Exception {
        int xmpp = DevServerProcess.freePort();
        List<String> command = DevServerProcess.command("--data", data.toString(), "--xmpp-port",
                Integer.toString(xmpp), "--http-bind-port", Integer.toString(DevServerProcess.freePort()),
                "--plugin-port", Integer.toString(DevServerProcess.freePort()));
        ChatClientConfig config = ChatClientConfig.builder("localhost").host("127.0.0.1").port(xmpp)
                .tlsPolicy(TlsPolicy.REQUIRED)
                .trustedCertificate(data.resolve("openfire/resources/security/server-certificate.pem"))
                .automaticReconnect(false)
                .build();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();

        DevServerProcess first = DevServerProcess.start(command);
        try {
            first.awaitOutput("Press Ctrl+C to stop.");
            try (ChatClient setup = ChatClient.create(config)) {
                setup.register("alice", "restart-proof-1").join();
            }
            try (ChatClient setup = ChatClient.create(config)) {
                setup.register("bob", "restart-proof-2").join();
            }
            try (ChatClient alice = ChatClient.create(config)) {
                alice.login("alice", "restart-proof-1").join();
                sendUntilTheServerStops(alice, first, 1, acknowledged);
            }
        } finally {
            first.kill();
        }
        assertThat(acknowledged).as("the server acknowledged messages before it stopped").isNotEmpty();

        DevServerProcess second = DevServerProcess.start(command);
        try {
            second.awaitOutput("Press Ctrl+C to stop.");
            try (ChatClient alice = ChatClient.create(config)) {
                alice.login("alice", "restart-proof-1").join();
                Map<String, String> sent = new ConcurrentHashMap<>();
                alice.receipts().onStatus((id, peer, status) -> {
                    if (status == MessageStatus.SENT && sent.containsKey(id)) {
                        acknowledged.put(id, sent.get(id));
                    }
                });
                for (int i = 1001; i <= 1100; i++) {
                    String body = "r-" + i;
                    String id = alice.sendMessage("bob@localhost", body).join();
                    sent.put(id, body);
                }
                NothingLostTest.awaitUntil(java.time.Duration.ofSeconds(20),
                        () -> acknowledged.values().stream().filter(b -> b.startsWith("r-1")).count() >= 100);
            }
            try (ChatClient bob = ChatClient.create(config)) {
                bob.login("bob", "restart-proof-2").join();
                List<String> archived = new ArrayList<>();
                String before = null;
                HistoryPage page;
                do {
                    page = bob.history().page("alice@localhost", 250, before).join();
                    List<String> bodies = page.messages().stream().map(ChatMessage::body).toList();
                    archived.addAll(0, bodies);
                    before = page.messages().isEmpty() ? null : page.oldestArchiveId();
                } while (!page.complete() && before != null);
                assertThat(archived).as("no message twice").doesNotHaveDuplicates();
                assertThat(archived).as("every acknowledged message").containsAll(Set.copyOf(acknowledged.values()));
            }
        } finally {
            second.kill();
        }
    }

    /** Sends numbered messages, noting those the server acknowledged, and stops the server half-way. */
    private static void sendUntilTheServerStops(ChatClient alice, DevServerProcess server, int first,
                                                Map<String, String> acknowledged) throws Exception {
        Map<String, String> sent = new ConcurrentHashMap<>();
        alice.receipts().onStatus((id, peer, status) -> {
            if (status == MessageStatus.SENT && sent.containsKey(id)) {
                acknowledged.put(id, sent.get(id));
            }
        });
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(1_500);
                server.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        for (int i = first; i < first + 1000 && stopper.isAlive(); i++) {
            String body = "r-" + String.format("%04d", i);
            try {
                String id = alice.sendMessage("bob@localhost", body).join();
                sent.put(id, body);
            } catch (RuntimeException e) {
                break; // the server went away
            }
            Thread.sleep(2);
        }
        stopper.join();
    }
}
