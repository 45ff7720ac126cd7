package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.MessageInfo;
import io.chatapp.client.Retraction;
import io.chatapp.client.TypingState;
import io.chatapp.client.internal.Incoming.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResyncTest {

    private final List<String> log = new ArrayList<>();
    private final StatusTracker tracker = new StatusTracker(100,
            (id, peer, status) -> log.add("status " + id + " " + status));
    private final MessagePipeline.Events events = new MessagePipeline.Events() {
        @Override
        public void message(ChatMessage message) {
            log.add("message " + message.id());
        }

        @Override
        public void retraction(Retraction retraction) {
            log.add("retraction " + retraction.messageId());
        }

        @Override
        public void typing(String from, TypingState state) {
        }

        @Override
        public void readElsewhere(String peer, String upToMessageId, String upToArchiveId) {
            log.add("read elsewhere " + peer + " " + upToArchiveId);
        }

        @Override
        public void cursor(String lastArchiveId) {
        }
    };
    private final MessagePipeline pipeline = new MessagePipeline(100, tracker, (to, id) -> { }, events);

    /** An archive of texts with ids 101…, read forward in pages. */
    private class FakeServer implements Resync.Server {
        final List<String> queries = new ArrayList<>();
        final Map<String, MessageInfo> infos = new HashMap<>();
        int archiveSize = 5;
        int failAtPage = -1;

        @Override
        public ArchivePage<Incoming> pageAfter(String afterArchiveId, int max) {
            queries.add("after " + afterArchiveId + " max " + max);
            if (queries.size() - 1 == failAtPage) {
                throw new ChatClientException(ChatClientException.Reason.NETWORK, "gone");
            }
            int first = Integer.parseInt(afterArchiveId) + 1;
            int last = Math.min(first + max - 1, 100 + archiveSize);
            List<Incoming> page = new ArrayList<>();
            for (int id = first; id <= last; id++) {
                page.add(Messages.text(Source.ARCHIVE, "m" + id, String.valueOf(id), "text"));
            }
            return new ArchivePage<>(page, last == 100 + archiveSize,
                    page.isEmpty() ? null : String.valueOf(last));
        }

        @Override
        public List<Resync.ReadMark> readMarks() {
            return List.of(new Resync.ReadMark("alice@example.com", "104"));
        }

        @Override
        public MessageInfo messageInfo(String messageId) {
            MessageInfo info = infos.get(messageId);
            if (info == null) {
                throw new ChatClientException(ChatClientException.Reason.NOT_FOUND, "no such message");
            }
            return info;
        }
    }

    private final FakeServer server = new FakeServer();
    private final Resync resync = new Resync(server, pipeline, tracker, events, 2);

    @Test
    void pagesForwardUntilCompleteThenReportsReadMarksAndReleasesHeldMessages() {
        long token = pipeline.startCatchUp();
        pipeline.live(Messages.text(Source.LIVE, "m106", "106", "live during the catch-up"));
        assertThat(resync.catchUp(token, "100")).isTrue();
        assertThat(server.queries).containsExactly("after 100 max 2", "after 102 max 2", "after 104 max 2");
        assertThat(log).containsExactly("message m101", "message m102", "message m103", "message m104",
                "message m105", "read elsewhere alice@example.com 104", "message m106");
        assertThat(pipeline.cursor()).isEqualTo("106");
    }

    @Test
    void aFailedCatchUpStillReleasesHeldMessagesAndKeepsTheGapForNextTime() {
        server.failAtPage = 1;
        long token = pipeline.startCatchUp();
        pipeline.live(Messages.text(Source.LIVE, "m106", "106", "live"));
        assertThat(resync.catchUp(token, "100")).isFalse();
        assertThat(log).containsExactly("message m101", "message m102", "message m106");
        assertThat(pipeline.isCatchingUp()).isFalse();
        assertThat(pipeline.cursor()).isEqualTo("102");

        server.failAtPage = -1;
        log.clear();
        assertThat(resync.catchUp(pipeline.startCatchUp(), pipeline.cursor())).isTrue();
        assertThat(log).containsExactly("message m103", "message m104", "message m105",
                "read elsewhere alice@example.com 104");
        assertThat(pipeline.cursor()).isEqualTo("105");
    }

    @Test
    void aCatchUpCutShortByADroppedConnectionKeepsHoldingForTheNextSession() {
        server.failAtPage = 1;
        long token = pipeline.startCatchUp();
        pipeline.live(Messages.text(Source.LIVE, "m106", "106", "live, re-sent out of order"));
        assertThat(resync.catchUp(token, "100", () -> true)).isFalse();
        assertThat(log).containsExactly("message m101", "message m102");
        assertThat(pipeline.isCatchingUp()).isTrue();

        // the drop starts a new hold; the next session catches up from where the delivered messages got to
        server.failAtPage = -1;
        log.clear();
        long next = pipeline.startCatchUp();
        pipeline.live(Messages.text(Source.LIVE, "m104", "104", "re-sent again"));
        assertThat(resync.catchUp(next, pipeline.cursor(), () -> true)).isTrue();
        assertThat(log).containsExactly("message m103", "message m104", "message m105",
                "read elsewhere alice@example.com 104", "message m106");
        assertThat(pipeline.isCatchingUp()).isFalse();
        assertThat(pipeline.cursor()).isEqualTo("106");
    }

    @Test
    void refreshingStatusesAppliesWhatTheServerRecorded() {
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        tracker.track("a", "alice@example.com");
        tracker.track("b", "alice@example.com");
        tracker.track("c", "carol@example.com");
        tracker.track("gone", "carol@example.com");
        tracker.track("d", "dave@example.com"); // already read: not asked about
        tracker.advance("d", io.chatapp.client.MessageStatus.READ);
        server.infos.put("a", new MessageInfo("a", "1", t, List.of(new MessageInfo.Recipient("alice@example.com", t, null))));
        server.infos.put("b", new MessageInfo("b", "2", t, List.of(new MessageInfo.Recipient("alice@example.com", t, t))));
        server.infos.put("c", new MessageInfo("c", "3", t, List.of(new MessageInfo.Recipient("carol@example.com", null, null))));
        log.clear();
        resync.refreshStatuses();
        assertThat(log).containsExactly(
                "status a SENT", "status a DELIVERED",
                "status b SENT", "status a READ", "status b READ",
                "status c SENT");
    }

    @Test
    void refreshingStopsWhenTheConnectionIsGone() {
        tracker.track("a", "alice@example.com");
        tracker.track("b", "alice@example.com");
        Resync broken = new Resync(new FakeServer() {
            @Override
            public MessageInfo messageInfo(String messageId) {
                queries.add(messageId);
                throw new ChatClientException(ChatClientException.Reason.NOT_CONNECTED, "offline");
            }
        }, pipeline, tracker, events, 2);
        broken.refreshStatuses();
        assertThat(log).isEmpty();
    }
}
