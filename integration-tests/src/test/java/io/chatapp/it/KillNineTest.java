package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientConfig;
import io.chatapp.client.ConnectionState;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.MessageInfo;
import io.chatapp.client.TlsPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
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
 * (MAM), in order. Meanwhile Bob, on a connection of his own, answers each of Alice's acknowledged one-to-one messages
 * with a delivery receipt (XEP-0184) and every tenth with a read marker (XEP-0333): each receipt and marker the
 * server acknowledged to Bob is in the message's info after the restart. Every fifth one-to-one message carries a
 * file Alice uploaded (XEP-0066 URL): each archived one has its media share, noted once its batch commits and before
 * the journal lets it go, so those in flight at the kill come back from the journal too. After the restart, a group
 * message reaches Bob live: his device entered the group again. What makes it hold: the archive's and the receipts'
 * write-ahead journals (docs/reliability.md).
 */
class KillNineTest {

    private static final String PASSWORD = "kill-nine-password-1";
    /** Acknowledged messages of each kind before the kill (traffic goes on until the process is dead). */
    private static final int ACKED_BEFORE_KILL = 300;
    /** Every this many one-to-one messages, one carries the shared file's URL. */
    private static final int SHARE_EVERY = 5;
    private static final String RECEIPTS = "urn:xmpp:receipts";
    private static final String MARKERS = "urn:xmpp:chat-markers:0";
    /** Every this many delivery receipts, Bob also sends a read marker. */
    private static final int MARKER_EVERY = 10;

    @TempDir
    Path data;

    @TempDir
    Path files;

