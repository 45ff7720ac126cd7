package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.TestUser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's full archive queue, end to end, for group messages ({@link ArchiveQueueFullTest} does one-to-one ones):
 * the archive's queue holds {@link FullArchiveQueue#CAPACITY} messages and the plugin's database is blocked. Alice and
 * Bob, members of a group with Carol, take turns sending 150 messages to it. The first 100 are accepted: each member
 * gets them live, each once, in order, and once the database is back the group's archive (MAM on the room) holds them,
 * each once, in order. Every later one is refused to its sender, from the room, under its own id, with
 * {@code resource-constraint}, and appears nowhere: not delivered, not archived, not in the history the room replays
 * to someone entering. Openfire's threads stay usable, and the group takes messages again once the database is back.
 */
class GroupArchiveQueueFullTest {

    private static final int CAPACITY = FullArchiveQueue.CAPACITY;
    private static final int SENT = 150;
    private static final String PASSWORD = "group-queue-password-1";
    private static final String PREFIX = "group-full-";
    private static final Pattern BODY = Pattern.compile("<body>(" + PREFIX + "\\d+)</body>");

    @TempDir
    Path data;

    @Test
    void aFullQueueRefusesNewGroupMessagesToTheirSenderAndLosesNoneItAccepted() throws Exception {
        long started = System.nanoTime();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             TcpProxy databasePath = new TcpProxy(postgres.getPort());
             DevServer server = DevServer.start(FullArchiveQueue.serverConfig(databasePath, postgres, data))) {
            for (String name : List.of("alice", "bob", "carol")) {
                server.createUser(name, PASSWORD);
            }
            TestUser bobsAccount = new TestUser("bob", PASSWORD, server.domain());
            TestUser carolsAccount = new TestUser("carol", PASSWORD, server.domain());
            try (RawXmpp alice = RawXmpp.login(server, new TestUser("alice", PASSWORD, server.domain()));
                 RawXmpp bob = RawXmpp.login(server, bobsAccount);
                 RawXmpp carol = RawXmpp.login(server, carolsAccount)) {
                String room = GroupsProtocolTest.create(server, alice, "Full queue");
                addAndEnter(alice, room, bobsAccount, bob);
                addAndEnter(alice, room, carolsAccount, carol);
                for (RawXmpp member : List.of(alice, bob, carol)) {
                    member.messagesWithin(Duration.ofMillis(500)); // the group's events, archived before the block
                }
                FullArchiveQueue.blockDatabase(databasePath, new PluginApi(server));
                int threadsBefore = Thread.activeCount();

                Turns turns = new Turns(room);
                for (int n = 1; n <= SENT; n++) {
                    turns.send(n % 2 == 1 ? alice : bob, body(n));
                }
                List<String> carolGot = delivered(FullArchiveQueue.messagesUntil(carol, turns.accepted.size(),
                        xml -> !delivered(List.of(xml)).isEmpty()));
                List<String> aliceGot = delivered(turns.heardBy(alice, alice.messagesWithin(Duration.ofSeconds(1))));
                List<String> bobGot = delivered(turns.heardBy(bob, bob.messagesWithin(Duration.ofSeconds(1))));
                FullArchiveQueue.assertOpenfireStillServes(carol, threadsBefore);
                System.out.printf("Group, archive queue of %d, database blocked: %d sent, %d accepted, %d refused"
                                + " with resource-constraint; delivered to Alice, Bob, Carol: %d, %d, %d%n", CAPACITY,
                        SENT, turns.accepted.size(), turns.refusals.size(), aliceGot.size(), bobGot.size(),
                        carolGot.size());
                assertThat(turns.accepted).as("the messages the queue had room for, accepted")
                        .containsExactlyElementsOf(bodies(1, CAPACITY));
                assertThat(turns.refusals.keySet()).as("every later one, refused to its sender")
                        .containsExactlyElementsOf(bodies(CAPACITY + 1, SENT));
                turns.refusals.values().forEach(error -> assertThat(error).as("the documented refusal")
                        .contains("from='" + room + "'").contains("<resource-constraint").contains("type='wait'")
                        .contains("the message archive is unavailable; try again later"));
                for (List<String> got : List.of(aliceGot, bobGot, carolGot)) {
                    // Openfire 4.2's rooms fan a message out on its sender's thread, so Alice's and Bob's messages may
                    // cross on their way to a third member; each sender's own stay in order (the archive has one order,
                    // asserted below).
                    assertThat(got).as("each member got exactly the accepted ones, each once")
                            .containsExactlyInAnyOrderElementsOf(turns.accepted);
                    for (int sender = 0; sender < 2; sender++) {
                        assertThat(sentBy(got, sender)).as("each sender's accepted ones, in order")
                                .containsExactlyElementsOf(sentBy(turns.accepted, sender));
                    }
                }

                databasePath.unblock();
                long unblocked = System.nanoTime();
                List<String> archived = awaitArchived(carol, room, CAPACITY);
                System.out.printf("Group archive: %d of the test's messages %d ms after the database came back%n",
                        archived.size(), (System.nanoTime() - unblocked) / 1_000_000);
                assertThat(archived).as("the group's archive once the database is back: what was accepted, each once,"
                        + " in order; nothing refused").containsExactlyElementsOf(turns.accepted);
                turns.send(bob, body(SENT + 1));
                assertThat(turns.accepted).as("accepted again").endsWith(body(SENT + 1));
                assertThat(awaitArchived(carol, room, CAPACITY + 1)).containsExactlyElementsOf(turns.accepted);
                List<String> replayed = replayedOnEntering(carol, room, carolsAccount);
                System.out.printf("History replayed to Carol entering again: %d of the test's messages%n",
                        replayed.size());
                assertThat(replayed).as("the room's history replay").isNotEmpty();
                assertThat(turns.accepted).as("the room replays the last accepted ones, in order")
                        .endsWith(replayed.toArray(String[]::new));
            }
        }
        System.out.printf("GroupArchiveQueueFullTest took %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    private static void addAndEnter(RawXmpp owner, String room, TestUser user, RawXmpp client) throws Exception {
        assertThat(GroupsProtocolTest.affiliate(owner, room, user, "member")).contains("type='result'");
        GroupsProtocolTest.join(client, room, user.username());
    }

