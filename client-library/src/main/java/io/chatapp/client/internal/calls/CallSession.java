package io.chatapp.client.internal.calls;

import io.chatapp.client.CallEndReason;
import io.chatapp.client.CallQuality;
import io.chatapp.client.CallState;
import io.chatapp.client.internal.calls.jingle.IceCandidate;
import io.chatapp.client.internal.calls.jingle.IceUdpTransport;
import io.chatapp.client.internal.calls.jingle.JingleContent;
import io.chatapp.client.internal.calls.jingle.JingleIQ;
import io.chatapp.client.internal.calls.jingle.JingleReason;
import io.chatapp.client.internal.calls.jingle.RtpDescription;
import io.chatapp.client.internal.calls.jingle.RtpSessionInfo;
import io.chatapp.client.internal.calls.jmi.Finish;
import io.chatapp.client.internal.calls.jmi.Proceed;
import io.chatapp.client.internal.calls.jmi.Propose;
import io.chatapp.client.internal.calls.jmi.Reject;
import io.chatapp.client.internal.calls.jmi.Retract;
import io.chatapp.client.internal.calls.jmi.Ringing;
import io.chatapp.client.internal.calls.media.IceServer;
import io.chatapp.client.internal.calls.media.PeerSession;
import io.chatapp.client.internal.calls.sdp.CandidateLines;
import io.chatapp.client.internal.calls.sdp.JingleContents;
import io.chatapp.client.internal.calls.sdp.JingleToSdp;
import io.chatapp.client.internal.calls.sdp.SdpToJingle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * One call's state machine: the JMI exchange (propose, ringing, proceed or reject, retract, finish), then the Jingle
 * session (session-initiate with the offer, session-accept with the answer, trickled transport-info candidates,
 * session-info for mute and camera, session-terminate) driving a {@link PeerSession}.
 *
 * <p>Every method runs on the calls' one thread ({@link CallThread}), so the state needs no locks; libwebrtc's
 * callbacks are posted there too.
 */
public final class CallSession {

    private static final Logger LOG = Logger.getLogger(CallSession.class.getName());

    /** What a session reports to the facade. */
    public interface Observer {
        void stateChanged(CallSession session, CallState state, CallEndReason reason);

        void peerMediaChanged(CallSession session);

        /** The video this side sends moved to another quality step. */
        default void qualityChanged(CallSession session, CallQuality quality, int availableKbps) {
        }

        /** Video was asked for, added, removed or refused ({@link VideoSwitch}). */
        void videoChanged(CallSession session, VideoChange change);
    }

    /** How the session reaches the outside: stanzas, media, its thread, ICE servers. */
    record Context(CallStanzas stanzas, CallThread thread, MediaSupplier media, Observer observer, Clock clock,
                   boolean relayOnly) {
    }

    /** Opens the peer connection (the engine starts on first use). */
    @FunctionalInterface
    public interface MediaSupplier {
        PeerSession open(List<IceServer> servers, boolean relayOnly, boolean video, PeerSession.Listener listener);
    }

    private final Context context;
    private final String sid;
    private final BareJid peer;
    private final boolean outgoing;
    /** Whether video is in the call: from the proposal, then as added and removed. */
    private boolean video;
    private VideoSwitch videoSwitch;
    private Jid peerFull;
    private CallState state;
    private PeerSession media;
    private CompletableFuture<List<IceServer>> iceServers = CompletableFuture.completedFuture(List.of());
    private boolean remoteDescriptionSet;
    private boolean localDescriptionSent;
    private final List<String[]> pendingRemoteCandidates = new ArrayList<>();
    private final List<String[]> pendingLocalCandidates = new ArrayList<>();
    private List<JingleContent> localContents = List.of();
    /** The peer's contents as last described (initiate or accept, then restarts), for ICE restarts. */
    private JingleContents remoteContents = new JingleContents(List.of(), null);
    /** Whether this side (the initiator) restarted ICE and waits for the peer's new credentials. */
    private boolean restarting;
    /** Whether that restart's offer went out (what arrives then is the answer). */
    private boolean restartOfferSent;
    private Instant connectedAt;
    private Duration duration = Duration.ZERO;
    private CallEndReason endReason;
    private boolean microphoneMuted;
    private boolean cameraOn;
    private boolean peerMicrophoneMuted;
    private boolean peerCameraOn;

