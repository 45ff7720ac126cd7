package io.chatapp.client;

import io.chatapp.client.internal.calls.CallRegistry;
import io.chatapp.client.internal.calls.CallSession;
import io.chatapp.client.internal.calls.media.PeerSession;
import io.chatapp.client.internal.calls.media.ReceivedMedia;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One voice or video call, placed ({@link Calls#call}) or received ({@link CallEvent.Incoming}). Its controls return
 * at once; what they lead to arrives as {@link CallEvent}s. The getters show the call as of the last event.
 */
public final class Call {

    private final CallRegistry registry;
    private final String id;
    private final String peer;
    private final boolean outgoing;
    private volatile boolean video;
    private volatile CallState state;
    private volatile CallEndReason endReason;
    private volatile Duration duration = Duration.ZERO;
    private volatile boolean peerMicrophoneMuted;
    private volatile boolean peerCameraOn;

    Call(CallRegistry registry, CallSession session) {
        this.registry = registry;
        this.id = session.sid();
        this.peer = session.peer().toString();
        this.outgoing = session.outgoing();
        update(session);
    }

    /** Takes the session's state; on the calls' thread. */
    void update(CallSession session) {
        state = session.state();
        video = session.video();
        endReason = session.endReason();
        duration = session.duration();
        peerMicrophoneMuted = session.peerMicrophoneMuted();
        peerCameraOn = session.peerCameraOn();
    }

    /** The session id (the JMI and Jingle id). */
    public String id() {
        return id;
    }

    /** The other party's bare address. */
    public String peer() {
        return peer;
    }

    /** Whether this account placed the call. */
    public boolean outgoing() {
        return outgoing;
    }

    /** Whether video is in the call now (proposed with it, or added since); audio only otherwise. */
    public boolean video() {
        return video;
    }

    public CallState state() {
        return state;
    }

    /** Why it ended; null until it has. */
    public CallEndReason endReason() {
        return endReason;
    }

    /** How long it was connected (as of the last event; final once ended). */
    public Duration duration() {
        return duration;
    }

    public boolean peerMicrophoneMuted() {
        return peerMicrophoneMuted;
    }

    public boolean peerCameraOn() {
        return peerCameraOn;
    }

    /** Accepts an incoming call on this device; the other devices of this account stop ringing. */
    public void accept() {
        registry.act(id, CallSession::accept);
    }

    /** Rejects an incoming call; the caller sees {@link CallEndReason#PEER_REJECTED}. */
    public void reject() {
        registry.act(id, CallSession::reject);
    }

    /** Ends the call: withdraws it while it rings, hangs up once accepted, rejects it while incoming. */
    public void hangUp() {
        registry.act(id, CallSession::hangUp);
    }

    /** Mutes or unmutes the microphone; the peer is told (XEP-0167 session-info). */
    public void muteMicrophone(boolean muted) {
        registry.act(id, s -> s.muteMicrophone(muted));
    }

    /** Turns the camera off or on (video calls); the peer is told (XEP-0167 session-info). */
    public void camera(boolean on) {
        registry.act(id, s -> s.camera(on));
    }

    /**
     * Asks the peer to add video to this audio call (XEP-0166 content-add, as Conversations does it). The answer
     * arrives as {@link CallEvent.VideoChanged} (accepted) or {@link CallEvent.VideoRefused} (declined, the peer's
     * client has no video, or not now); either way the call goes on.
     */
    public void enableVideo() {
        registry.act(id, CallSession::enableVideo);
    }

    /** Takes video out of the call (content-remove); the call goes on with audio ({@link CallEvent.VideoChanged}). */
    public void disableVideo() {
        registry.act(id, CallSession::disableVideo);
    }

    /** Accepts the peer's request to add video ({@link CallEvent.VideoRequested}): this side's camera joins too. */
    public void acceptVideo() {
        registry.act(id, CallSession::acceptVideo);
    }

    /** Declines the peer's request to add video; the peer sees {@link VideoRefusal#DECLINED}. */
    public void declineVideo() {
        registry.act(id, CallSession::declineVideo);
    }

    /** What the media does now: received audio and video, bytes sent. */
    public CompletableFuture<CallMedia> media() {
        return registry.query(id, CallSession::media).thenCompose(session -> {
            if (session == null) {
                return CompletableFuture.completedFuture(CallMedia.NONE);
            }
            return measure(session);
        });
    }

    private static CompletableFuture<CallMedia> measure(PeerSession session) {
        ReceivedMedia received = session.received();
        return session.bytesSent().thenApply(sent -> new CallMedia(received.audioLevel(),
                received.soundChunks() * 10, received.videoFrames(), sent));
    }

    @Override
    public String toString() {
        return (outgoing ? "call to " : "call from ") + peer + " (" + (video ? "video" : "audio") + ", " + state + ")";
    }
}
