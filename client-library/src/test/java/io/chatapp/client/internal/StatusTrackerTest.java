package io.chatapp.client.internal;

import static io.chatapp.client.MessageStatus.DELIVERED;
import static io.chatapp.client.MessageStatus.READ;
import static io.chatapp.client.MessageStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.MessageStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTrackerTest {

    private final List<String> changes = new ArrayList<>();
    private final StatusTracker tracker = new StatusTracker(3,
            (id, peer, status) -> changes.add(id + "@" + peer + "=" + status));

    @Test
    void statusesOnlyMoveForward() {
        tracker.track("m1", "bob");
        tracker.advance("m1", DELIVERED);
        tracker.advance("m1", SENT); // a late stream-management ack
        tracker.advance("m1", DELIVERED);
        assertThat(changes).containsExactly("m1@bob=DELIVERED");
        assertThat(tracker.status("m1")).contains(DELIVERED);
        tracker.advance("unknown", READ);
        assertThat(changes).hasSize(1);
    }

    @Test
    void readMakesEveryEarlierMessageToThatPeerRead() {
        tracker.track("m1", "bob");
        tracker.track("m2", "carol");
        tracker.track("m3", "bob");
        tracker.advance("m1", SENT);
        tracker.readUpTo("bob", "m3");
        assertThat(changes).containsExactly("m1@bob=SENT", "m1@bob=READ", "m3@bob=READ");
        assertThat(tracker.status("m2")).isEmpty();
        assertThat(tracker.notRead()).containsExactly(new StatusTracker.Pending("m2", "carol", null));
    }

    @Test
    void aMarkerFromSomeoneElseOrForAnUnknownMessageChangesNothing() {
        tracker.track("m1", "bob");
        tracker.readUpTo("carol", "m1");
        tracker.readUpTo("bob", "unknown");
        assertThat(changes).isEmpty();
        tracker.advance("m1", READ); // message info: read
        assertThat(changes).containsExactly("m1@bob=READ");
    }

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        for (int i = 1; i <= 4; i++) {
            tracker.track("m" + i, "bob");
        }
        assertThat(tracker.isTracked("m1")).isFalse();
        assertThat(tracker.notRead()).extracting(StatusTracker.Pending::messageId).containsExactly("m2", "m3", "m4");
        tracker.readUpTo("bob", "m4");
        assertThat(tracker.notRead()).isEmpty();
        assertThat(changes).hasSize(3).allMatch(change -> change.endsWith("=" + MessageStatus.READ));
    }
}