    private CallSession(Context context, String sid, BareJid peer, Jid peerFull, boolean outgoing, boolean video,
                        CallState state) {
        this.context = context;
        this.sid = sid;
        this.peer = peer;
        this.peerFull = peerFull;
        this.outgoing = outgoing;
        this.video = video;
        this.state = state;
        this.cameraOn = video;
        this.peerCameraOn = video;
    }

    /** A call this account places: proposes it to every device of the peer. */
    static CallSession placed(Context context, String sid, BareJid peer, boolean video) {
        CallSession session = new CallSession(context, sid, peer, null, true, video, CallState.CALLING);
        session.iceServers = context.stanzas().iceServers();
        List<RtpDescription> descriptions = video ? List.of(RtpDescription.of("audio"), RtpDescription.of("video"))
                : List.of(RtpDescription.of("audio"));
        context.stanzas().message(peer, new Propose(sid, descriptions));
        return session;
    }

    /** A call proposed to this account from {@code caller}'s device: tells it this device rings. */
    static CallSession proposed(Context context, String sid, Jid caller, boolean video) {
        CallSession session = new CallSession(context, sid, caller.asBareJid(), caller, false, video,
                CallState.INCOMING);
        context.stanzas().message(caller, new Ringing(sid, null));
        return session;
    }

    public String sid() {
        return sid;
    }

    public BareJid peer() {
        return peer;
    }

    /** The peer's device in the call; null until known. */
    Jid peerFull() {
        return peerFull;
    }

    public boolean outgoing() {
        return outgoing;
    }

    public boolean video() {
        return video;
    }

    public CallState state() {
        return state;
    }

    public boolean ended() {
        return state == CallState.ENDED;
    }

    /** Null until ended. */
    public CallEndReason endReason() {
        return endReason;
    }

    /** How long the call has been (or was) connected. */
    public Duration duration() {
        if (connectedAt != null && state != CallState.ENDED) {
            return Duration.between(connectedAt, context.clock().instant());
        }
        return duration;
    }

    public boolean microphoneMuted() {
        return microphoneMuted;
    }

    public boolean cameraOn() {
        return cameraOn;
    }

    public boolean peerMicrophoneMuted() {
        return peerMicrophoneMuted;
    }

    public boolean peerCameraOn() {
        return peerCameraOn;
    }

    /** The peer connection, null before the call was accepted. */
    public PeerSession media() {
        return media;
    }

    // ---- JMI from the peer

    void ringing(Jid from) {
        if (state == CallState.CALLING && from.asBareJid().equals(peer)) {
            change(CallState.RINGING);
        }
    }

    /** The callee's device {@code from} accepted: offer it the session. */
    void proceeded(Jid from) {
        if (!outgoing || !from.asBareJid().equals(peer)
                || (state != CallState.CALLING && state != CallState.RINGING)) {
            return;
        }
        peerFull = from;
        change(CallState.CONNECTING);
        iceServers.thenAccept(servers -> context.thread().run(() -> offer(servers)));
    }

    private void offer(List<IceServer> servers) {
        if (ended()) {
            return;
        }
        media = context.media().open(servers, context.relayOnly(), video, mediaListener());
        media.createOffer(false).thenAccept(sdp -> context.thread().run(() -> sendInitiate(sdp)))
                .exceptionally(e -> fail("could not create the offer", e));
    }

    private void sendInitiate(String sdp) {
        if (ended()) {
            return;
        }
        JingleContents jingle = SdpToJingle.map(sdp, true);
        localContents = jingle.contents();
        JingleIQ initiate = new JingleIQ("session-initiate", sid, context.stanzas().me().toString(), null,
                jingle.contents(), jingle.group(), null, null);
        context.stanzas().jingle(peerFull, initiate).whenComplete((answer, failure) -> context.thread().run(() -> {
            if (failure != null) {
                fail("the peer refused session-initiate", failure);
            } else {
                localDescriptionSent = true;
                flushLocalCandidates();
            }
        }));
    }

    void rejected(Jid from, JingleReason reason) {
        if (!outgoing || ended() || !from.asBareJid().equals(peer) || state == CallState.CONNECTED
                || state == CallState.RECONNECTING) {
            return;
        }
        boolean busy = reason != null && "busy".equals(reason.condition());
        end(busy ? CallEndReason.BUSY : CallEndReason.PEER_REJECTED);
    }

