package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatMessage;
import io.chatapp.client.MessageStatus;
import io.chatapp.client.Retraction;
import io.chatapp.client.TypingState;
import io.chatapp.client.internal.Incoming.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagePipelineTest {

    /** Everything the pipeline decided, as one line each, in order. */
    private final List<String> log = new ArrayList<>();
    private final StatusTracker tracker = new StatusTracker(100,
            (id, peer, status) -> log.add("status " + id + " " + status));
    private final MessagePipeline pipeline = new MessagePipeline(5, tracker,
            (to, id) -> log.add("receipt " + id + " to " + to), new MessagePipeline.Events() {
                @Override
                public void message(ChatMessage message) {
                    log.add("message " + message.id() + (message.outgoing() ? " outgoing" : ""));
                }

                @Override
                public void retraction(Retraction retraction) {
                    log.add("retraction " + retraction.messageId() + " " + retraction.archiveId());
                }

                @Override
                public void typing(String from, TypingState state) {
                    log.add("typing " + from + " " + state);
                }

                @Override
                public void readElsewhere(String peer, String upToMessageId, String upToArchiveId) {
                    log.add("read elsewhere " + peer + " " + upToMessageId + " " + upToArchiveId);
                }

                @Override
                public void cursor(String lastArchiveId) {
                    log.add("cursor " + lastArchiveId);
                }
            });

    @Test
    void aLiveTextIsDeliveredWithAReceiptAndMovesTheCursor() {
        pipeline.live(Messages.text(Source.LIVE, "m1", "100", "hi"));
        assertThat(log).containsExactly("message m1", "receipt m1 to alice@example.com/phone", "cursor 100");
        assertThat(pipeline.cursor()).isEqualTo("100");
        assertThat(pipeline.newestReceivedFrom("alice@example.com")).contains("m1");
    }

    @Test
    void eachArchiveIdIsDeliveredOnceHoweverItArrives() {
        pipeline.live(Messages.text(Source.LIVE, "m1", "100", "hi"));
        pipeline.live(Messages.text(Source.CARBON, "m1", "100", "hi"));
        long token = pipeline.startCatchUp();
        pipeline.archived(token, Messages.text(Source.ARCHIVE, "m1", "100", "hi"));
        pipeline.finishCatchUp(token, true);
        assertThat(log).filteredOn(line -> line.startsWith("message")).containsExactly("message m1");
        assertThat(log).filteredOn(line -> line.startsWith("receipt")).hasSize(1);
    }

    @Test
    void liveTextsDuringACatchUpComeAfterTheArchivedOnesWithoutDuplicates() {
        long token = pipeline.startCatchUp();
        pipeline.live(Messages.text(Source.LIVE, "m2", "102", "offline copy of an archived one"));
        pipeline.live(Messages.text(Source.LIVE, "m4", "104", "new"));
        pipeline.live(Messages.receipt("x")); // signals are not held
        pipeline.archived(token, Messages.text(Source.ARCHIVE, "m1", "101", "a"));
        pipeline.archived(token, Messages.text(Source.ARCHIVE, "m2", "102", "b"));
        pipeline.archived(token, Messages.text(Source.ARCHIVE, "m3", "103", "c"));
        assertThat(log).filteredOn(line -> line.startsWith("message")).containsExactly("message m1", "message m2",
                "message m3");
        assertThat(pipeline.isCatchingUp()).isTrue();
        pipeline.finishCatchUp(token, true);
        assertThat(log).filteredOn(line -> line.startsWith("message")).containsExactly("message m1", "message m2",
                "message m3", "message m4");
        assertThat(pipeline.cursor()).isEqualTo("104");
        assertThat(pipeline.isCatchingUp()).isFalse();
    }

    @Test
    void aSupersededCatchUpChangesNothing() {
        long first = pipeline.startCatchUp();
        long second = pipeline.startCatchUp();
        pipeline.live(Messages.text(Source.LIVE, "m9", "109", "held"));
        pipeline.archived(first, Messages.text(Source.ARCHIVE, "m1", "101", "stale"));
        pipeline.finishCatchUp(first, true);
        assertThat(log).isEmpty();
        pipeline.finishCatchUp(second, true);
        assertThat(log).filteredOn(line -> line.startsWith("message")).containsExactly("message m9");
    }

    @Test
    void afterAFailedCatchUpTheCursorStaysAtTheGapUntilOneSucceeds() {
        pipeline.setCursor("100");
        long token = pipeline.startCatchUp();
        pipeline.live(Messages.text(Source.LIVE, "m9", "109", "live"));
        pipeline.archived(token, Messages.text(Source.ARCHIVE, "m1", "101", "a"));
        pipeline.finishCatchUp(token, false); // 102..108 were not fetched
        assertThat(log).filteredOn(line -> line.startsWith("message")).containsExactly("message m1", "message m9");
        assertThat(pipeline.cursor()).isEqualTo("101");
        assertThat(log).filteredOn(line -> line.startsWith("cursor")).containsExactly("cursor 101");

        long retry = pipeline.startCatchUp();
        pipeline.archived(retry, Messages.text(Source.ARCHIVE, "m2", "102", "b"));
        pipeline.archived(retry, Messages.text(Source.ARCHIVE, "m9", "109", "live"));
        pipeline.finishCatchUp(retry, true);
        assertThat(pipeline.cursor()).isEqualTo("109");
        assertThat(log).filteredOn(line -> line.startsWith("message")).containsExactly("message m1", "message m9",
                "message m2");
        assertThat(log).filteredOn(line -> line.startsWith("cursor")).containsExactly("cursor 101", "cursor 109");
    }

    @Test
    void ownMessagesFromOtherDevicesAreDeliveredAsOutgoingWithoutReceiptAndOwnEchoesNotAtAll() {
        pipeline.sentHere("mine-here");
        pipeline.live(Messages.mine(Source.CARBON, "from-phone", "200", "sent on the phone"));
        long token = pipeline.startCatchUp();
        pipeline.archived(token, Messages.mine(Source.ARCHIVE, "mine-here", "201", "sent here"));
        pipeline.finishCatchUp(token, true);
        assertThat(log).containsExactly("status from-phone SENT", "message from-phone outgoing", "cursor 200",
                "cursor 201");
        assertThat(tracker.status("from-phone")).contains(MessageStatus.SENT);
        assertThat(pipeline.newestReceivedFrom("alice@example.com")).isEmpty();
    }

    @Test
    void receiptsAndMarkersMoveStatusesAndOwnMarkersAreReadElsewhere() {
        tracker.track("m1", "alice@example.com");
        tracker.track("m2", "alice@example.com");
        pipeline.live(Messages.receipt("m1"));
        pipeline.live(Messages.displayed(false, "m2"));
        pipeline.live(Messages.displayed(true, "their-7"));
        assertThat(log).containsExactly("status m1 DELIVERED", "status m1 READ", "status m2 READ",
                "read elsewhere alice@example.com their-7 null");
    }

    @Test
    void typingComesLiveOrByCarbonButNeverFromTheArchive() {
        pipeline.live(Messages.chatState(TypingState.COMPOSING));
        long token = pipeline.startCatchUp();
        Incoming archivedState = new Incoming(Source.ARCHIVE, "x", null, "300", "alice@example.com", "", "alice@example.com",
                "bob@example.com", false, "hello", Messages.T, true, false, null, null, TypingState.ACTIVE, null,
                false, null);
        pipeline.archived(token, archivedState);
        pipeline.finishCatchUp(token, true);
        assertThat(log).filteredOn(line -> line.startsWith("typing"))
                .containsExactly("typing alice@example.com COMPOSING");
    }

    @Test
    void retractionsAndTombstonesAreRetractionEventsNotMessages() {
        pipeline.live(Messages.retraction(Source.LIVE, "400", "m1"));
        pipeline.live(Messages.retraction(Source.LIVE, "400", "m1"));
        long token = pipeline.startCatchUp();
        pipeline.archived(token, Messages.tombstone("m0", "399"));
        pipeline.finishCatchUp(token, true);
        assertThat(log).filteredOn(line -> !line.startsWith("cursor"))
                .containsExactly("retraction m1 null", "retraction m0 399");
    }

    @Test
    void theMemoryOfDeliveredIdsIsBounded() {
        for (int i = 0; i < 6; i++) {
            pipeline.live(Messages.text(Source.LIVE, "m" + i, String.valueOf(100 + i), "x"));
        }
        pipeline.live(Messages.text(Source.LIVE, "m5", "105", "x")); // still remembered
        pipeline.live(Messages.text(Source.LIVE, "m0", "100", "x")); // forgotten (capacity 5)
        assertThat(log).filteredOn(line -> line.startsWith("message")).hasSize(7);
    }
}
