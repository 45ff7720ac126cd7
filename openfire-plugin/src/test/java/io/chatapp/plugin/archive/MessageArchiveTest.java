package io.chatapp.plugin.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.ArchiveSettings;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Queries, retraction, hiding and lookups of the archive against a real PostgreSQL. */
class MessageArchiveTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String CAROL = "carol@example.com";
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(48);

    private final MutableClock clock = new MutableClock(START);
    private Database database;
    private String schema;
    private MessageArchive archive;
    private int counter;

    @BeforeEach
    void open() throws Exception {
        schema = "archive_" + System.nanoTime();
        database = Database.open(postgres.settings(schema));
        archive = MessageArchive.start(database.dataSource(), new ArchiveSettings(1000, 100, 2, 250, WINDOW), clock);
    }

    @AfterEach
    void close() {
        archive.close();
        database.close();
    }

    /** Sends a message one second after the previous one; returns its archive id. */
    private long send(String from, String to) {
        clock.advance(Duration.ofSeconds(1));
        counter++;
        long id = archive.ids().next();
        String stanza = "<message from='" + from + "/phone' to='" + to + "' type='chat' id='m-" + counter
                + "'><body>message " + counter + "</body><origin-id xmlns='urn:xmpp:sid:0' id='o-" + counter
                + "'/></message>";
        assertThat(archive.offer(new NewMessage(id, from, to, "m-" + counter, "o-" + counter, stanza))).isTrue();
        return id;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private ArchivePage page(String owner, ArchiveQuery query) throws Exception {
        return await(archive.query(owner, query));
    }

    private static List<Long> ids(ArchivePage page) {
        return page.messages().stream().map(ArchivedMessage::id).toList();
    }

    private static ArchiveQuery with(String peer, Long after, Long before, int max, boolean fromEnd) {
        return new ArchiveQuery(peer, null, null, after, before, max, fromEnd);
    }

    @Test
    void aQuerySeesEveryMessageOfferedBeforeIt() throws Exception {
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(send(i % 2 == 0 ? ALICE : BOB, i % 2 == 0 ? BOB : ALICE));
        }

        ArchivePage page = page(ALICE, ArchiveQuery.first(50));

        assertThat(ids(page)).containsExactlyElementsOf(sent);
        assertThat(page.complete()).isTrue();
        ArchivedMessage first = page.messages().get(0);
        assertThat(first.sender()).isEqualTo(ALICE);
        assertThat(first.recipient()).isEqualTo(BOB);
        assertThat(first.messageId()).isEqualTo("m-1");
        assertThat(first.originId()).isEqualTo("o-1");
        assertThat(first.stanzaXml()).contains("<body>message 1</body>");
        assertThat(first.retracted()).isFalse();
        assertThat(first.receivedAt()).isEqualTo(START.plusSeconds(1));
    }

    @Test
    void conversationPagesForwardByAfterId() throws Exception {
        List<Long> withBob = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            withBob.add(send(i % 3 == 0 ? BOB : ALICE, i % 3 == 0 ? ALICE : BOB));
            send(ALICE, CAROL);
            send(BOB, CAROL);
        }

        ArchivePage first = page(ALICE, with(BOB, null, null, 4, false));
        ArchivePage second = page(ALICE, with(BOB, first.messages().get(3).id(), null, 4, false));
        ArchivePage third = page(ALICE, with(BOB, second.messages().get(3).id(), null, 4, false));

        assertThat(ids(first)).containsExactlyElementsOf(withBob.subList(0, 4));
        assertThat(first.complete()).isFalse();
        assertThat(ids(second)).containsExactlyElementsOf(withBob.subList(4, 8));
        assertThat(second.complete()).isFalse();
        assertThat(ids(third)).containsExactlyElementsOf(withBob.subList(8, 10));
        assertThat(third.complete()).isTrue();
        assertThat(page(BOB, with(ALICE, null, null, 100, false)).messages())
                .as("bob sees the same conversation").extracting(ArchivedMessage::id).containsExactlyElementsOf(withBob);
    }

    @Test
    void conversationPagesBackwardFromTheEndInAscendingOrder() throws Exception {
        List<Long> withBob = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            withBob.add(send(i % 2 == 0 ? BOB : ALICE, i % 2 == 0 ? ALICE : BOB));
            send(CAROL, ALICE);
        }

        ArchivePage last = page(ALICE, with(BOB, null, null, 4, true));
        ArchivePage before = page(ALICE, with(BOB, null, last.messages().get(0).id(), 4, true));
        ArchivePage firstPage = page(ALICE, with(BOB, null, before.messages().get(0).id(), 4, true));

        assertThat(ids(last)).containsExactlyElementsOf(withBob.subList(6, 10));
        assertThat(last.complete()).isFalse();
        assertThat(ids(before)).containsExactlyElementsOf(withBob.subList(2, 6));
        assertThat(before.complete()).isFalse();
        assertThat(ids(firstPage)).containsExactlyElementsOf(withBob.subList(0, 2));
        assertThat(firstPage.complete()).as("nothing before the first message").isTrue();
        assertThat(page(ALICE, with(BOB, null, null, 10, true)).complete()).as("exactly all").isTrue();
    }

    @Test
    void wholeArchiveHoldsSentAndReceivedButNeverOtherPeoplesMessages() throws Exception {
        long toBob = send(ALICE, BOB);
        long fromCarol = send(CAROL, ALICE);
        long bobToCarol = send(BOB, CAROL);
        long toSelf = send(ALICE, ALICE);
        long fromBob = send(BOB, ALICE);

        assertThat(ids(page(ALICE, ArchiveQuery.first(50)))).containsExactly(toBob, fromCarol, toSelf, fromBob);
        assertThat(ids(page(ALICE, ArchiveQuery.last(2)))).containsExactly(toSelf, fromBob);
        assertThat(ids(page(ALICE, with(ALICE, null, null, 50, false)))).as("notes to self, once")
                .containsExactly(toSelf);
        assertThat(ids(page(CAROL, ArchiveQuery.first(50)))).containsExactly(fromCarol, bobToCarol);
        assertThat(ids(page(CAROL, with(BOB, null, null, 50, false)))).containsExactly(bobToCarol);
        assertThat(ids(page("dave@example.com", ArchiveQuery.first(50)))).isEmpty();
        assertThat(page("dave@example.com", ArchiveQuery.first(50)).complete()).isTrue();
    }

    @Test
    void startAndEndSelectByTimeInclusively() throws Exception {
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(send(ALICE, BOB));
        }
        Instant third = ArchiveIds.timeOf(sent.get(2));
        Instant sixth = ArchiveIds.timeOf(sent.get(5));

        ArchivePage range = page(ALICE, new ArchiveQuery(BOB, third, sixth, null, null, 50, false));
        ArchivePage fromThird = page(ALICE, new ArchiveQuery(null, third, null, null, null, 50, false));
        ArchivePage untilSixthBackward = page(BOB, new ArchiveQuery(null, null, sixth.plusNanos(500_000), null, null,
                2, true));

        assertThat(ids(range)).containsExactlyElementsOf(sent.subList(2, 6));
        assertThat(range.complete()).isTrue();
        assertThat(ids(fromThird)).containsExactlyElementsOf(sent.subList(2, 8));
        assertThat(ids(untilSixthBackward)).containsExactlyElementsOf(sent.subList(4, 6));
        assertThat(untilSixthBackward.complete()).isFalse();
        assertThat(ids(page(ALICE, new ArchiveQuery(null, sixth, third, null, null, 50, false)))).isEmpty();
        assertThat(ids(page(ALICE, new ArchiveQuery(BOB, third, null, sent.get(4), sent.get(7), 50, false))))
                .as("time and id bounds together").containsExactlyElementsOf(sent.subList(5, 7));
    }

    @Test
    void maxZeroOnlyTellsWhetherThereIsMore() throws Exception {
        send(ALICE, BOB);

        ArchivePage page = page(ALICE, ArchiveQuery.first(0));

        assertThat(page.messages()).isEmpty();
        assertThat(page.complete()).isFalse();
        assertThat(page(CAROL, ArchiveQuery.first(0)).complete()).isTrue();
    }

    @Test
    void idsOutsideTheOwnersVisibleArchiveAreUnknown() throws Exception {
        long aliceToBob = send(ALICE, BOB);
        long bobToCarol = send(BOB, CAROL);
        long hidden = send(BOB, ALICE);
        assertThat(await(archive.hide(ALICE, hidden))).isTrue();

        for (Long id : List.of(bobToCarol, hidden, 12345L, aliceToBob + 1)) {
            for (ArchiveQuery query : List.of(with(null, id, null, 10, false), with(BOB, null, id, 10, true))) {
                assertThatThrownBy(() -> page(ALICE, query)).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(UnknownArchiveIdException.class)
                        .hasMessageContaining(ArchiveIds.format(id));
            }
        }
        assertThat(page(ALICE, with(CAROL, aliceToBob, null, 10, false)).messages())
                .as("an id of another conversation of the owner's is known").isEmpty();
        assertThat(ids(page(BOB, with(ALICE, aliceToBob, null, 10, false)))).containsExactly(hidden);
    }

    @Test
    void hiddenMessagesLeaveOnlyTheOwnersView() throws Exception {
        long first = send(ALICE, BOB);
        long second = send(BOB, ALICE);
        long third = send(ALICE, BOB);
        long note = send(ALICE, ALICE);

        assertThat(await(archive.hide(ALICE, second))).isTrue();
        assertThat(await(archive.hide(ALICE, second))).as("hiding twice").isTrue();
        assertThat(await(archive.hide(BOB, third))).isTrue();
        assertThat(await(archive.hide(ALICE, note))).isTrue();
        assertThat(await(archive.hide(CAROL, first))).as("not carol's message").isFalse();
        assertThat(await(archive.hide(ALICE, 42L))).isFalse();

        assertThat(ids(page(ALICE, ArchiveQuery.first(50)))).containsExactly(first, third);
        assertThat(ids(page(ALICE, with(BOB, null, null, 50, true)))).containsExactly(first, third);
        assertThat(ids(page(ALICE, with(ALICE, null, null, 50, true)))).isEmpty();
        assertThat(ids(page(BOB, ArchiveQuery.first(50)))).containsExactly(first, second);
        assertThat(await(archive.find(ALICE, "o-2"))).as("find still finds hidden messages").isPresent();
    }

    @Test
    void hidingWaitsForTheMessageToBeWritten() throws Exception {
        long id = send(ALICE, BOB);

        assertThat(await(archive.hide(BOB, id))).isTrue();
    }

    @Test
    void retractionLeavesATombstone() throws Exception {
        long id = send(ALICE, BOB);
        long other = send(ALICE, BOB);
        clock.advance(Duration.ofMinutes(5));

        RetractionResult result = await(archive.retract(ALICE, BOB, "o-1", WINDOW));

        assertThat(result).isInstanceOf(RetractionResult.Retracted.class);
        ArchivedMessage original = ((RetractionResult.Retracted) result).original();
        assertThat(original.id()).isEqualTo(id);
        assertThat(original.stanzaXml()).as("the message as it was").contains("message 1");
        ArchivePage page = page(BOB, with(ALICE, null, null, 10, false));
        assertThat(ids(page)).containsExactly(id, other);
        ArchivedMessage tombstone = page.messages().get(0);
        assertThat(tombstone.stanzaXml()).isNull();
        assertThat(tombstone.retractedAt()).isEqualTo(clock.instant());
        assertThat(tombstone.retracted()).isTrue();
        assertThat(tombstone.messageId()).isEqualTo("m-1");
        assertThat(tombstone.originId()).isEqualTo("o-1");
        assertThat(tombstone.sender()).isEqualTo(ALICE);
        assertThat(tombstone.receivedAt()).isEqualTo(START.plusSeconds(1));
        assertThat(page.messages().get(1).stanzaXml()).isNotNull();
        assertThat(postgres.query("SELECT count(*) FROM " + schema + ".archive_message WHERE stanza IS NULL"))
                .containsExactly(List.of(1L));
    }

    @Test
    void retractingAgainAnswersRetractedAndChangesNothing() throws Exception {
        send(ALICE, BOB);
        await(archive.retract(ALICE, BOB, "o-1", WINDOW));
        Instant firstRetraction = clock.instant();
        clock.advance(Duration.ofHours(72));

        RetractionResult again = await(archive.retract(ALICE, BOB, "m-1", WINDOW));

        assertThat(again).isInstanceOf(RetractionResult.Retracted.class);
        assertThat(((RetractionResult.Retracted) again).original().retractedAt()).isEqualTo(firstRetraction);
        assertThat(await(archive.find(BOB, "o-1")).orElseThrow().retractedAt()).isEqualTo(firstRetraction);
    }

    @Test
    void onlyTheSenderMayRetract() throws Exception {
        send(ALICE, BOB);

        assertThat(await(archive.retract(BOB, ALICE, "o-1", WINDOW))).isEqualTo(new RetractionResult.NotSender());
        assertThat(await(archive.retract(CAROL, ALICE, "o-1", WINDOW))).as("not between carol and alice")
                .isEqualTo(new RetractionResult.NotFound());
        assertThat(await(archive.retract(ALICE, BOB, "o-999", WINDOW))).isEqualTo(new RetractionResult.NotFound());
        assertThat(await(archive.find(BOB, "o-1")).orElseThrow().stanzaXml()).isNotNull();
    }

    @Test
    void retractionWindowIsMeasuredFromTheMessageTime() throws Exception {
        send(ALICE, BOB);
        send(ALICE, BOB);
        clock.advance(WINDOW.minusSeconds(1));

        assertThat(await(archive.retract(ALICE, BOB, "o-2", WINDOW))).as("exactly at the end of the window")
                .isInstanceOf(RetractionResult.Retracted.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(await(archive.retract(ALICE, BOB, "o-1", WINDOW))).isEqualTo(new RetractionResult.TooOld());
        assertThat(await(archive.find(ALICE, "o-1")).orElseThrow().stanzaXml()).isNotNull();
    }

    @Test
    void retractionByArchiveIdAndByMessageId() throws Exception {
        long id = send(ALICE, BOB);
        long plain = archive.ids().next();
        assertThat(archive.offer(new NewMessage(plain, ALICE, BOB, "only-id", null, "<message id='only-id'/>")))
                .isTrue();

        assertThat(await(archive.retract(ALICE, BOB, ArchiveIds.format(id), WINDOW)))
                .isInstanceOf(RetractionResult.Retracted.class);
        assertThat(await(archive.retract(ALICE, BOB, "only-id", WINDOW)))
                .isInstanceOf(RetractionResult.Retracted.class);
    }

    @Test
    void resolveFindsTheSendersMessageByAnyOfItsReferences() throws Exception {
        long id = send(ALICE, BOB);
        long plain = archive.ids().next();
        archive.offer(new NewMessage(plain, BOB, ALICE, "bob-1", null, "<message id='bob-1'/>"));
        long noId = archive.ids().next();
        archive.offer(new NewMessage(noId, BOB, ALICE, null, null, "<message/>"));

        assertThat(await(archive.resolve(ALICE, BOB, "o-1"))).hasValue(id);
        assertThat(await(archive.resolve(ALICE, BOB, "m-1"))).as("the id attribute").hasValue(id);
        assertThat(await(archive.resolve(ALICE, BOB, ArchiveIds.format(id)))).hasValue(id);
        assertThat(await(archive.resolve(BOB, ALICE, "bob-1"))).hasValue(plain);
        assertThat(await(archive.resolve(BOB, ALICE, ArchiveIds.format(noId)))).hasValue(noId);
        assertThat(await(archive.resolve(BOB, ALICE, "o-1"))).as("wrong direction").isEqualTo(OptionalLong.empty());
        assertThat(await(archive.resolve(ALICE, CAROL, "o-1"))).isEqualTo(OptionalLong.empty());
        assertThat(await(archive.resolve(ALICE, BOB, "nothing"))).isEqualTo(OptionalLong.empty());
    }

    @Test
    void resolveAllAnswersLikeResolveForEachReferenceInOrder() throws Exception {
        long id = send(ALICE, BOB);
        long plain = archive.ids().next();
        archive.offer(new NewMessage(plain, BOB, ALICE, "bob-1", null, "<message id='bob-1'/>"));

        List<MessageArchive.Reference> references = List.of(
                new MessageArchive.Reference(ALICE, BOB, "o-1"),
                new MessageArchive.Reference(ALICE, BOB, "nothing"),
                new MessageArchive.Reference(BOB, ALICE, "bob-1"),
                new MessageArchive.Reference(ALICE, BOB, "m-1"),
                new MessageArchive.Reference(BOB, ALICE, "o-1"),
                new MessageArchive.Reference(ALICE, BOB, ArchiveIds.format(id)));
        assertThat(await(archive.resolveAll(references))).containsExactly(OptionalLong.of(id), OptionalLong.empty(),
                OptionalLong.of(plain), OptionalLong.of(id), OptionalLong.empty(), OptionalLong.of(id));
        assertThat(await(archive.resolveAll(List.of()))).isEmpty();
    }

    @Test
    void aReusedReferenceResolvesToTheNewestMessage() throws Exception {
        long older = archive.ids().next();
        archive.offer(new NewMessage(older, ALICE, BOB, "same", null, "<message id='same'/>"));
        long newer = archive.ids().next();
        archive.offer(new NewMessage(newer, ALICE, BOB, "same", null, "<message id='same'/>"));

        assertThat(await(archive.resolve(ALICE, BOB, "same"))).hasValue(newer);
    }

    @Test
    void findLooksInWhatTheOwnerSentAndReceived() throws Exception {
        long sent = send(ALICE, BOB);
        long received = send(CAROL, ALICE);
        long others = send(BOB, CAROL);

        assertThat(await(archive.find(ALICE, "o-1")).map(ArchivedMessage::id)).hasValue(sent);
        assertThat(await(archive.find(ALICE, "o-2")).map(ArchivedMessage::id)).hasValue(received);
        assertThat(await(archive.find(ALICE, "m-2")).map(ArchivedMessage::id)).hasValue(received);
        assertThat(await(archive.find(ALICE, ArchiveIds.format(received))).map(ArchivedMessage::id))
                .hasValue(received);
        assertThat(await(archive.find(ALICE, "o-3"))).isEqualTo(Optional.empty());
        assertThat(await(archive.find(ALICE, ArchiveIds.format(others)))).isEqualTo(Optional.empty());
        assertThat(await(archive.find(CAROL, "o-3")).map(ArchivedMessage::id)).hasValue(others);
    }

    @Test
    void queriesRunOnTheArchiveQueryThreads() throws Exception {
        String thread = await(CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(),
                archive.queries()));

        assertThat(thread).startsWith("chatapp-archive-query-");
    }
}