    void retracted(Jid from) {
        if (!outgoing && state == CallState.INCOMING && from.asBareJid().equals(peer)) {
            end(CallEndReason.MISSED);
        }
    }

    void finished(Jid from) {
        if (!ended() && from.equals(peerFull)) {
            end(CallEndReason.PEER_HUNG_UP);
        }
    }

    /** Another device of this account answered ({@code proceed}) or declined ({@code reject}) this call. */
    void answeredElsewhere(boolean accepted) {
        if (!outgoing && state == CallState.INCOMING) {
            end(accepted ? CallEndReason.ANSWERED_ELSEWHERE : CallEndReason.REJECTED_ELSEWHERE);
        }
    }

    // ---- this user's actions

    public void accept() {
        if (state != CallState.INCOMING) {
            return;
        }
        iceServers = context.stanzas().iceServers();
        context.stanzas().message(peerFull, new Proceed(sid, null));
        change(CallState.CONNECTING);
    }

    public void reject() {
        if (state == CallState.INCOMING) {
            context.stanzas().message(peerFull, new Reject(sid, JingleReason.of("decline")));
            end(CallEndReason.REJECTED);
        }
    }

    /** Declines a proposal because this account is in another call. */
    static void busy(CallStanzas stanzas, Jid caller, String sid) {
        stanzas.message(caller, new Reject(sid, JingleReason.of("busy")));
    }

    public void hangUp() {
        switch (state) {
            case CALLING, RINGING -> {
                context.stanzas().message(peer, new Retract(sid, JingleReason.of("cancel")));
                end(CallEndReason.CANCELLED);
            }
            case INCOMING -> reject();
            case CONNECTING, CONNECTED, RECONNECTING -> {
                terminate(JingleReason.of("success"));
                end(CallEndReason.HUNG_UP);
            }
            default -> { }
        }
    }

    /** Ends an unanswered call after the ring timeout. */
    void timedOut() {
        if (state == CallState.CALLING || state == CallState.RINGING) {
            context.stanzas().message(peer, new Retract(sid, JingleReason.of("timeout")));
            end(CallEndReason.NO_ANSWER);
        } else if (state == CallState.INCOMING) {
            end(CallEndReason.MISSED);
        }
    }

    public void muteMicrophone(boolean muted) {
        microphoneMuted = muted;
        if (media != null) {
            media.microphoneEnabled(!muted);
            sessionInfo(muted ? "mute" : "unmute", "audio");
        }
    }

    public void camera(boolean on) {
        cameraOn = on && video;
        if (media != null && media.hasCamera()) {
            media.cameraEnabled(cameraOn);
            sessionInfo(cameraOn ? "unmute" : "mute", "video");
        }
    }

    /** Asks the peer to add video to this audio call (XEP-0166 content-add). */
    public void enableVideo() {
        videoSwitch().request();
    }

    /** Takes video out of the call (content-remove); the call goes on with audio. */
    public void disableVideo() {
        videoSwitch().remove();
    }

    /** Accepts the peer's request to add video. */
    public void acceptVideo() {
        videoSwitch().accept();
    }

    /** Declines the peer's request to add video. */
    public void declineVideo() {
        videoSwitch().decline();
    }

    private VideoSwitch videoSwitch() {
        if (videoSwitch == null) {
            videoSwitch = new VideoSwitch(this);
        }
        return videoSwitch;
    }

    // ---- for VideoSwitch (same thread)

    Context context() {
        return context;
    }

    List<JingleContent> localContents() {
        return localContents;
    }

    void localContents(List<JingleContent> contents) {
        localContents = contents;
    }

    JingleContents remoteContents() {
        return remoteContents;
    }

    void remoteContents(JingleContents contents) {
        remoteContents = contents;
    }

    /** Whether the media may be renegotiated now: connected, both descriptions agreed, no ICE restart under way. */
    boolean canRenegotiate() {
        return state == CallState.CONNECTED && media != null && remoteDescriptionSet && localDescriptionSent
                && !restarting;
    }

