package io.chatapp.client.internal.calls.media;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.chatapp.client.CallQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The WebRTC side of one call: a peer connection with a microphone track (and a camera track for video), SDP offer
 * and answer, trickled candidates, track enabling for mute and camera off, and the received media's meter. Speaks
 * only SDP strings and candidate lines; the Jingle mapping is the caller's.
 */
public final class PeerSession implements AutoCloseable {

    /** What the peer connection tells the call, on libwebrtc's signalling thread: keep it short. */
    public interface Listener {
        /** A local candidate ({@code candidate:…}) for the media section {@code mid}. */
        void localCandidate(String mid, int index, String candidate);

        /** new, connecting, connected, disconnected, failed or closed. */
        void connectionState(String state);

        /** The video sent now follows another step of the quality ladder ({@link SendQualityController}). */
        default void sendQuality(CallQuality quality, int availableKbps) {
        }
    }

    private final MediaEngine engine;
    private final RTCPeerConnection connection;
    private final ReceivedMedia received = new ReceivedMedia();
    private final List<ScheduledFuture<?>> generators = new ArrayList<>();
    /** Received tracks already measured: a renegotiation may announce a track again. */
    private final Set<String> receivedTracks = ConcurrentHashMap.newKeySet();
    private AudioTrack microphone;
    private VideoTrack camera;
    private final SendQualityController quality;
    private CameraSource cameraSource;
    private int cameraTracks;
    private boolean sendingVideo;

    private PeerSession(MediaEngine engine, List<IceServer> iceServers, boolean relayOnly, Listener listener) {
        this.engine = engine;
        RTCConfiguration configuration = new RTCConfiguration();
        if (configuration.iceServers == null) {
            configuration.iceServers = new ArrayList<>();
        }
        for (IceServer server : iceServers) {
            RTCIceServer ice = new RTCIceServer();
            ice.urls = List.of(server.url());
            ice.username = server.username();
            ice.password = server.password();
            configuration.iceServers.add(ice);
        }
        configuration.iceTransportPolicy = relayOnly ? RTCIceTransportPolicy.RELAY : RTCIceTransportPolicy.ALL;
        configuration.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        configuration.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        this.connection = engine.factory().createPeerConnection(configuration, new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                listener.localCandidate(candidate.sdpMid, candidate.sdpMLineIndex, candidate.sdp);
            }

            @Override
            public void onConnectionChange(RTCPeerConnectionState state) {
                listener.connectionState(state.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public void onTrack(RTCRtpTransceiver transceiver) {
                MediaStreamTrack track = transceiver.getReceiver().getTrack();
                if (!receivedTracks.add(track.getId())) {
                    return;
                }
                if (track instanceof AudioTrack audio) {
                    audio.addSink(received);
                } else if (track instanceof VideoTrack video) {
                    video.addSink(received);
                }
            }
        });
        this.quality = new SendQualityController(connection, engine.generators(), listener::sendQuality);
    }

    /** A session sending a microphone track, and a camera track when {@code video}. */
    public static PeerSession open(MediaEngine engine, List<IceServer> iceServers, boolean relayOnly, boolean video,
                                   Listener listener) {
        PeerSession session = new PeerSession(engine, iceServers, relayOnly, listener);
        session.addMicrophone();
        if (video) {
            session.addCamera();
        }
        return session;
    }

    private void addMicrophone() {
        AudioTrackSource source;
        if (engine.realDevices()) {
            source = engine.factory().createAudioSource(new AudioOptions());
        } else {
            CustomAudioSource tone = new CustomAudioSource();
            generators.add(engine.generators().scheduleAtFixedRate(new GeneratedTone(tone), 0,
                    GeneratedTone.CHUNK_MILLIS, TimeUnit.MILLISECONDS));
            source = tone;
        }
        microphone = engine.factory().createAudioTrack("audio", source);
        connection.addTrack(microphone, List.of("chatapp-call"));
    }

    private void addCamera() {
        connection.addTrack(newCameraTrack(), List.of("chatapp-call"));
        sendingVideo = true;
    }

    /**
     * A new track on the camera (opened on first use). New each time a transceiver is made for it: a track stays
     * tied to the sender of a rolled-back, stopping transceiver, and libwebrtc refuses to add it twice.
     */
    private VideoTrack newCameraTrack() {
        if (cameraSource == null) {
            cameraSource = CameraSource.open(engine);
        }
        camera = engine.factory().createVideoTrack("video-" + cameraTracks++, cameraSource.source());
        return camera;
    }

    /**
     * Sends video from now on (a video added mid-call): the camera track on the video transceiver, reused when
     * video was negotiated before or the peer's offer made one, made otherwise. The caller renegotiates: an offer,
     * or (called from {@link #answer(String, Runnable)}'s hook) the answer to the peer's.
     */
    public void startVideo() {
        RTCRtpTransceiver existing = videoTransceiver();
        MediaStreamTrack sent = existing == null ? null : existing.getSender().getTrack();
        if (sent != null && camera != null && sent.getId().equals(camera.getId())) {
            camera.setEnabled(true); // video removed before, added again: the same section and track
            existing.setDirection(RTCRtpTransceiverDirection.SEND_RECV);
        } else if (existing != null) {
            existing.getSender().replaceTrack(newCameraTrack());
            existing.setDirection(RTCRtpTransceiverDirection.SEND_RECV);
        } else {
            // addTransceiver, not addTrack: libwebrtc gives a peer's new section to a transceiver addTrack made and
            // not yet negotiated, even one being stopped after a rollback, and would then reject that section
            RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
            init.direction = RTCRtpTransceiverDirection.SEND_RECV;
            init.streamIds = List.of("chatapp-call");
            connection.addTransceiver(newCameraTrack(), init);
        }
        sendingVideo = true;
    }

