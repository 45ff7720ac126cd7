package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ConnectionState;
import io.chatapp.client.MessageStatus;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The "nothing lost" test: while Alice sends 2,000 numbered messages, Bob's TCP connection is cut abruptly
 * (reset, not closed) several times. Afterwards Bob has each message exactly once and in order, and Alice sees every
 * one delivered.
 */
@ExtendWith(ChatServerExtension.class)
class NothingLostTest {

    private static final int MESSAGES = 2_000;
    private static final int CUTS = 4;

    @Test
    void everyMessageArrivesExactlyOnceInOrderDespiteConnectionCuts(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server); TcpProxy network = new TcpProxy(server.xmppPort())) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.open(clients.config().toBuilder().port(network.port())
                    .reconnectDelay(Duration.ofSeconds(1)).build());
            AtomicInteger bobSessions = new AtomicInteger();
            b.onConnectionState(state -> {
                if (isOnline(state)) {
                    bobSessions.incrementAndGet();
                }
            });
            List<String> received = new CopyOnWriteArrayList<>();
            b.onMessage(message -> {
                if (!message.outgoing() && message.body() != null && message.body().startsWith("n-")) {
                    received.add(message.body());
                }
            });
            b.login(bob.username(), bob.password()).join();

            List<String> ids = new ArrayList<>();
            int cuts = 0;
            for (int i = 1; i <= MESSAGES; i++) {
                ids.add(a.sendMessage(bob.jid(), String.format("n-%04d", i)).join());
                if (i % (MESSAGES / (CUTS + 1)) == 0 && i < MESSAGES) {
                    // Each cut hits a live connection: wait for Bob to be back from the previous one first.
                    int session = cuts + 1;
                    awaitUntil(Duration.ofSeconds(30), () -> bobSessions.get() >= session);
                    assertThat(bobSessions.get()).as("Bob back online before cut %d", cuts + 1)
                            .isGreaterThanOrEqualTo(session);
                    network.cutAll();
                    cuts++;
                    System.out.println("Cut Bob's connection after message " + i + "; he had " + received.size());
                }
            }

            assertThat(cuts).isEqualTo(CUTS);
            awaitUntil(Duration.ofSeconds(120), () -> received.size() >= MESSAGES);
            Thread.sleep(500);
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= MESSAGES; i++) {
                expected.add(String.format("n-%04d", i));
            }
            assertThat(received).as("Bob's messages, each once and in order").containsExactlyElementsOf(expected);

            awaitUntil(Duration.ofSeconds(60), () -> ids.stream().allMatch(id -> delivered(a.receipts().status(id))));
            assertThat(ids).allSatisfy(id -> assertThat(delivered(a.receipts().status(id)))
                    .as("message %s delivered", id).isTrue());
        }
    }

    private static boolean isOnline(ConnectionState state) {
        return state == ConnectionState.AUTHENTICATED || state == ConnectionState.RESUMED;
    }

    private static boolean delivered(Optional<MessageStatus> status) {
        return status.filter(s -> s == MessageStatus.DELIVERED || s == MessageStatus.READ).isPresent();
    }

    static void awaitUntil(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