    /** Takes a video change in (video now in the call or not) and reports it. */
    void videoChanged(VideoChange change) {
        if (change.kind() == VideoChange.Kind.ADDED || change.kind() == VideoChange.Kind.REMOVED) {
            video = ContentChanges.hasVideo(localContents);
            cameraOn = video;
            peerCameraOn = video;
        }
        context.observer().videoChanged(this, change);
    }

    private void sessionInfo(String kind, String mediaType) {
        if (peerFull == null || ended()) {
            return;
        }
        for (JingleContent content : localContents) {
            if (content.description() != null && mediaType.equals(content.description().media())) {
                JingleIQ info = new JingleIQ("session-info", sid, null, null, List.of(), null, null,
                        new RtpSessionInfo(kind, "initiator", content.name()));
                context.stanzas().jingle(peerFull, info);
            }
        }
    }

    // ---- Jingle from the peer device; the registry checked sid and sender

    /** Handles a Jingle request of this session's peer and returns the answer. */
    IQ jingle(JingleIQ request) {
        switch (request.action()) {
            case "session-initiate" -> {
                if (outgoing || state != CallState.CONNECTING || media != null) {
                    return JingleErrors.outOfOrder(request);
                }
                String offer;
                try {
                    offer = JingleToSdp.map(new JingleContents(request.contents(), request.group()), sid, true);
                } catch (IllegalArgumentException e) {
                    terminateAndEnd(JingleReason.of("failed-application"));
                    return JingleErrors.badRequest(request);
                }
                localContents = request.contents();
                remoteContents = new JingleContents(request.contents(), request.group());
                iceServers.thenAccept(servers -> context.thread().run(() -> answer(servers, offer)));
            }
            case "session-accept" -> {
                if (!outgoing || state != CallState.CONNECTING || media == null || remoteDescriptionSet) {
                    return JingleErrors.outOfOrder(request);
                }
                String answer;
                try {
                    answer = JingleToSdp.map(new JingleContents(request.contents(), request.group()), sid, false);
                } catch (IllegalArgumentException e) {
                    terminateAndEnd(JingleReason.of("failed-application"));
                    return JingleErrors.badRequest(request);
                }
                remoteContents = new JingleContents(request.contents(), request.group());
                media.acceptAnswer(answer).thenRun(() -> context.thread().run(this::remoteDescriptionSet))
                        .exceptionally(e -> fail("the answer was refused", e));
            }
            case "transport-info" -> {
                if (media != null && IceRestarts.changesCredentials(remoteContents, request.contents())) {
                    peerRestartedIce(request.contents());
                }
                remoteCandidates(request.contents());
            }
            case "session-info" -> peerInfo(request.info());
            case "content-add", "content-accept", "content-reject", "content-remove" -> {
                return videoSwitch().handle(request);
            }
            case "session-terminate" -> {
                JingleReason reason = request.reason();
                String condition = reason == null ? "success" : reason.condition();
                end(switch (condition) {
                    case "success" -> CallEndReason.PEER_HUNG_UP;
                    case "decline" -> CallEndReason.PEER_REJECTED;
                    case "busy" -> CallEndReason.BUSY;
                    default -> CallEndReason.FAILED;
                });
            }
            default -> {
                return JingleErrors.unsupported(request);
            }
        }
        return IQ.createResultIQ(request);
    }

    private void answer(List<IceServer> servers, String offer) {
        if (ended()) {
            return;
        }
        media = context.media().open(servers, context.relayOnly(), video, mediaListener());
        media.microphoneEnabled(!microphoneMuted);
        media.answer(offer).thenAccept(sdp -> context.thread().run(() -> sendAccept(sdp)))
                .exceptionally(e -> fail("could not answer the offer", e));
    }

    private void sendAccept(String sdp) {
        if (ended()) {
            return;
        }
        remoteDescriptionSet();
        JingleContents jingle = SdpToJingle.map(sdp, false);
        localContents = jingle.contents(); // same names as the offer's; our own credentials for trickling
        JingleIQ accept = new JingleIQ("session-accept", sid, null, context.stanzas().me().toString(),
                jingle.contents(), jingle.group(), null, null);
        context.stanzas().jingle(peerFull, accept).whenComplete((answer, failure) -> context.thread().run(() -> {
            if (failure != null) {
                fail("the peer refused session-accept", failure);
            } else {
                localDescriptionSent = true;
                flushLocalCandidates();
            }
        }));
    }