    /** Stops sending and receiving video (video removed from the call); the caller renegotiates. */
    public void stopVideo() {
        RTCRtpTransceiver transceiver = videoTransceiver();
        if (transceiver != null) {
            transceiver.setDirection(RTCRtpTransceiverDirection.INACTIVE);
        }
        sendingVideo = false;
    }

    /**
     * Takes back a local offer the peer did not answer (a video request it declined): the description returns to
     * the last agreed one, and a video transceiver that never got into an agreed description is stopped, so later
     * offers do not carry it.
     */
    public CompletableFuture<Void> rollback() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        connection.setLocalDescription(new RTCSessionDescription(RTCSdpType.ROLLBACK, ""),
                new SetSessionDescriptionObserver() {
                    @Override
                    public void onSuccess() {
                        for (RTCRtpTransceiver transceiver : connection.getTransceivers()) {
                            if (transceiver.getMid() == null && !transceiver.stopped()) {
                                transceiver.stop();
                            }
                        }
                        sendingVideo = videoTransceiver() != null && videoTransceiver().getDirection()
                                == RTCRtpTransceiverDirection.SEND_RECV;
                        done.complete(null);
                    }

                    @Override
                    public void onFailure(String error) {
                        done.completeExceptionally(new IllegalStateException(error));
                    }
                });
        return done;
    }

    /** The transceiver carrying video that is neither stopped nor being stopped (a rolled-back one), or null. */
    private RTCRtpTransceiver videoTransceiver() {
        for (RTCRtpTransceiver transceiver : connection.getTransceivers()) {
            if (!transceiver.stopped() && transceiver.getDirection() != RTCRtpTransceiverDirection.STOPPED
                    && MediaStreamTrack.VIDEO_TRACK_KIND.equals(
                    transceiver.getReceiver().getTrack().getKind())) {
                return transceiver;
            }
        }
        return null;
    }

    /** Creates the offer and makes it the local description; {@code iceRestart} asks for new ICE credentials. */
    public CompletableFuture<String> createOffer(boolean iceRestart) {
        CompletableFuture<String> offer = new CompletableFuture<>();
        RTCOfferOptions options = new RTCOfferOptions();
        options.iceRestart = iceRestart;
        connection.createOffer(options, describe(offer));
        return offer;
    }

    /** Takes the peer's offer and answers it; the answer becomes the local description. */
    public CompletableFuture<String> answer(String offer) {
        return answer(offer, () -> { });
    }

    /** As {@link #answer(String)}, running {@code beforeAnswer} once the offer is set (to add a track to it). */
    public CompletableFuture<String> answer(String offer, Runnable beforeAnswer) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        setRemote(RTCSdpType.OFFER, offer).whenComplete((ok, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
                return;
            }
            try {
                beforeAnswer.run();
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
                return;
            }
            connection.createAnswer(new RTCAnswerOptions(), describe(answer));
        });
        return answer;
    }

    /** Takes the peer's answer to this side's offer. */
    public CompletableFuture<Void> acceptAnswer(String answer) {
        return setRemote(RTCSdpType.ANSWER, answer);
    }

    /** Creates a description and sets it as the local one, completing with its SDP. */
    private CreateSessionDescriptionObserver describe(CompletableFuture<String> result) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                connection.setLocalDescription(description, new SetSessionDescriptionObserver() {
                    @Override
                    public void onSuccess() {
                        result.complete(description.sdp);
                    }

                    @Override
                    public void onFailure(String error) {
                        result.completeExceptionally(new IllegalStateException(error));
                    }
                });
            }

            @Override
            public void onFailure(String error) {
                result.completeExceptionally(new IllegalStateException(error));
            }
        };
    }

    private CompletableFuture<Void> setRemote(RTCSdpType type, String sdp) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        connection.setRemoteDescription(new RTCSessionDescription(type, sdp), new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                done.complete(null);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalArgumentException(error));
            }
        });
        return done;
    }

    /** A candidate the peer trickled, for its media section. */
    public void addRemoteCandidate(String mid, int index, String candidate) {
        connection.addIceCandidate(new RTCIceCandidate(mid, index, candidate));
    }

    public void microphoneEnabled(boolean enabled) {
        microphone.setEnabled(enabled);
    }

    /** Whether a camera track is sent now (a video call, or video added and not removed). */
    public boolean hasCamera() {
        return sendingVideo;
    }

    public void cameraEnabled(boolean enabled) {
        if (camera != null) {
            camera.setEnabled(enabled);
        }
    }

    public ReceivedMedia received() {
        return received;
    }

    /** Bytes sent on all outbound RTP streams so far, from the connection's statistics. */
    public CompletableFuture<Long> bytesSent() {
        CompletableFuture<Long> result = new CompletableFuture<>();
        connection.getStats(report -> result.complete(report.getStats().values().stream()
                .filter(s -> s.getType().name().equals("OUTBOUND_RTP"))
                .mapToLong(s -> ((Number) s.getAttributes().getOrDefault("bytesSent", 0L)).longValue()).sum()));
        return result;
    }

    /**
     * Stops the generators and closes the connection. Tracks and sources are not disposed: the closed connection
     * keeps native references to them, and disposing them then fails; they go with the factory.
     */
    @Override
    public void close() {
        generators.forEach(g -> g.cancel(false));
        quality.close();
        if (cameraSource != null) {
            cameraSource.close();
        }
        connection.close();
    }
}
