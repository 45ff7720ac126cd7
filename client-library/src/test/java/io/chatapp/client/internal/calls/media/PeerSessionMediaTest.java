package io.chatapp.client.internal.calls.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.internal.calls.jingle.IceCandidate;
import io.chatapp.client.internal.calls.sdp.CandidateLines;
import io.chatapp.client.internal.calls.sdp.JingleContents;
import io.chatapp.client.internal.calls.sdp.JingleToSdp;
import io.chatapp.client.internal.calls.sdp.SdpToJingle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two peer sessions in this JVM exchange real audio and video, every description and candidate passing through the
 * Jingle mapping both ways (SDP → Jingle → SDP), as between two clients. libwebrtc gathers no candidates on loopback,
 * so this needs a host with a network interface besides {@code lo} (every CI host has one); the calls between
 * processes in network namespaces are the integration tests'.
 */
class PeerSessionMediaTest {

    @Test
    void audioAndVideoFlowBothWaysThroughTheJingleMapping() throws Exception {
        try (MediaEngine engine = MediaEngine.start()) {
            CountDownLatch connected = new CountDownLatch(2);
            PeerSession[] sessions = new PeerSession[2];
            sessions[0] = PeerSession.open(engine, List.of(), false, true, listener(sessions, 1, connected));
            sessions[1] = PeerSession.open(engine, List.of(), false, true, listener(sessions, 0, connected));
            try {
                String offer = viaJingle(sessions[0].createOffer(false).get(10, TimeUnit.SECONDS), true);
                String answer = viaJingle(sessions[1].answer(offer).get(10, TimeUnit.SECONDS), false);
                sessions[0].acceptAnswer(answer).get(10, TimeUnit.SECONDS);

                assertThat(connected.await(20, TimeUnit.SECONDS)).as("both connected").isTrue();
                awaitMedia(sessions[0].received(), Duration.ofSeconds(20));
                awaitMedia(sessions[1].received(), Duration.ofSeconds(20));
                assertThat(sessions[0].bytesSent().get(5, TimeUnit.SECONDS)).isPositive();
            } finally {
                sessions[0].close();
                sessions[1].close();
            }
        }
    }

    private static String viaJingle(String sdp, boolean initiator) {
        JingleContents jingle = SdpToJingle.map(sdp, initiator);
        return JingleToSdp.map(jingle, "sid", initiator);
    }

    private static PeerSession.Listener listener(PeerSession[] sessions, int peer, CountDownLatch connected) {
        return new PeerSession.Listener() {
            @Override
            public void localCandidate(String mid, int index, String candidate) {
                IceCandidate element = CandidateLines.parse(candidate);
                sessions[peer].addRemoteCandidate(mid, index, CandidateLines.format(element));
            }

            @Override
            public void connectionState(String state) {
                if (state.equals("connected")) {
                    connected.countDown();
                }
            }
        };
    }

    private static void awaitMedia(ReceivedMedia media, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && (media.soundChunks() < 50 || media.videoFrames() < 10)) {
            Thread.sleep(100);
        }
        assertThat(media.soundChunks()).as("received audio chunks with sound").isGreaterThanOrEqualTo(50);
        assertThat(media.videoFrames()).as("decoded video frames").isGreaterThanOrEqualTo(10);
    }
}
