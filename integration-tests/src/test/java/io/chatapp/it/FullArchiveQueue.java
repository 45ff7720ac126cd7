package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServerConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * What the tests of a full archive queue share (docs/reliability.md, "Full archive queue"): a server whose archive
 * queue holds {@link #CAPACITY} messages ({@code chatapp.archive.queueCapacity}, its smallest value) and whose plugin
 * database is reached through a {@link TcpProxy} the test blocks, so that nothing can be written and the queue fills.
 */
final class FullArchiveQueue {

    static final int CAPACITY = 100;

    private FullArchiveQueue() {
    }

    /** The dev server's configuration: the plugin's database through the proxy, the archive queue at its smallest. */
    static DevServerConfig serverConfig(TcpProxy databasePath, EmbeddedPostgres postgres, Path data) {
        return DatabaseOutageTest.pluginDatabaseThrough(databasePath, postgres, data)
                .withProperty("chatapp.archive.queueCapacity", Integer.toString(CAPACITY));
    }

    /** Blocks the plugin's database and returns once {@code /health} says it is gone. */
    static void blockDatabase(TcpProxy databasePath, PluginApi api) throws InterruptedException {
        databasePath.block();
        NothingLostTest.awaitUntil(Duration.ofSeconds(10), () -> healthStatus(api) == 503);
        assertThat(healthStatus(api)).as("the plugin saw the database go").isEqualTo(503);
    }

    /** Openfire still answers a ping, and the refusals started no threads of their own. */
    static void assertOpenfireStillServes(RawXmpp client, int threadsBefore) throws Exception {
        assertThat(client.iq("get", null, "<ping xmlns='urn:xmpp:ping'/>")).as("Openfire still serves")
                .containsAnyOf("type='result'", "type=\"result\"");
        assertThat(Thread.activeCount()).as("no thread per refused message").isLessThan(threadsBefore + 20);
    }

    /**
     * The messages received until {@code expected} of them match (or 30 s pass: a loaded machine is slow), then for
     * one second more, so that one too many shows.
     */
    static List<String> messagesUntil(RawXmpp client, int expected, Predicate<String> counted)
            throws InterruptedException {
        List<String> received = client.messagesUntil(expected, counted, Duration.ofSeconds(30));
        received.addAll(client.messagesWithin(Duration.ofSeconds(1)));
        return received;
    }

    /**
     * What an archive view shows once it holds at least {@code expected} messages, or after 30 s (the writer retries
     * every few seconds once the database is back). A view that fails (a query that timed out waiting for the
     * writer) is read again.
     */
    static List<String> awaitArchived(int expected, Callable<List<String>> view) throws InterruptedException {
        List<String> archived = new ArrayList<>();
        NothingLostTest.awaitUntil(Duration.ofSeconds(30), () -> {
            archived.clear();
            try {
                archived.addAll(view.call());
            } catch (Exception e) {
                return false;
            }
            return archived.size() >= expected;
        });
        return archived;
    }

    static boolean isError(String xml) {
        return xml.contains("type='error'") || xml.contains("type=\"error\"");
    }

    private static int healthStatus(PluginApi api) {
        try {
            return api.get("/health", null).status();
        } catch (IOException e) {
            return -1;
        }
    }
}
