package io.chatapp.client.internal.calls.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the adaptive video reads from a statistics report, shaped as libwebrtc reports it. */
class SendQualityControllerTest {

    private final Map<String, RTCStats> stats = new HashMap<>();

    private void add(String id, RTCStatsType type, Map<String, Object> attributes) {
        stats.put(id, new RTCStats(0, type, id, attributes) {
        });
    }

    private LinkSample sample() {
        return SendQualityController.sample(new RTCStatsReport(stats, 0) {
        });
    }

    @Test
    void readsTheSelectedPairsEstimateTheVideosLossAndTheLongerRoundTrip() {
        add("T01", RTCStatsType.TRANSPORT, Map.of("selectedCandidatePairId", "CP2"));
        add("CP1", RTCStatsType.CANDIDATE_PAIR, Map.of("availableOutgoingBitrate", 9_000_000.0,
                "currentRoundTripTime", 0.9));
        add("CP2", RTCStatsType.CANDIDATE_PAIR, Map.of("availableOutgoingBitrate", 320_000.0,
                "currentRoundTripTime", 0.05));
        add("RIA", RTCStatsType.REMOTE_INBOUND_RTP, Map.of("kind", "audio", "fractionLost", 0.5,
                "roundTripTime", 2.0));
        add("RIV", RTCStatsType.REMOTE_INBOUND_RTP, Map.of("kind", "video", "fractionLost", 0.12,
                "roundTripTime", 0.2));

        LinkSample sample = sample();

        assertThat(sample.availableKbps()).isEqualTo(320.0);
        assertThat(sample.fractionLost()).isEqualTo(0.12);
        assertThat(sample.rttMillis()).isEqualTo(200.0);
        assertThat(sample.known()).isTrue();
    }

    @Test
    void noSelectedPairYetIsNoEstimate() {
        add("T01", RTCStatsType.TRANSPORT, Map.of("dtlsState", "connecting"));
        add("CP1", RTCStatsType.CANDIDATE_PAIR, Map.of("availableOutgoingBitrate", 300_000.0));

        assertThat(sample().known()).isFalse();
    }
}
