package io.chatapp.plugin.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.ArchiveSettings;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Delete for me" in a group: a room's message hidden for one member only, against a real PostgreSQL. */
class GroupHiddenMessagesTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final String ROOM = "team@groups.example.com";
    private static final String OTHER_ROOM = "other@groups.example.com";
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private Database database;
    private MessageArchive archive;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(postgres.settings("group_hidden_" + System.nanoTime()));
        archive = MessageArchive.start(database.dataSource(),
                new ArchiveSettings(1000, 100, 2, 250, Duration.ofHours(48)), clock);
    }

    @AfterEach
    void close() {
        archive.close();
        database.close();
    }

    /** A group message: the room is its sender and recipient. */
    private long post(String room) {
        clock.advance(Duration.ofSeconds(1));
        long id = archive.ids().next();
        assertThat(archive.offer(new NewMessage(id, room, room, "m-" + id, "m-" + id,
                "<message type='groupchat'><body>hi</body></message>"))).isTrue();
        return id;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private List<Long> roomIds(String member, ArchiveQuery query) throws Exception {
        return await(archive.queryRoom(ROOM, member, query)).messages().stream().map(ArchivedMessage::id).toList();
    }

    @Test
    void aHiddenMessageLeavesOnlyThatMembersViewOfTheRoom() throws Exception {
        long first = post(ROOM);
        long second = post(ROOM);
        long third = post(ROOM);

        assertThat(await(archive.hideInRoom(ROOM, ALICE, second, START))).isTrue();
        assertThat(await(archive.hideInRoom(ROOM, ALICE, second, START))).as("hiding twice").isTrue();

        assertThat(roomIds(ALICE, ArchiveQuery.first(10))).containsExactly(first, third);
        assertThat(roomIds(ALICE, ArchiveQuery.last(1))).containsExactly(third);
        assertThat(roomIds(ALICE, new ArchiveQuery(null, null, null, null, third, 1, true)))
                .as("paging backwards skips it").containsExactly(first);
        assertThat(roomIds(BOB, ArchiveQuery.first(10))).containsExactly(first, second, third);
        assertThat(await(archive.query(ROOM, ArchiveQuery.first(10).withPeer(ROOM))).messages())
                .as("the room's own reads (read state, message info) are untouched").hasSize(3);
    }

    @Test
    void onlyTheRoomsOwnMessagesFromTheMembersTimeCanBeHidden() throws Exception {
        long before = post(ROOM);
        Instant joined = clock.instant().plusMillis(500);
        long elsewhere = post(OTHER_ROOM);
        long ours = post(ROOM);
        long oneToOne = archive.ids().next();
        archive.offer(new NewMessage(oneToOne, ALICE, BOB, "d", "d", "<message/>"));

        assertThat(await(archive.hideInRoom(ROOM, ALICE, elsewhere, joined))).as("another group's").isFalse();
        assertThat(await(archive.hideInRoom(ROOM, ALICE, oneToOne, joined))).as("a one-to-one message").isFalse();
        assertThat(await(archive.hideInRoom(ROOM, ALICE, before, joined))).as("before joining").isFalse();
        assertThat(await(archive.hideInRoom(ROOM, ALICE, 42L, joined))).as("no such id").isFalse();
        assertThat(await(archive.hideInRoom(ROOM, ALICE, ours, joined))).isTrue();
        assertThat(await(archive.queryRoom(OTHER_ROOM, ALICE, ArchiveQuery.first(10))).messages()).hasSize(1);
    }

    @Test
    void aHiddenIdIsUnknownAsAPagingBoundForThatMemberOnly() throws Exception {
        long first = post(ROOM);
        long second = post(ROOM);
        await(archive.hideInRoom(ROOM, ALICE, first, START));

        assertThatThrownBy(() -> await(archive.queryRoom(ROOM, ALICE,
                new ArchiveQuery(null, null, null, first, null, 10, false))))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UnknownArchiveIdException.class);
        assertThat(roomIds(BOB, new ArchiveQuery(null, null, null, first, null, 10, false))).containsExactly(second);
    }

    @Test
    void theRoomPageIsAnIndexScanWithAProbeOfTheHiddenKey() throws Exception {
        post(ROOM);
        await(archive.flushed());
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (var rows = statement.executeQuery("EXPLAIN " + MessageArchive.roomPageForPlan())) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).doesNotContain("Seq Scan").contains("archive_group_hidden_pkey");
        }
    }
}
