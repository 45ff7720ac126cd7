package io.chatapp.client.internal.calls;

import io.chatapp.client.VideoRefusal;
import io.chatapp.client.internal.calls.jingle.JingleContent;
import io.chatapp.client.internal.calls.jingle.JingleIQ;
import io.chatapp.client.internal.calls.jingle.JingleReason;
import io.chatapp.client.internal.calls.media.PeerSession;
import io.chatapp.client.internal.calls.sdp.JingleContents;
import io.chatapp.client.internal.calls.sdp.JingleToSdp;
import io.chatapp.client.internal.calls.sdp.SdpToJingle;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;

/**
 * Adding video to a call and taking it out again, as XEP-0166 and Conversations do it: the side that wants video
 * adds its camera, makes a new offer and sends the new content in a {@code content-add} (with the BUNDLE group now
 * naming it); the peer's user accepts ({@code content-accept}, the peer's answer for that content) or declines
 * ({@code content-reject}, and the requester rolls its offer back). Removing video is a {@code content-remove};
 * both sides then renegotiate locally, keeping the section inactive ({@link ContentChanges}). Crossing requests:
 * the initiator's wins, as with ICE restarts (the responder takes it back and accepts the initiator's).
 *
 * <p>One per call; runs on the calls' thread like its {@link CallSession}.
 */
final class VideoSwitch {

    private static final Logger LOG = Logger.getLogger(VideoSwitch.class.getName());

    private final CallSession session;
    /** What this side's pending content-add offered: the whole new local description, and the contents added. */
    private JingleContents offeredLocal;
    private List<JingleContent> offered;
    /** The peer's pending content-add, waiting for this user's answer. */
    private JingleContents requested;

    VideoSwitch(CallSession session) {
        this.session = session;
    }

    private String me() {
        return session.outgoing() ? "initiator" : "responder";
    }

    private boolean pending() {
        return offered != null || requested != null;
    }

    // ---- this user's actions

    /** Asks the peer to add video; refused at once when not connected, busy, or the peer's client has no video. */
    void request() {
        if (ContentChanges.hasVideo(session.localContents())) {
            return;
        }
        if (!session.canRenegotiate() || pending()) {
            session.videoChanged(VideoChange.refused(VideoRefusal.NOT_NOW));
            return;
        }
        offered = List.of(); // reserved while the peer's features are looked up
        session.context().stanzas().supportsVideo(session.peerFull()).thenAccept(supported -> session.context()
                .thread().run(() -> {
                    if (session.ended()) {
                        return;
                    }
                    if (Boolean.FALSE.equals(supported)) {
                        offered = null;
                        session.videoChanged(VideoChange.refused(VideoRefusal.UNSUPPORTED));
                        return;
                    }
                    PeerSession media = session.media();
                    try {
                        media.startVideo();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Call " + session.sid() + ": could not start the camera", e);
                        offered = null;
                        session.videoChanged(VideoChange.refused(VideoRefusal.NOT_NOW));
                        return;
                    }
                    media.createOffer(false).thenAccept(sdp -> session.context().thread().run(() -> sendAdd(sdp)))
                            .exceptionally(e -> session.fail("could not make the offer adding video", e));
                }));
    }

    private void sendAdd(String sdp) {
        if (session.ended()) {
            return;
        }
        JingleContents local = SdpToJingle.map(sdp, session.outgoing());
        List<JingleContent> added = ContentChanges.added(session.localContents(), local.contents(), me());
        offeredLocal = new JingleContents(local.contents(), local.group() != null ? local.group()
                : ContentChanges.bundle(local.contents()));
        offered = added;
        if (added.isEmpty()) {
            takeBack(VideoRefusal.NOT_NOW, null); // libwebrtc made no new section: nothing to ask for
            return;
        }
        LOG.info(() -> "Call " + session.sid() + ": asking to add " + ContentChanges.names(added));
        JingleIQ add = new JingleIQ("content-add", session.sid(), null, null, added, offeredLocal.group(), null,
                null);
        session.context().stanzas().jingle(session.peerFull(), add).whenComplete((answer, failure) -> {
            if (failure != null) {
                session.context().thread().run(() -> takeBack(refusal(failure), null));
            }
        });
    }