    @Test
    void everyAcknowledgedMessageSurvivesSigkillExactlyOnceInOrder() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            int xmpp = DevServerProcess.freePort();
            int plugin = DevServerProcess.freePort();
            List<String> command = DevServerProcess.command("--data", data.toString(), "--xmpp-port",
                    Integer.toString(xmpp), "--http-bind-port", Integer.toString(DevServerProcess.freePort()),
                    "--plugin-port", Integer.toString(plugin),
                    "--jdbc-url", postgres.getJdbcUrl("postgres", "postgres"), "--jdbc-user", "postgres",
                    // -Dchatapp.it.journalMode=off shows what the journals prevent (docs/reliability.md).
                    "--property", "chatapp.archive.journal.mode=" + System.getProperty("chatapp.it.journalMode",
                            "fsync"),
                    "--property", "chatapp.receipts.journal.mode=" + System.getProperty("chatapp.it.receiptsJournalMode",
                            System.getProperty("chatapp.it.journalMode", "fsync")));
            DevServerProcess first = DevServerProcess.start(command);
            DevServerProcess second = null;
            try {
                first.awaitOutput("Press Ctrl+C to stop.");
                ChatClientConfig config = ChatClientConfig.builder("localhost").host("127.0.0.1").port(xmpp)
                        .tlsPolicy(TlsPolicy.REQUIRED)
                        .trustedCertificate(data.resolve("openfire/resources/security/server-certificate.pem"))
                        .reconnectDelay(Duration.ofSeconds(1))
                        .apiBaseUrl(java.net.URI.create("http://127.0.0.1:" + plugin + "/"))
                        .build();
                String room;
                String sharedUrl;
                try (ChatClient alice = ChatClient.create(config)) {
                    alice.register("alice", PASSWORD).join();
                    try (ChatClient bobSignup = ChatClient.create(config)) {
                        bobSignup.register("bob", PASSWORD).join();
                    }
                    alice.login("alice", PASSWORD).join();
                    room = alice.groups().create("crash", "", List.of("bob@localhost")).join().room();
                    Path file = java.nio.file.Files.writeString(files.resolve("notes.txt"), "shared before the kill");
                    sharedUrl = alice.media().send("bob@localhost", file, MediaProgressListener.NONE).join()
                            .attachment().url();
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

                    Traffic traffic = new Traffic(xmpp, room, sharedUrl);
                    BobReceipts receipts = new BobReceipts(xmpp, traffic.directToReceipt);
                    receipts.start();
                    traffic.start();
                    NothingLostTest.awaitUntil(Duration.ofSeconds(60), () -> traffic.directAcked.size()
                            >= ACKED_BEFORE_KILL && traffic.groupAcked.size() >= ACKED_BEFORE_KILL);
                    first.killAbruptly();
                    traffic.stop();
                    receipts.stop();
                    Set<String> receiptsAcked = Set.copyOf(receipts.receiptsAcked);
                    Set<String> markersAcked = Set.copyOf(receipts.markersAcked);
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
                    System.out.printf("Bob's receipts acknowledged before the kill: %d deliveries, %d read markers%n",
                            receiptsAcked.size(), markersAcked.size());
                    assertThat(receiptsAcked).as("receipts acknowledged before the kill").isNotEmpty();
                    System.out.printf("Restarted in %d ms; %s%n", (System.nanoTime() - restart) / 1_000_000,
                            journalRecovery());

                    // Bob may have had every message live before the kill: then only his reconnection is awaited
                    // (reading his archive needs it), and the catch-up it starts gets time to show a duplicate.
                    NothingLostTest.awaitUntil(Duration.ofSeconds(90), () -> bobBack.get()
                            && bobDirect.containsAll(directSent) && bobGroup.containsAll(groupSent));
                    assertThat(bobBack).as("Bob logged in again after the restart").isTrue();
                    Thread.sleep(2_000);
                    // The archive first: a message missing there explains one missing from Bob's catch-up.
                    for (String member : List.of("alice", "bob")) {
                        assertThat(acknowledgedOnly(roomArchive(xmpp, member, room), groupAcked))
                                .as("the group's archive as %s sees it", member).containsExactlyElementsOf(groupSent);
                    }
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
                        assertReceiptsInMessageInfo(aliceAgain, receiptsAcked, markersAcked);
                        // Bob's device entered the group again in its new session (the restart lost the old one),
                        // so what the group says now reaches him live.
                        aliceAgain.groupChat().send(room, "after the restart").join();
                        NothingLostTest.awaitUntil(Duration.ofSeconds(20),
                                () -> bobGroup.contains("after the restart"));
                        assertThat(bobGroup).as("Bob's group messages after the restart")
                                .containsOnlyOnce("after the restart");
                    }
                    assertEveryArchivedShareNoted(postgres.getPostgresDatabase());
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

    /** The plugin's log lines saying what the journals gave back at the restart. */
    private String journalRecovery() throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        try (var logs = java.nio.file.Files.walk(data)) {
            for (Path file : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                        .filter(text -> text.contains("Journal of ")).forEach(lines::add);
            }
        }
        return lines.isEmpty() ? "(no journal recovery logged)" : String.join("; ", lines);
    }

    /**
     * Each delivery receipt and read marker the server acknowledged to Bob before the kill is in the info of Alice's
     * message it names (a marker reads every earlier message too, so its own message is the one to look at).
     */
    private static void assertReceiptsInMessageInfo(ChatClient alice, Set<String> receiptsAcked,
                                                    Set<String> markersAcked) {
        Map<String, CompletableFuture<MessageInfo>> infos = new TreeMap<>();
        receiptsAcked.forEach(id -> infos.put(id, alice.receipts().messageInfo(id)));
        List<String> undelivered = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        infos.forEach((id, info) -> {
            MessageInfo.Recipient bob = info.join().recipients().get(0);
            if (bob.deliveredAt() == null) {
                undelivered.add(id);
            }
            if (markersAcked.contains(id) && bob.readAt() == null) {
                unread.add(id);
            }
        });
        assertThat(undelivered).as("acknowledged delivery receipts missing from message info").isEmpty();
        assertThat(unread).as("acknowledged read markers missing from message info").isEmpty();
    }