    /** The test's messages in the group's archive as the member sees it, once it holds at least {@code expected}. */
    private static List<String> awaitArchived(RawXmpp member, String room, int expected) throws InterruptedException {
        // The room's archive answers once the writer has written what it holds: not before the database is back.
        return FullArchiveQueue.awaitArchived(expected, () -> ArchiveView.roomBodies(member.connection(), room)
                .stream().filter(body -> body.startsWith(PREFIX)).toList());
    }

    /** The test's messages the room replays (XEP-0045 discussion history) to the member entering it again. */
    private static List<String> replayedOnEntering(RawXmpp member, String room, TestUser user) throws Exception {
        member.messagesWithin(Duration.ofMillis(500)); // the archive's answers: they carry a delay too
        member.presence(room + "/" + user.username(), "unavailable", null);
        member.nextPresence(xml -> xml.contains("type='unavailable'")
                && xml.contains("from='" + room + "/" + user.username() + "'"));
        GroupsProtocolTest.join(member, room, user.username());
        return delivered(member.messagesWithin(Duration.ofSeconds(1)).stream()
                .filter(xml -> xml.contains("urn:xmpp:delay") && !xml.contains("urn:xmpp:mam")).toList());
    }

    /** The bodies of the test's group messages among those received (errors left out), in order. */
    private static List<String> delivered(List<String> received) {
        List<String> bodies = new ArrayList<>();
        for (String xml : received) {
            Matcher body = BODY.matcher(xml);
            if (!FullArchiveQueue.isError(xml) && xml.contains("type='groupchat'") && body.find()) {
                bodies.add(body.group(1));
            }
        }
        return bodies;
    }

    /** The bodies of one sender's messages, in the list's order: Alice sends the odd ones (0), Bob the even (1). */
    private static List<String> sentBy(List<String> bodies, int sender) {
        return bodies.stream().filter(body -> Integer.parseInt(body.substring(PREFIX.length())) % 2 != sender)
                .toList();
    }

    private static String body(int n) {
        return PREFIX + String.format("%03d", n);
    }

    private static List<String> bodies(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(GroupArchiveQueueFullTest::body).toList();
    }

    /**
     * Members sending to the group in turn: each message once the last one's outcome has reached its sender (the
     * room's echo, or an error), so the order the room took them in is the order sent.
     */
    private static final class Turns {

        final List<String> accepted = new ArrayList<>();
        /** Each refused message's body and the error its sender got. */
        final Map<String, String> refusals = new LinkedHashMap<>();
        private final Map<RawXmpp, List<String>> heard = new LinkedHashMap<>();
        private final String room;

        Turns(String room) {
            this.room = room;
        }

        void send(RawXmpp sender, String body) throws Exception {
            String id = sender.message(room, "groupchat", body, null);
            List<String> received = sender.messagesUntil(1, xml -> xml.contains("<body>" + body + "</body>"),
                    Duration.ofSeconds(10));
            heardBy(sender, received);
            String outcome = received.isEmpty() ? "" : received.get(received.size() - 1);
            assertThat(outcome).as("the room's echo of %s, or an error, within 10 s", body)
                    .contains("<body>" + body + "</body>");
            if (FullArchiveQueue.isError(outcome)) {
                assertThat(outcome).as("the refusal names the message").contains("id='" + id + "'");
                refusals.put(body, outcome);
            } else {
                accepted.add(body);
            }
        }

        /** Everything the sender received while sending, and then {@code more}. */
        List<String> heardBy(RawXmpp sender, List<String> more) {
            List<String> all = heard.computeIfAbsent(sender, ignored -> new ArrayList<>());
            all.addAll(more);
            return all;
        }
    }
}