    private void remoteDescriptionSet() {
        remoteDescriptionSet = true;
        for (String[] candidate : pendingRemoteCandidates) {
            addRemoteCandidate(candidate);
        }
        pendingRemoteCandidates.clear();
    }

    private void remoteCandidates(List<JingleContent> contents) {
        for (JingleContent content : contents) {
            IceUdpTransport transport = content.transport();
            if (transport == null) {
                continue;
            }
            for (IceCandidate candidate : transport.candidates()) {
                String[] entry = {content.name(), CandidateLines.format(candidate)};
                if (remoteDescriptionSet && media != null) {
                    addRemoteCandidate(entry);
                } else {
                    pendingRemoteCandidates.add(entry);
                }
            }
        }
    }

    private void addRemoteCandidate(String[] candidate) {
        int index = 0;
        for (int i = 0; i < localContents.size(); i++) {
            if (localContents.get(i).name().equals(candidate[0])) {
                index = i;
            }
        }
        media.addRemoteCandidate(candidate[0], index, candidate[1]);
    }

    private void peerInfo(RtpSessionInfo info) {
        if (info == null || info.name() == null) {
            return;
        }
        boolean muted = "mute".equals(info.kind());
        if (!muted && !"unmute".equals(info.kind())) {
            return;
        }
        for (JingleContent content : localContents) {
            if (content.name().equals(info.name()) && content.description() != null) {
                if ("audio".equals(content.description().media())) {
                    peerMicrophoneMuted = muted;
                } else {
                    peerCameraOn = !muted;
                }
                context.observer().peerMediaChanged(this);
            }
        }
    }

    // ---- media events

    private PeerSession.Listener mediaListener() {
        return new PeerSession.Listener() {
            @Override
            public void localCandidate(String mid, int index, String candidate) {
                context.thread().run(() -> localCandidateFound(mid, candidate));
            }

            @Override
            public void connectionState(String connectionState) {
                context.thread().run(() -> mediaState(connectionState));
            }

            @Override
            public void sendQuality(CallQuality quality, int availableKbps) {
                context.thread().run(() -> {
                    if (!ended()) {
                        context.observer().qualityChanged(CallSession.this, quality, availableKbps);
                    }
                });
            }
        };
    }

    private void localCandidateFound(String mid, String candidate) {
        pendingLocalCandidates.add(new String[] {mid, candidate});
        if (localDescriptionSent) {
            flushLocalCandidates();
        }
    }

