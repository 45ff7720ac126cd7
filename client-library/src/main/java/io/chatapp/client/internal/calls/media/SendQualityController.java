package io.chatapp.client.internal.calls.media;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.chatapp.client.CallQuality;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adaptive video for one call: every half second it reads the connection's statistics (congestion control's send
 * estimate, the loss and round trip the peer reports), lets the {@link QualityLadder} pick a step, and puts that
 * step's limits (maximum bitrate, resolution scale, maximum frame rate) on the video sender with
 * {@code RTCRtpSender.setParameters}. libwebrtc's congestion control keeps adjusting the bitrate within them.
 * It looks the video sender up on every tick, so a camera added mid-call is covered too.
 */
final class SendQualityController implements AutoCloseable {

    /** Told when the step changes, on the generator thread. */
    interface Listener {
        void qualityChanged(CallQuality quality, int availableKbps);
    }

    static final long PERIOD_MILLIS = 500;
    private static final Logger LOG = Logger.getLogger(SendQualityController.class.getName());

    private final RTCPeerConnection connection;
    private final Listener listener;
    private final QualityLadder ladder = new QualityLadder();
    private final ScheduledFuture<?> ticks;
    private volatile boolean closed;

    SendQualityController(RTCPeerConnection connection, ScheduledExecutorService executor, Listener listener) {
        this.connection = connection;
        this.listener = listener;
        this.ticks = executor.scheduleWithFixedDelay(this::tick, PERIOD_MILLIS, PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void tick() {
        // an exception escaping a periodic task would end adaptation for the rest of the call
        try {
            if (closed || videoSender() == null) {
                return;
            }
            connection.getStats(report -> {
                try {
                    decide(sample(report));
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Could not adapt the video to the link", e);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not read the call's statistics", e);
        }
    }

    private synchronized void decide(LinkSample sample) {
        if (closed) {
            return;
        }
        CallQuality before = ladder.current();
        CallQuality after = ladder.update(sample);
        if (after != before) {
            RTCRtpSender sender = videoSender();
            if (sender != null) {
                apply(sender, after);
            }
            LOG.info(() -> "Video " + before + " -> " + after + " (estimate " + Math.round(sample.availableKbps())
                    + " kbit/s, loss " + Math.round(sample.fractionLost() * 100) + "%, rtt "
                    + Math.round(sample.rttMillis()) + " ms)");
            listener.qualityChanged(after, (int) Math.round(sample.availableKbps()));
        }
    }

    private RTCRtpSender videoSender() {
        for (RTCRtpSender sender : connection.getSenders()) {
            if (sender.getTrack() instanceof VideoTrack) {
                return sender;
            }
        }
        return null;
    }

    private static void apply(RTCRtpSender sender, CallQuality quality) {
        RTCRtpSendParameters parameters = sender.getParameters();
        if (parameters.encodings == null) {
            return;
        }
        for (RTCRtpEncodingParameters encoding : parameters.encodings) {
            encoding.maxBitrate = quality.maxBitrateKbps() == 0 ? null : quality.maxBitrateKbps() * 1000;
            encoding.scaleResolutionDownBy = quality.resolutionDivisor();
            encoding.maxFramerate = quality.maxFramesPerSecond() == 0 ? null : (double) quality.maxFramesPerSecond();
        }
        sender.setParameters(parameters);
    }

    /**
     * The link as the report shows it: the selected pair's estimate, the peer's video loss, and the longer of the
     * pair's round trip (from ICE checks) and the one the peer's RTCP reports give.
     */
    static LinkSample sample(RTCStatsReport report) {
        Map<String, RTCStats> all = report.getStats();
        double available = -1;
        double rtt = -1;
        double lost = 0;
        for (RTCStats stats : all.values()) {
            Map<String, Object> attributes = stats.getAttributes();
            if (stats.getType() == RTCStatsType.TRANSPORT
                    && attributes.get("selectedCandidatePairId") instanceof String pairId && all.get(pairId) != null) {
                Map<String, Object> pair = all.get(pairId).getAttributes();
                if (pair.get("availableOutgoingBitrate") instanceof Number bitrate) {
                    available = bitrate.doubleValue() / 1000;
                }
                if (pair.get("currentRoundTripTime") instanceof Number seconds) {
                    rtt = Math.max(rtt, seconds.doubleValue() * 1000);
                }
            } else if (stats.getType() == RTCStatsType.REMOTE_INBOUND_RTP && "video".equals(attributes.get("kind"))
                    && attributes.get("fractionLost") instanceof Number fraction) {
                lost = fraction.doubleValue();
                if (attributes.get("roundTripTime") instanceof Number seconds) {
                    rtt = Math.max(rtt, seconds.doubleValue() * 1000);
                }
            }
        }
        return new LinkSample(available, lost, rtt);
    }

    @Override
    public synchronized void close() {
        closed = true;
        ticks.cancel(false);
    }
}
