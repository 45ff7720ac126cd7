package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.PresenceMode;
import io.chatapp.client.PresenceUpdate;
import org.junit.jupiter.api.Test;

class PresenceTrackerTest {

    private final PresenceTracker tracker = new PresenceTracker("me@localhost");

    private static PresenceUpdate online(String jid, String device) {
        return new PresenceUpdate(jid, device, true, PresenceMode.AVAILABLE, "");
    }

    private static PresenceUpdate offline(String jid, String device) {
        return new PresenceUpdate(jid, device, false, PresenceMode.OFFLINE, "");
    }

    @Test
    void firstDeviceOnlineAndLastDeviceOfflineAreChanges() {
        assertThat(tracker.update(online("bob@localhost", "phone"))).contains(true);
        assertThat(tracker.update(online("bob@localhost", "laptop"))).isEmpty();
        assertThat(tracker.update(offline("bob@localhost", "phone"))).isEmpty();
        assertThat(tracker.update(offline("bob@localhost", "laptop"))).contains(false);
    }

    @Test
    void offlineForSomeoneNeverSeenOnlineIsNoChange() {
        assertThat(tracker.update(offline("bob@localhost", "phone"))).isEmpty();
    }

    @Test
    void repeatedPresenceIsNoChange() {
        tracker.update(online("bob@localhost", "phone"));

        assertThat(tracker.update(online("bob@localhost", "phone"))).isEmpty();
    }

    @Test
    void statusChangeOfAnOnlineContactIsReportedAsStatusOnly() {
        tracker.update(online("bob@localhost", "phone"));

        assertThat(tracker.track(new PresenceUpdate("bob@localhost", "phone", true, PresenceMode.AWAY, "lunch")))
                .hasValueSatisfying(change -> {
                    assertThat(change.online()).isEmpty();
                    assertThat(change.mode()).isEqualTo("away");
                    assertThat(change.status()).isEqualTo("lunch");
                });
    }

    @Test
    void ownOtherDevicesAreIgnored() {
        assertThat(tracker.update(online("Me@localhost", "tablet"))).isEmpty();
        assertThat(tracker.update(offline("me@localhost", "tablet"))).isEmpty();
    }
}
