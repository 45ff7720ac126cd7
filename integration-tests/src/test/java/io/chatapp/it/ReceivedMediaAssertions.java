package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.calls.CallPartyProcess;
import java.time.Duration;

/** Assertions on what a call party keeps receiving: more sound, more decoded frames, within a time. */
final class ReceivedMediaAssertions {

    private static final int SOUND_MILLIS = 0;
    private static final int VIDEO_FRAMES = 1;

    private ReceivedMediaAssertions() {
    }

    /** The party's received sound grows by at least a second from now on. */
    static void assertHearsAnotherSecond(CallPartyProcess party, Duration within) throws Exception {
        assertGrows(party, SOUND_MILLIS, 1000, within, "sound received, ms");
    }

    /** The party decodes at least {@code frames} more video frames from now on. */
    static void assertSeesFrames(CallPartyProcess party, long frames, Duration within) throws Exception {
        assertGrows(party, VIDEO_FRAMES, frames, within, "decoded video frames");
    }

    /** The party's decoded video frames now, to see later that they stopped. */
    static long framesSeen(CallPartyProcess party) throws Exception {
        return party.media()[VIDEO_FRAMES];
    }

    private static void assertGrows(CallPartyProcess party, int counter, long by, Duration within, String what)
            throws Exception {
        long before = party.media()[counter];
        long deadline = System.nanoTime() + within.toNanos();
        while (party.media()[counter] - before < by && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(party.media()[counter] - before).as(what).isGreaterThanOrEqualTo(by);
    }
}