    /**
     * Why the peer's error answer to a content-add refuses it: a crossing request that won ({@code conflict}, the
     * tie-break) or a call not ready ({@code unexpected-request}) is "not now"; anything else (no content-add in
     * the peer's client, no answer) says its client does not do it.
     */
    static VideoRefusal refusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof XMPPException.XMPPErrorException error) {
            StanzaError.Condition condition = error.getStanzaError().getCondition();
            if (condition == StanzaError.Condition.conflict || condition == StanzaError.Condition.unexpected_request) {
                return VideoRefusal.NOT_NOW;
            }
        }
        return VideoRefusal.UNSUPPORTED;
    }

    /**
     * Rolls this side's content-add back (declined, refused, or lost to the peer's); the call stays as it was.
     *
     * @param why  the refusal to report, null for none
     * @param then what to do once rolled back, null for nothing
     */
    private void takeBack(VideoRefusal why, Runnable then) {
        if (offered == null || session.ended()) {
            return;
        }
        offered = null;
        offeredLocal = null;
        session.media().rollback().whenComplete((ok, failure) -> session.context().thread().run(() -> {
            if (failure != null) {
                session.fail("could not take the video offer back", failure);
            } else {
                if (why != null) {
                    session.videoChanged(VideoChange.refused(why));
                }
                if (then != null) {
                    then.run();
                }
            }
        }));
    }

    /** Accepts the peer's request: answers its offer with this side's camera added, sends content-accept. */
    void accept() {
        JingleContents request = requested;
        if (request == null || session.ended()) {
            return;
        }
        requested = null;
        JingleContents peer = session.remoteContents();
        List<JingleContent> contents = ContentChanges.merged(peer.contents(), request.contents());
        JingleContents offer = new JingleContents(contents, request.group() != null ? request.group()
                : ContentChanges.bundle(contents));
        String sdp;
        try {
            sdp = JingleToSdp.map(offer, session.sid(), !session.outgoing());
        } catch (IllegalArgumentException e) {
            session.fail("the video request cannot be mapped to SDP", e);
            return;
        }
        PeerSession media = session.media();
        media.answer(sdp, media::startVideo).thenAccept(answer -> session.context().thread().run(() -> {
            if (session.ended()) {
                return;
            }
            JingleContents local = SdpToJingle.map(answer, session.outgoing());
            Set<String> names = ContentChanges.names(request.contents());
            List<JingleContent> accepted = local.contents().stream().filter(c -> names.contains(c.name()))
                    .map(c -> new JingleContent(request.contents().get(0).creator(), c.name(),
                            c.senders().equals("both") ? null : c.senders(), c.description(), c.transport()))
                    .toList();
            session.localContents(local.contents());
            session.remoteContents(offer);
            session.context().stanzas().jingle(session.peerFull(), new JingleIQ("content-accept", session.sid(),
                    null, null, accepted, local.group(), null, null));
            session.videoChanged(new VideoChange(VideoChange.Kind.ADDED, true, null));
        })).exceptionally(e -> session.fail("could not answer the video request", e));
    }

    /** Declines the peer's request with content-reject; the call stays audio. */
    void decline() {
        JingleContents request = requested;
        if (request == null || session.ended()) {
            return;
        }
        requested = null;
        session.context().stanzas().jingle(session.peerFull(), new JingleIQ("content-reject", session.sid(), null,
                null, ContentChanges.stubs(request.contents()), null, JingleReason.of("decline"), null));
    }

    /** Takes video out of the call: content-remove, then the video section inactive on both sides. */
    void remove() {
        if (!ContentChanges.hasVideo(session.localContents()) || !session.canRenegotiate() || pending()) {
            return;
        }
        List<JingleContent> video = session.localContents().stream().filter(ContentChanges::active)
                .filter(c -> c.description() != null && "video".equals(c.description().media())).toList();
        Set<String> names = ContentChanges.names(video);
        offered = List.of(); // no other change while this one is under way
        session.context().stanzas().jingle(session.peerFull(), new JingleIQ("content-remove", session.sid(), null,
                null, ContentChanges.stubs(video), null, JingleReason.of("success"), null));
        PeerSession media = session.media();
        media.stopVideo();
        media.createOffer(false).thenAccept(sdp -> session.context().thread().run(() -> {
            JingleContents peer = session.remoteContents();
            JingleContents answer = ContentChanges.asAnswer(new JingleContents(
                    ContentChanges.removed(peer.contents(), names), peer.group()));
            session.localContents(SdpToJingle.map(sdp, session.outgoing()).contents());
            media.acceptAnswer(JingleToSdp.map(answer, session.sid(), !session.outgoing()))
                    .thenRun(() -> session.context().thread().run(() -> {
                        offered = null;
                        session.remoteContents(answer);
                        session.videoChanged(new VideoChange(VideoChange.Kind.REMOVED, false, null));
                    })).exceptionally(e -> session.fail("could not remove video", e));
        })).exceptionally(e -> session.fail("could not remove video", e));
    }

    // ---- the peer's requests

    /** Handles content-add, -accept, -reject and -remove of the peer; returns the IQ answer. */
    IQ handle(JingleIQ request) {
        return switch (request.action()) {
            case "content-add" -> peerAdds(request);
            case "content-accept" -> peerAccepts(request);
            case "content-reject" -> peerRejects(request);
            case "content-remove" -> peerRemoves(request);
            default -> JingleErrors.unsupported(request);
        };
    }

    private IQ peerAdds(JingleIQ request) {
        List<JingleContent> contents = request.contents();
        Set<String> active = ContentChanges.names(session.remoteContents().contents().stream()
                .filter(ContentChanges::active).toList());
        boolean wellFormed = !contents.isEmpty() && contents.stream().allMatch(c -> c.description() != null
                && c.transport() != null && "video".equals(c.description().media()) && !active.contains(c.name()));
        if (!wellFormed) {
            return JingleErrors.badRequest(request);
        }
        if (!session.canRenegotiate() || requested != null) {
            return JingleErrors.outOfOrder(request);
        }
        if (offered != null) {
            if (session.outgoing() || offeredLocal == null) {
                return JingleErrors.tieBreak(request); // ours wins (or a removal is under way)
            }
            LOG.info(() -> "Call " + session.sid() + ": the initiator's video request crossed ours; taking it");
            requested = new JingleContents(contents, request.group());
            takeBack(null, this::accept);
            return IQ.createResultIQ(request);
        }
        requested = new JingleContents(contents, request.group());
        session.videoChanged(new VideoChange(VideoChange.Kind.REQUESTED, true, null));
        return IQ.createResultIQ(request);
    }

    private IQ peerAccepts(JingleIQ request) {
        if (offered == null || offeredLocal == null
                || !ContentChanges.names(request.contents()).equals(ContentChanges.names(offered))) {
            return JingleErrors.outOfOrder(request);
        }
        JingleContents local = offeredLocal;
        List<JingleContent> contents = ContentChanges.merged(session.remoteContents().contents(),
                request.contents());
        JingleContents answer = ContentChanges.asAnswer(new JingleContents(contents, request.group() != null
                ? request.group() : ContentChanges.bundle(contents)));
        String sdp;
        try {
            sdp = JingleToSdp.map(answer, session.sid(), !session.outgoing());
        } catch (IllegalArgumentException e) {
            return JingleErrors.badRequest(request);
        }
        offered = null;
        offeredLocal = null;
        session.media().acceptAnswer(sdp).thenRun(() -> session.context().thread().run(() -> {
            session.localContents(local.contents());
            session.remoteContents(answer);
            session.videoChanged(new VideoChange(VideoChange.Kind.ADDED, false, null));
        })).exceptionally(e -> session.fail("the peer's video answer was refused", e));
        return IQ.createResultIQ(request);
    }

    private IQ peerRejects(JingleIQ request) {
        if (offered == null || offeredLocal == null) {
            return JingleErrors.outOfOrder(request);
        }
        takeBack(VideoRefusal.DECLINED, null);
        return IQ.createResultIQ(request);
    }

    private IQ peerRemoves(JingleIQ request) {
        Set<String> names = ContentChanges.names(request.contents());
        if (requested != null && ContentChanges.names(requested.contents()).equals(names)) {
            requested = null; // the peer withdrew its request before this user answered
            session.videoChanged(new VideoChange(VideoChange.Kind.REMOVED, true, null));
            return IQ.createResultIQ(request);
        }
        Set<String> activeVideo = ContentChanges.names(session.remoteContents().contents().stream()
                .filter(ContentChanges::active)
                .filter(c -> c.description() != null && "video".equals(c.description().media())).toList());
        if (names.isEmpty() || !activeVideo.containsAll(names)) {
            return JingleErrors.badRequest(request); // only video can go; without audio the call would be over
        }
        if (!session.canRenegotiate() || pending()) {
            return JingleErrors.outOfOrder(request);
        }
        List<JingleContent> remaining = ContentChanges.removed(session.remoteContents().contents(), names);
        JingleContents offer = new JingleContents(remaining, session.remoteContents().group());
        PeerSession media = session.media();
        media.stopVideo();
        media.answer(JingleToSdp.map(offer, session.sid(), !session.outgoing()))
                .thenAccept(answer -> session.context().thread().run(() -> {
                    session.localContents(SdpToJingle.map(answer, session.outgoing()).contents());
                    session.remoteContents(offer);
                    session.videoChanged(new VideoChange(VideoChange.Kind.REMOVED, true, null));
                })).exceptionally(e -> session.fail("could not take the peer's video out", e));
        return IQ.createResultIQ(request);
    }
}
