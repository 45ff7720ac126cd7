package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientConfig;
import io.chatapp.client.ConnectionState;
import io.chatapp.client.TlsPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.sm.predicates.ForEveryMessage;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Issue 15's crash test: Openfire (4.2 with the plugin, the dev server's runnable jar in a process of its own, on a
 * PostgreSQL that outlives it) is killed with SIGKILL while Alice sends one-to-one messages to Bob and messages to
 * their group as fast as stream management lets her, then restarted on the same database and data directory. Every
 * message the server acknowledged to Alice (a XEP-0198 {@code <a/>} covering it) reaches Bob exactly once, in order
 * (live, or by the library's catch-up from the archive after reconnecting), and is in both parties' archive views
 * (MAM), in order. What makes it hold: the archive's write-ahead journal (docs/reliability.md).
 */
class KillNineTest {

    private static final String PASSWORD = "kill-nine-password-1";
    /** Acknowledged messages of each kind before the kill (traffic goes on until the process is dead). */
    private static final int ACKED_BEFORE_KILL = 300;

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedMessageSurvivesSigkillExactlyOnceInOrder() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            int xmpp = DevServerProcess.freePort();
            List<String> command = DevServerProcess.command("--data", data.toString(), "--xmpp-port",
                    Integer.toString(xmpp), "--http-bind-port", Integer.toString(DevServerProcess.freePort()),
                    "--plugin-port", Integer.toString(DevServerProcess.freePort()),
                    "--jdbc-url", postgres.getJdbcUrl("postgres", "postgres"), "--jdbc-user", "postgres",
                    // -Dchatapp.it.journalMode=off shows what the journal prevents (docs/reliability.md).
                    "--property", "chatapp.archive.journal.mode=" + System.getProperty("chatapp.it.journalMode",
                            "fsync"));
            DevServerProcess first = DevServerProcess.start(command);
            DevServerProcess second = null;
            try {
                first.awaitOutput("Press Ctrl+C to stop.");
                ChatClientConfig config = ChatClientConfig.builder("localhost").host("127.0.0.1").port(xmpp)
                        .tlsPolicy(TlsPolicy.REQUIRED)
                        .trustedCertificate(data.resolve("openfire/resources/security/server-certificate.pem"))
                        .reconnectDelay(Duration.ofSeconds(1))
                        .build();
                String room;
                try (ChatClient alice = ChatClient.create(config)) {
                    alice.register("alice", PASSWORD).join();
                    try (ChatClient bobSignup = ChatClient.create(config)) {
                        bobSignup.register("bob", PASSWORD).join();
                    }
                    alice.login("alice", PASSWORD).join();
                    room = alice.groups().create("crash", "", List.of("bob@localhost")).join().room();
                }

                List<String> bobDirect = new CopyOnWriteArrayList<>();
                List<String> bobGroup = new CopyOnWriteArrayList<>();
                ChatClient bob = ChatClient.create(config);
                AtomicBoolean bobReconnecting = new AtomicBoolean();
                AtomicBoolean bobBack = new AtomicBoolean();
                try {
                    bob.onConnectionState(state -> {
                        if (state == ConnectionState.RECONNECTING) {
                            bobReconnecting.set(true);
                        } else if (bobReconnecting.get()
                                && (state == ConnectionState.AUTHENTICATED || state == ConnectionState.RESUMED)) {
                            bobBack.set(true);
                        }
                    });
                    bob.onMessage(message -> {
                        if (!message.outgoing() && message.body() != null) {
                            bobDirect.add(message.body());
                        }
                    });
                    bob.groupChat().onMessage(message -> {
                        if (!message.outgoing() && message.body() != null) {
                            bobGroup.add(message.body());
                        }
                    });
                    bob.login("bob", PASSWORD).join();

                    Traffic traffic = new Traffic(xmpp, room);
                    traffic.start();
                    NothingLostTest.awaitUntil(Duration.ofSeconds(60), () -> traffic.directAcked.size()
                            >= ACKED_BEFORE_KILL && traffic.groupAcked.size() >= ACKED_BEFORE_KILL);
                    first.killAbruptly();
                    traffic.stop();
                    Set<String> directAcked = Set.copyOf(traffic.directAcked);
                    Set<String> groupAcked = Set.copyOf(traffic.groupAcked);
                    List<String> directSent = traffic.sentInOrder(traffic.directSent, directAcked);
                    List<String> groupSent = traffic.sentInOrder(traffic.groupSent, groupAcked);
                    System.out.printf("SIGKILL: one-to-one %d sent, %d acknowledged; group %d sent, %d acknowledged;"
                                    + " Bob had %d and %d%n", traffic.directSent.size(), directAcked.size(),
                            traffic.groupSent.size(), groupAcked.size(), bobDirect.size(), bobGroup.size());
                    assertThat(directAcked).hasSizeGreaterThanOrEqualTo(ACKED_BEFORE_KILL);

                    long restart = System.nanoTime();
                    second = DevServerProcess.start(command);
                    second.awaitOutput("Press Ctrl+C to stop.");
                    System.out.printf("Restarted in %d ms; %s%n", (System.nanoTime() - restart) / 1_000_000,
                            journalRecovery());

                    // Bob may have had every message live before the kill: then only his reconnection is awaited
                    // (reading his archive needs it), and the catch-up it starts gets time to show a duplicate.
                    NothingLostTest.awaitUntil(Duration.ofSeconds(90), () -> bobBack.get()
                            && bobDirect.containsAll(directSent) && bobGroup.containsAll(groupSent));
                    assertThat(bobBack).as("Bob logged in again after the restart").isTrue();
                    Thread.sleep(2_000);
                    assertThat(acknowledgedOnly(bobDirect, directAcked))
                            .as("Bob's one-to-one messages that Alice saw acknowledged: each once, in order")
                            .containsExactlyElementsOf(directSent);
                    assertThat(acknowledgedOnly(bobGroup, groupAcked))
                            .as("Bob's group messages that Alice saw acknowledged: each once, in order")
                            .containsExactlyElementsOf(groupSent);

                    assertThat(acknowledgedOnly(ArchiveView.bodies(bob, "alice@localhost"), directAcked))
                            .as("Bob's archive view").containsExactlyElementsOf(directSent);
                    try (ChatClient aliceAgain = ChatClient.create(config)) {
                        aliceAgain.login("alice", PASSWORD).join();
                        assertThat(acknowledgedOnly(ArchiveView.bodies(aliceAgain, "bob@localhost"), directAcked))
                                .as("Alice's archive view").containsExactlyElementsOf(directSent);
                    }
                    for (String member : List.of("alice", "bob")) {
                        assertThat(acknowledgedOnly(roomArchive(xmpp, member, room), groupAcked))
                                .as("the group's archive as %s sees it", member).containsExactlyElementsOf(groupSent);
                    }
                } finally {
                    bob.close();
                }
            } finally {
                first.kill();
                if (second != null) {
                    second.kill();
                }
            }
        }
    }

    /** The plugin's log line saying what the journal gave back at the restart. */
    private String journalRecovery() throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(data)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                var line = java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .stream().filter(text -> text.contains("Archive journal:")).findFirst();
                if (line.isPresent()) {
                    return line.get();
                }
            }
        }
        return "(no journal recovery logged)";
    }

    /** The bodies that were acknowledged, in the order given (duplicates kept, so a test sees them). */
    private static List<String> acknowledgedOnly(List<String> bodies, Set<String> acknowledged) {
        return bodies.stream().filter(acknowledged::contains).toList();
    }

    /** The group's archive (MAM on the room) as the member sees it, oldest first. */
    private static List<String> roomArchive(int xmpp, String member, String room) throws Exception {
        XMPPTCPConnection connection = connection(xmpp);
        try {
            connection.connect().login(member, PASSWORD, Resourcepart.from("archive-reader"));
            return ArchiveView.roomBodies(connection, room);
        } finally {
            connection.disconnect();
        }
    }

    private static XMPPTCPConnection connection(int xmpp) throws Exception {
        return new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost").setHost("127.0.0.1").setPort(xmpp)
                // What is checked here is acknowledgement and archive, not TLS (the library's clients use it).
                .setSecurityMode(SecurityMode.disabled)
                .build());
    }

    /**
     * Alice on a plain Smack connection with stream management, asking for an acknowledgement after every message:
     * one-to-one messages to Bob and group messages, alternately, numbered, as fast as the server acknowledges them
     * (Smack holds at most its unacknowledged-stanza limit in flight).
     */
    private static final class Traffic {
        final List<String> directSent = Collections.synchronizedList(new ArrayList<>());
        final List<String> groupSent = Collections.synchronizedList(new ArrayList<>());
        final Set<String> directAcked = ConcurrentHashMap.newKeySet();
        final Set<String> groupAcked = ConcurrentHashMap.newKeySet();
        private final int xmpp;
        private final String room;
        private final AtomicBoolean running = new AtomicBoolean(true);
        /**
         * At most this many unacknowledged messages: Smack's writer blocks when its queue of unacknowledged stanzas
         * is full, and its reader then blocks answering the server's {@code <r/>}, so acks would stop (the library's
         * {@code SendWindow} does the same).
         */
        private final java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(200);
        private XMPPTCPConnection connection;
        private Thread sender;

        Traffic(int xmpp, String room) {
            this.xmpp = xmpp;
            this.room = room;
        }

        void start() throws Exception {
            connection = connection(xmpp);
            connection.addRequestAckPredicate(ForEveryMessage.INSTANCE);
            connection.addStanzaAcknowledgedListener(stanza -> {
                if (stanza instanceof Message message && message.getBody() != null) {
                    window.release();
                    (message.getType() == Message.Type.groupchat ? groupAcked : directAcked)
                            .add(message.getBody());
                }
            });
            connection.connect().login("alice", PASSWORD, Resourcepart.from("traffic"));
            assertThat(connection.isSmEnabled()).as("stream management").isTrue();
            MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection)
                    .getMultiUserChat(JidCreate.entityBareFrom(room));
            muc.join(Resourcepart.from("alice"));
            var bob = JidCreate.entityBareFrom("bob@localhost");
            sender = new Thread(() -> {
                try {
                    for (int n = 1; running.get(); n++) {
                        String direct = String.format("d-%05d", n);
                        window.acquire();
                        directSent.add(direct);
                        connection.sendStanza(connection.getStanzaFactory().buildMessageStanza().to(bob)
                                .ofType(Message.Type.chat).setBody(direct).build());
                        String group = String.format("g-%05d", n);
                        window.acquire();
                        groupSent.add(group);
                        muc.sendMessage(group);
                    }
                } catch (Exception e) {
                    // The server died under it: expected.
                }
            }, "kill-nine-traffic");
            sender.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            connection.instantShutdown();
            sender.interrupt();
            sender.join(10_000);
        }

        /** Those sent that were acknowledged, in the order sent. */
        List<String> sentInOrder(List<String> sent, Set<String> acknowledged) {
            synchronized (sent) {
                return sent.stream().filter(acknowledged::contains).toList();
            }
        }
    }
}
