package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.GroupEvent;
import io.chatapp.client.GroupMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The group side of the pipeline, without a server: dedupe, cursors, acknowledgements and catch-up paging. */
class GroupPipelineTest {

    private static final String ROOM = "g1@conference.example.com";
    private static final String OTHER_ROOM = "g2@conference.example.com";
    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    /** Everything the pipeline decided, as one line each, in order. */
    private final List<String> log = new ArrayList<>();
    private final GroupPipeline pipeline = new GroupPipeline(5, (to, id) -> log.add("receipt " + id + " to " + to),
            new GroupPipeline.Events() {
                @Override
                public void message(GroupMessage message) {
                    log.add("message " + message.archiveId() + (message.delayed() ? " archived" : "")
                            + (message.outgoing() ? " outgoing" : ""));
                }

                @Override
                public void event(GroupEvent event) {
                    log.add("event " + event.type());
                }

                @Override
                public void removal(io.chatapp.client.GroupRemoval removal) {
                    log.add("removal " + removal.archiveId() + (removal.moderated() ? " by " + removal.removedBy()
                            : ""));
                }
            }, 2);

    private static GroupIncoming text(String room, String archiveId, boolean archived) {
        return GroupIncoming.of(new GroupMessage(room, "m" + archiveId, "bob@example.com", "hi", T, false,
                archiveId, archived));
    }

    private static GroupIncoming mine(String archiveId) {
        return GroupIncoming.of(new GroupMessage(ROOM, "m" + archiveId, "alice@example.com", "mine", T, true,
                archiveId, false));
    }

    /** A group archive of texts with ids 101…, read forward in pages. */
    private static final class FakeArchive implements GroupPipeline.Archive {
        final List<String> queries = new ArrayList<>();
        int archiveSize = 5;
        int failAtQuery = -1;

        @Override
        public ArchivePage<GroupIncoming> newestGroupPage(String room, int max) {
            queries.add("newest " + room + " max " + max);
            return page(100 + archiveSize - max + 1, 100 + archiveSize, true);
        }

        @Override
        public ArchivePage<GroupIncoming> groupPageAfter(String room, String afterArchiveId, int max) {
            queries.add("after " + afterArchiveId + " max " + max);
            if (queries.size() - 1 == failAtQuery) {
                throw new ChatClientException(ChatClientException.Reason.NETWORK, "gone");
            }
            int first = Integer.parseInt(afterArchiveId) + 1;
            int last = Math.min(first + max - 1, 100 + archiveSize);
            return page(first, last, last == 100 + archiveSize);
        }

        private static ArchivePage<GroupIncoming> page(int first, int last, boolean complete) {
            List<GroupIncoming> messages = new ArrayList<>();
            for (int id = first; id <= last; id++) {
                messages.add(text(ROOM, String.valueOf(id), true));
            }
            return new ArchivePage<>(messages, complete, messages.isEmpty() ? null : String.valueOf(last));
        }
    }

    private final FakeArchive archive = new FakeArchive();

    @Test
    void aMessageFromSomeoneElseIsAcknowledgedToTheRoomByItsArchiveIdAndMovesTheGroupsCursor() {
        pipeline.receive(text(ROOM, "100", false));
        assertThat(log).containsExactly("receipt 100 to " + ROOM, "message 100");
        assertThat(pipeline.cursor(ROOM)).isEqualTo("100");
        assertThat(pipeline.cursor(OTHER_ROOM)).isNull();
    }

    @Test
    void ownMessagesEventsAndMessagesWithoutArchiveIdAreNotAcknowledged() {
        pipeline.receive(mine("100"));
        pipeline.receive(GroupIncoming.of(new GroupEvent(ROOM, GroupEvent.Type.NAME_CHANGED, "alice@example.com",
                null, "Team 2", "alice renamed the group", T), "101"));
        pipeline.receive(text(ROOM, null, false));
        assertThat(log).containsExactly("message 100 outgoing", "event NAME_CHANGED", "message null");
        assertThat(pipeline.cursor(ROOM)).isEqualTo("101");
    }

    @Test
    void eachArchiveIdIsDeliveredOnceLiveOrFromTheArchive() {
        pipeline.receive(text(ROOM, "100", false));
        pipeline.receive(text(ROOM, "100", true));
        pipeline.receive(GroupIncoming.nothingToShow(ROOM, "101"));
        pipeline.receive(text(ROOM, "101", true));
        assertThat(log).containsExactly("receipt 100 to " + ROOM, "message 100");
        assertThat(pipeline.cursor(ROOM)).isEqualTo("101");
    }

    @Test
    void theCursorIsTheNewestArchiveIdWhateverTheOrderOfArrival() {
        pipeline.receive(text(ROOM, "105", false));
        pipeline.receive(text(ROOM, "103", true));
        assertThat(pipeline.cursor(ROOM)).isEqualTo("105");
    }

    @Test
    void theFirstCatchUpReadsTheNewestPageOnly() {
        assertThat(pipeline.catchUp(ROOM, archive)).isTrue();
        assertThat(archive.queries).containsExactly("newest " + ROOM + " max 2");
        assertThat(log).filteredOn(line -> line.startsWith("message"))
                .containsExactly("message 104 archived", "message 105 archived");
        assertThat(pipeline.cursor(ROOM)).isEqualTo("105");
    }

    @Test
    void laterCatchUpsPageForwardFromTheCursorUntilCompleteWithoutDuplicates() {
        pipeline.receive(text(ROOM, "100", false));
        pipeline.receive(text(ROOM, "102", false)); // live while this device was entering: the archive has it too
        log.clear();
        pipeline.receive(text(ROOM, "101", true)); // archive order may trail the live cursor
        assertThat(pipeline.cursor(ROOM)).isEqualTo("102");
        log.clear();
        assertThat(pipeline.catchUp(ROOM, archive)).isTrue();
        assertThat(archive.queries).containsExactly("after 102 max 2", "after 104 max 2");
        assertThat(log).containsExactly("receipt 103 to " + ROOM, "message 103 archived",
                "receipt 104 to " + ROOM, "message 104 archived", "receipt 105 to " + ROOM, "message 105 archived");
    }

    @Test
    void aFailedCatchUpKeepsWhatItDeliveredAndTheNextOneGoesOnFromThere() {
        pipeline.receive(text(ROOM, "100", false));
        archive.failAtQuery = 1;
        assertThat(pipeline.catchUp(ROOM, archive)).isFalse();
        assertThat(pipeline.cursor(ROOM)).isEqualTo("102");

        archive.failAtQuery = -1;
        archive.queries.clear();
        log.clear();
        assertThat(pipeline.catchUp(ROOM, archive)).isTrue();
        assertThat(archive.queries).containsExactly("after 102 max 2", "after 104 max 2");
        assertThat(log).filteredOn(line -> line.startsWith("message"))
                .containsExactly("message 103 archived", "message 104 archived", "message 105 archived");
    }

    @Test
    void theMemoryOfDeliveredIdsIsBounded() {
        for (int i = 0; i < 6; i++) {
            pipeline.receive(text(ROOM, String.valueOf(100 + i), false));
        }
        pipeline.receive(text(ROOM, "105", true)); // still remembered
        pipeline.receive(text(ROOM, "100", true)); // forgotten (capacity 5)
        assertThat(log).filteredOn(line -> line.startsWith("message")).hasSize(7);
    }
}