    /**
     * Every one-to-one message archived with the shared file's URL has its share (each message is a share of its own:
     * the file's key with the message's archive id). Awaited: the messages the journal gave back get theirs at start.
     */
    private static void assertEveryArchivedShareNoted(javax.sql.DataSource database) throws Exception {
        String unshared = "SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM chatapp.media_share s"
                + " WHERE s.archive_id = m.id)), count(*) FROM chatapp.archive_message m"
                + " WHERE m.sender = 'alice@localhost' AND m.recipient = 'bob@localhost'"
                + " AND m.stanza LIKE '%jabber:x:oob%'";
        long[] counts = new long[2];
        NothingLostTest.awaitUntil(Duration.ofSeconds(10), () -> {
            try (var connection = database.getConnection(); var statement = connection.createStatement();
                 var row = statement.executeQuery(unshared)) {
                row.next();
                counts[0] = row.getLong(1);
                counts[1] = row.getLong(2);
                return counts[0] == 0;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.printf("Media messages archived: %d, without their share: %d%n", counts[1], counts[0]);
        assertThat(counts[1]).as("media messages archived").isGreaterThanOrEqualTo(ACKED_BEFORE_KILL / SHARE_EVERY);
        assertThat(counts[0]).as("archived media messages without their share").isZero();
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
     * A plain Smack connection with stream management, asking for an acknowledgement after every message, and a
     * thread sending on it as fast as the server acknowledges. At most 200 messages are unacknowledged: Smack's writer
     * blocks when its queue of unacknowledged stanzas is full, and its reader then blocks answering the server's
     * {@code <r/>}, so acks would stop (the library's {@code SendWindow} does the same).
     */
    private abstract static class AcknowledgedSender {
        final AtomicBoolean running = new AtomicBoolean(true);
        XMPPTCPConnection connection;
        private final int xmpp;
        private final java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(200);
        private Thread sender;

        AcknowledgedSender(int xmpp) {
            this.xmpp = xmpp;
        }

        /** A message the server acknowledged. */
        abstract void acknowledged(Message message);

        /** What to do once logged in, before sending (join a room). */
        void loggedIn() throws Exception {
        }

        /** Sends until {@link #running} is false (or the server dies under it), each message through {@link #send}. */
        abstract void sendAll() throws Exception;

        void start(String user, String resource) throws Exception {
            connection = connection(xmpp);
            connection.addRequestAckPredicate(ForEveryMessage.INSTANCE);
            connection.addStanzaAcknowledgedListener(stanza -> {
                if (stanza instanceof Message message) {
                    window.release();
                    acknowledged(message);
                }
            });
            connection.connect().login(user, PASSWORD, Resourcepart.from(resource));
            assertThat(connection.isSmEnabled()).as("stream management").isTrue();
            loggedIn();
            sender = new Thread(() -> {
                try {
                    sendAll();
                } catch (Exception e) {
                    // The server died under it, or the test stopped it: expected.
                }
            }, "kill-nine-" + resource);
            sender.start();
        }

        /** Waits for room among the unacknowledged messages. */
        void awaitRoom() throws InterruptedException {
            window.acquire();
        }

        void send(Message message) throws Exception {
            awaitRoom();
            connection.sendStanza(message);
        }

        void stop() throws InterruptedException {
            running.set(false);
            connection.instantShutdown();
            sender.interrupt();
            sender.join(10_000);
        }
    }

    /**
     * Alice sending one-to-one messages to Bob and group messages, alternately, numbered, as fast as the server
     * acknowledges them; every fifth one-to-one message carries the shared file's URL.
     */
    private static final class Traffic extends AcknowledgedSender {
        final List<String> directSent = Collections.synchronizedList(new ArrayList<>());
        final List<String> groupSent = Collections.synchronizedList(new ArrayList<>());
        final Set<String> directAcked = ConcurrentHashMap.newKeySet();
        final Set<String> groupAcked = ConcurrentHashMap.newKeySet();
        /** One-to-one messages acknowledged, in the order acknowledged, for Bob to answer with receipts. */
        final BlockingQueue<String> directToReceipt = new LinkedBlockingQueue<>();
        private final String room;
        private final String sharedUrl;
        private MultiUserChat muc;

        Traffic(int xmpp, String room, String sharedUrl) {
            super(xmpp);
            this.room = room;
            this.sharedUrl = sharedUrl;
        }

        void start() throws Exception {
            start("alice", "traffic");
        }

        @Override
        void acknowledged(Message message) {
            if (message.getBody() == null) {
                return;
            }
            if (message.getType() == Message.Type.groupchat) {
                groupAcked.add(message.getBody());
            } else if (directAcked.add(message.getBody())) {
                directToReceipt.add(message.getBody());
            }
        }

        @Override
        void loggedIn() throws Exception {
            muc = MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(JidCreate.entityBareFrom(room));
            muc.join(Resourcepart.from("alice"));
        }

        @Override
        void sendAll() throws Exception {
            var bob = JidCreate.entityBareFrom("bob@localhost");
            for (int n = 1; running.get(); n++) {
                String direct = String.format("d-%05d", n);
                // The body is the origin-id too, which Bob's receipts name it by.
                var message = connection.getStanzaFactory().buildMessageStanza().to(bob)
                        .ofType(Message.Type.chat).setBody(direct).addExtension(StandardExtensionElement
                                .builder("origin-id", "urn:xmpp:sid:0").addAttribute("id", direct).build());
                if (n % SHARE_EVERY == 0) {
                    message.addExtension(StandardExtensionElement.builder("x", "jabber:x:oob")
                            .addElement("url", sharedUrl).build());
                }
                directSent.add(direct);
                send(message.build());
                String group = String.format("g-%05d", n);
                awaitRoom();
                groupSent.add(group);
                muc.sendMessage(group);
            }
        }

        /** Those sent that were acknowledged, in the order sent. */
        List<String> sentInOrder(List<String> sent, Set<String> acknowledged) {
            synchronized (sent) {
                return sent.stream().filter(acknowledged::contains).toList();
            }
        }
    }

    /**
     * Bob on a connection of his own: a XEP-0184 delivery receipt for each of Alice's acknowledged one-to-one
     * messages, and a XEP-0333 read marker for every tenth, each its own stanza, remembering those the server
     * acknowledged.
     */
    private static final class BobReceipts extends AcknowledgedSender {
        final Set<String> receiptsAcked = ConcurrentHashMap.newKeySet();
        final Set<String> markersAcked = ConcurrentHashMap.newKeySet();
        private final BlockingQueue<String> toReceipt;

        BobReceipts(int xmpp, BlockingQueue<String> toReceipt) {
            super(xmpp);
            this.toReceipt = toReceipt;
        }

        void start() throws Exception {
            start("bob", "receipts");
        }

        @Override
        void acknowledged(Message message) {
            if (message.getExtensionElement("received", RECEIPTS) instanceof StandardExtensionElement receipt) {
                receiptsAcked.add(receipt.getAttributeValue("id"));
            }
            if (message.getExtensionElement("displayed", MARKERS) instanceof StandardExtensionElement marker) {
                markersAcked.add(marker.getAttributeValue("id"));
            }
        }

        @Override
        void sendAll() throws Exception {
            var alice = JidCreate.entityBareFrom("alice@localhost");
            for (int n = 1; running.get(); n++) {
                String id = toReceipt.take();
                send(connection.getStanzaFactory().buildMessageStanza().to(alice).ofType(Message.Type.chat)
                        .addExtension(StandardExtensionElement.builder("received", RECEIPTS)
                                .addAttribute("id", id).build()).build());
                if (n % MARKER_EVERY == 0) {
                    send(connection.getStanzaFactory().buildMessageStanza().to(alice).ofType(Message.Type.chat)
                            .addExtension(StandardExtensionElement.builder("displayed", MARKERS)
                                    .addAttribute("id", id).build()).build());
                }
            }
        }
    }
}
