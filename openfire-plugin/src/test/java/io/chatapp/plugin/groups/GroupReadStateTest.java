package io.chatapp.plugin.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.archive.ArchiveIds;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.archive.NewMessage;
import io.chatapp.plugin.config.ArchiveSettings;
import io.chatapp.plugin.config.GroupSettings;
import io.chatapp.plugin.receipts.ArchiveLookup;
import io.chatapp.plugin.receipts.MessageInfo;
import io.chatapp.plugin.receipts.MessageInfoService;
import io.chatapp.plugin.receipts.ReceiptRecorder;
import io.chatapp.plugin.receipts.RecipientState;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.MutableClock;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Group receipts and markers recorded per member, "delivered/read by all" told to the sender once, and message info
 * for the sender only: on the real archive, recorder and groups in PostgreSQL, without a server.
 */
class GroupReadStateTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final String ROOM = "team@groups.example";
    private static final String ALICE = "alice@example";
    private static final String BOB = "bob@example";
    private static final String CAROL = "carol@example";

    private record Told(String sender, GroupReadState.Milestone milestone, String archiveId) {
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final BlockingQueue<Told> told = new LinkedBlockingQueue<>();
    private Database database;
    private MessageArchive archive;
    private ReceiptRecorder receipts;
    private GroupService groups;
    private GroupReadState state;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(postgres.settings("readstate_" + System.nanoTime()));
        archive = MessageArchive.start(database.dataSource(), new ArchiveSettings(100_000, 1_000, 2, 250,
                Duration.ofHours(48)), clock);
        ArchiveLookup lookup = ArchiveLookup.of(archive);
        receipts = ReceiptRecorder.start(database.dataSource(), lookup, clock);
        MessageInfoService info = new MessageInfoService(database.dataSource(), lookup, archive.queries(),
                receipts::flushed);
        groups = GroupService.start(database.dataSource(), new GroupSettings("groups", 10, 1_024), clock);
        groups.created(ROOM, ALICE);
        List<AffiliationChange> members = List.of(new AffiliationChange(BOB, "member"),
                new AffiliationChange(CAROL, "member"));
        groups.checkAffiliations(ROOM, ALICE, members);
        groups.applyAffiliations(ROOM, ALICE, members);
        state = new GroupReadState(groups, receipts, info, archive,
                (room, sender, milestone, archiveId, messageId) -> told.add(new Told(sender, milestone, archiveId)));
    }

    @AfterEach
    void close() throws Exception {
        groups.close();
        receipts.close();
        archive.close();
        database.close();
    }

    /** A group message as the room's archive keeps it: the room as both parties, the real sender in a muc#user item. */
    private String groupMessage(String sender, String messageId) throws Exception {
        long id = archive.ids().next();
        archive.offer(new NewMessage(id, ROOM, ROOM, messageId, null, "<message type='groupchat' from='" + ROOM
                + "/x' id='" + messageId + "'><body>hi</body><x xmlns='http://jabber.org/protocol/muc#user'>"
                + "<item jid='" + sender + "'/></x></message>"));
        archive.flushed().get(10, TimeUnit.SECONDS);
        return ArchiveIds.format(id);
    }

    @Test
    void theSenderIsToldOnceWhenEveryOtherMemberReceivedAndRead() throws Exception {
        String id = groupMessage(ALICE, "m-1");
        state.noted(ROOM, BOB, id, null);
        assertThat(told.poll(500, TimeUnit.MILLISECONDS)).as("carol has not received it yet").isNull();

        state.noted(ROOM, CAROL, id, null);
        assertThat(told.poll(10, TimeUnit.SECONDS)).isEqualTo(new Told(ALICE, GroupReadState.Milestone.DELIVERED_ALL, id));

        state.noted(ROOM, BOB, null, id);
        state.noted(ROOM, CAROL, null, id);
        assertThat(told.poll(10, TimeUnit.SECONDS)).isEqualTo(new Told(ALICE, GroupReadState.Milestone.READ_ALL, id));

        state.noted(ROOM, CAROL, id, id);
        assertThat(told.poll(500, TimeUnit.MILLISECONDS)).as("told once").isNull();
    }

    @Test
    void aMarkerAlsoCoversTheEarlierMessages() throws Exception {
        String first = groupMessage(ALICE, "m-1");
        String second = groupMessage(BOB, "m-2");
        state.noted(ROOM, CAROL, null, second);
        state.noted(ROOM, BOB, null, first);
        state.noted(ROOM, ALICE, null, second);
        List<Told> all = new java.util.ArrayList<>();
        for (Told one = told.poll(10, TimeUnit.SECONDS); one != null; one = told.poll(1, TimeUnit.SECONDS)) {
            all.add(one);
        }
        assertThat(all).contains(new Told(ALICE, GroupReadState.Milestone.READ_ALL, first),
                new Told(BOB, GroupReadState.Milestone.READ_ALL, second));
    }

    @Test
    void messageInfoIsForTheSenderOnlyAndListsTheOtherMembers() throws Exception {
        String id = groupMessage(ALICE, "m-1");
        state.noted(ROOM, BOB, id, null);
        state.noted(ROOM, "mallory@example", id, id);

        MessageInfo info = state.messageInfo(ROOM, ALICE, id).get(10, TimeUnit.SECONDS);
        assertThat(info.recipients()).extracting(RecipientState::jid).containsExactlyInAnyOrder(BOB, CAROL);
        assertThat(info.recipients()).filteredOn(r -> r.jid().equals(BOB)).singleElement()
                .satisfies(bob -> assertThat(bob.delivered()).isNotNull());
        assertThat(info.recipients()).filteredOn(r -> r.jid().equals(CAROL)).singleElement()
                .satisfies(carol -> assertThat(carol.delivered()).isNull());

        assertThat(refusal(BOB, id)).as("a member who did not send it").isEqualTo(StanzaError.FORBIDDEN);
        assertThat(refusal("mallory@example", id)).as("not a member").isEqualTo(StanzaError.FORBIDDEN);
        assertThat(refusal(ALICE, "no-such-message")).isEqualTo(StanzaError.ITEM_NOT_FOUND);
    }

    private StanzaError refusal(String requester, String reference) throws Exception {
        try {
            state.messageInfo(ROOM, requester, reference).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause()
                    : e.getCause();
            return ((StanzaErrorException) cause).error();
        }
        throw new AssertionError("not refused");
    }
}