    /** Trickles the local candidates found so far, one transport-info each, as Conversations does. */
    private void flushLocalCandidates() {
        if (ended()) {
            return;
        }
        for (String[] candidate : pendingLocalCandidates) {
            IceCandidate parsed;
            try {
                parsed = CandidateLines.parse(candidate[1]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            IceUdpTransport sent = localContents.stream().filter(c -> c.name().equals(candidate[0])).findFirst()
                    .map(JingleContent::transport).orElse(null);
            IceUdpTransport transport = new IceUdpTransport(sent == null ? null : sent.ufrag(),
                    sent == null ? null : sent.pwd(), null, List.of(parsed));
            JingleIQ info = new JingleIQ("transport-info", sid, null, null, List.of(new JingleContent(
                    "initiator", candidate[0], null, null, transport)), null, null, null);
            context.stanzas().jingle(peerFull, info);
        }
        pendingLocalCandidates.clear();
    }

    private void mediaState(String connectionState) {
        if (ended()) {
            return;
        }
        switch (connectionState) {
            case "connected" -> {
                if (connectedAt == null) {
                    connectedAt = context.clock().instant();
                }
                if (state != CallState.CONNECTED) {
                    change(CallState.CONNECTED);
                }
            }
            case "disconnected" -> {
                if (state == CallState.CONNECTED) {
                    change(CallState.RECONNECTING);
                    context.thread().later(this::restartIfStillDown, IceRestarts.GRACE_MILLIS);
                }
            }
            case "failed" -> {
                if (state == CallState.CONNECTED) {
                    change(CallState.RECONNECTING);
                }
                restartIfStillDown();
                context.thread().later(this::giveUpIfStillDown, IceRestarts.GIVE_UP_MILLIS);
            }
            default -> { }
        }
    }

    // ---- ICE restart (XEP-0176 transport-info with new credentials, as Conversations does)

    /**
     * The initiator restarts ICE when the connection stays down past the grace period (or ICE failed); the responder
     * waits for it. Should a peer restart at the same time, the initiator's restart wins ({@link #peerRestartedIce}).
     */
    private void restartIfStillDown() {
        if (outgoing && state == CallState.RECONNECTING && !restarting && media != null) {
            LOG.info(() -> "Call " + sid + " (" + role() + "): the connection stays down; restarting ICE");
            restarting = true;
            restartOfferSent = false;
            localDescriptionSent = false; // candidates of the new credentials wait for their transport-info
            media.createOffer(true).thenAccept(sdp -> context.thread().run(() -> sendRestart(sdp, true)))
                    .exceptionally(e -> fail("could not restart ICE", e));
        }
    }

    private String role() {
        return outgoing ? "caller" : "callee";
    }

    private void giveUpIfStillDown() {
        if (state == CallState.RECONNECTING) {
            terminate(JingleReason.of("connectivity-error"));
            end(CallEndReason.FAILED);
        }
    }

    /**
     * Sends the new local credentials in one transport-info, candidates trickling after.
     *
     * @param offer whether they are this side's restart offer (then the peer's candidates wait for its answer)
     */
    private void sendRestart(String sdp, boolean offer) {
        if (ended()) {
            return;
        }
        JingleContents jingle = SdpToJingle.map(sdp, outgoing);
        localContents = jingle.contents();
        remoteDescriptionSet = !offer;
        context.stanzas().jingle(peerFull, new JingleIQ("transport-info", sid, null, null,
                IceRestarts.credentialsOnly(jingle.contents()), null, null, null));
        restartOfferSent = offer;
        localDescriptionSent = true;
        flushLocalCandidates();
    }

    /**
     * The peer's new credentials: the answer to our restart, or a restart the peer began (the responder normally
     * waits for us, but a standard client may restart on its own); while ours is pending, ours wins (tie-break in
     * the initiator's favour) and theirs is ignored.
     */
    private void peerRestartedIce(List<JingleContent> contents) {
        if (restarting && !restartOfferSent) {
            return; // theirs crossed ours: the initiator's restart wins, the peer answers ours
        }
        boolean answerToOurs = restarting;
        LOG.info(() -> "Call " + sid + " (" + role() + "): the peer " + (answerToOurs ? "answered our" : "began an")
                + " ICE restart");
        remoteContents = IceRestarts.withTransports(remoteContents, contents);
        String sdp = JingleToSdp.map(remoteContents, sid, !outgoing);
        if (answerToOurs) {
            restarting = false;
            restartOfferSent = false;
            media.acceptAnswer(sdp).thenRun(() -> context.thread().run(this::remoteDescriptionSet))
                    .exceptionally(e -> fail("the restart answer was refused", e));
        } else {
            remoteDescriptionSet = false;
            localDescriptionSent = false;
            media.answer(sdp).thenAccept(answer -> context.thread().run(() -> {
                sendRestart(answer, false);
                remoteDescriptionSet();
            })).exceptionally(e -> fail("could not answer the ICE restart", e));
        }
    }

    // ---- endings

    Void fail(String what, Throwable failure) {
        context.thread().run(() -> {
            if (!ended()) {
                LOG.log(Level.WARNING, "Call " + sid + ": " + what, failure);
                terminateAndEnd(JingleReason.of("failed-application"));
            }
        });
        return null;
    }

    private void terminateAndEnd(JingleReason reason) {
        terminate(reason);
        end(CallEndReason.FAILED);
    }

    /** Tells the peer device the session is over, by Jingle and by a JMI finish for every device and archive. */
    private void terminate(JingleReason reason) {
        if (peerFull == null) {
            return;
        }
        context.stanzas().jingle(peerFull, new JingleIQ("session-terminate", sid, null, null, List.of(), null,
                reason, null));
        context.stanzas().message(peerFull, new Finish(sid, reason, null));
    }

    void end(CallEndReason reason) {
        if (ended()) {
            return;
        }
        duration = connectedAt == null ? Duration.ZERO : Duration.between(connectedAt, context.clock().instant());
        endReason = reason;
        if (media != null) {
            media.close();
        }
        change(CallState.ENDED);
    }

    private void change(CallState newState) {
        state = newState;
        context.observer().stateChanged(this, newState, endReason);
    }
}
