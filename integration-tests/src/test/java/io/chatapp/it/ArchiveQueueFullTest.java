package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.TestUser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's full archive queue, end to end: the archive's queue holds 100 messages
 * ({@code chatapp.archive.queueCapacity}, its smallest value) and the plugin's database is unreachable (a blocked
 * {@link TcpProxy}), so nothing can be written. Alice sends 150 messages: the first 100 are accepted (journalled,
 * delivered), every later one is refused to Alice with {@code resource-constraint} under its own id and is neither
 * delivered nor archived; Openfire's threads stay usable (Alice's pings are answered). Once the database is back the
 * 100 accepted are archived, each once, in order, and new messages are accepted again.
 */
class ArchiveQueueFullTest {

    private static final int CAPACITY = FullArchiveQueue.CAPACITY;
    private static final int SENT = 150;
    private static final String PASSWORD = "queue-password-1";

    @TempDir
    Path data;

    @Test
    void aFullQueueRefusesNewMessagesToTheSenderAndLosesNoneItAccepted() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             TcpProxy databasePath = new TcpProxy(postgres.getPort());
             DevServer server = DevServer.start(FullArchiveQueue.serverConfig(databasePath, postgres, data));
             Clients clients = new Clients(server)) {
            server.createUser("alice", PASSWORD);
            server.createUser("bob", PASSWORD);
            PluginApi api = new PluginApi(server);
            String bobJid = "bob@" + server.domain();
            try (RawXmpp alice = RawXmpp.login(server, new TestUser("alice", PASSWORD, server.domain()));
                 RawXmpp bob = RawXmpp.login(server, new TestUser("bob", PASSWORD, server.domain()))) {
                FullArchiveQueue.blockDatabase(databasePath, api);
                int threadsBefore = Thread.activeCount();

                List<String> ids = new ArrayList<>();
                for (int n = 1; n <= SENT; n++) {
                    ids.add(alice.message(bobJid, "chat", String.format("full-%03d", n), null));
                }
                Set<String> refused = new LinkedHashSet<>();
                for (String error : FullArchiveQueue.messagesUntil(alice, SENT - CAPACITY,
                        FullArchiveQueue::isError)) {
                    if (FullArchiveQueue.isError(error)) {
                        assertThat(error).contains("resource-constraint").contains("message archive");
                        refused.add(ids.stream().filter(id -> error.contains("'" + id + "'")
                                || error.contains("\"" + id + "\"")).findFirst().orElseThrow());
                    }
                }
                List<String> delivered = FullArchiveQueue.messagesUntil(bob, CAPACITY, xml -> xml.contains("full-"))
                        .stream().filter(xml -> xml.contains("full-")).toList();
                FullArchiveQueue.assertOpenfireStillServes(alice, threadsBefore);
                System.out.printf("Archive queue of %d, database blocked: %d sent, %d delivered, %d refused with"
                        + " resource-constraint%n", CAPACITY, SENT, delivered.size(), refused.size());
                assertThat(refused).as("every message past the queue's capacity, refused to the sender")
                        .containsExactlyElementsOf(ids.subList(CAPACITY, SENT));
                assertThat(delivered).as("exactly the accepted ones reached Bob").hasSize(CAPACITY);
                assertThat(delivered.get(CAPACITY - 1)).contains(String.format("full-%03d", CAPACITY));

                databasePath.unblock();
                ChatClient bobsLibrary = clients.open(clients.config());
                bobsLibrary.login("bob", PASSWORD).join();
                List<String> expected = new ArrayList<>();
                for (int n = 1; n <= CAPACITY; n++) {
                    expected.add(String.format("full-%03d", n));
                }
                List<String> archived = FullArchiveQueue.awaitArchived(CAPACITY,
                        () -> ArchiveView.bodies(bobsLibrary, "alice@" + server.domain()));
                assertThat(archived).as("what was accepted is archived once, in order; nothing refused is")
                        .containsExactlyElementsOf(expected);
                // Bob has two sessions now, and Openfire 4.2 gives a bare-JID message to one: the archive tells.
                alice.message(bobJid, "chat", "after-recovery", null);
                assertThat(alice.messagesWithin(Duration.ofSeconds(1))).as("accepted again").isEmpty();
                NothingLostTest.awaitUntil(Duration.ofSeconds(10), () -> ArchiveView.bodies(bobsLibrary,
                        "alice@" + server.domain()).contains("after-recovery"));
                assertThat(ArchiveView.bodies(bobsLibrary, "alice@" + server.domain())).endsWith("after-recovery");
            }
        }
    }
}
