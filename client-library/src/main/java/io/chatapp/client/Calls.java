package io.chatapp.client;

import io.chatapp.client.internal.EventDispatcher;
import io.chatapp.client.internal.calls.CallRegistry;
import io.chatapp.client.internal.calls.CallSession;
import io.chatapp.client.internal.calls.CallStanzas;
import io.chatapp.client.internal.calls.CallThread;
import io.chatapp.client.internal.calls.VideoChange;
import io.chatapp.client.internal.calls.media.MediaEngine;
import io.chatapp.client.internal.calls.media.PeerSession;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * Voice and video calls, interoperable with Conversations, Dino, Monal and Movim: Jingle Message Initiation
 * (XEP-0353) to ring every device of the peer, then a Jingle RTP session (XEP-0166/0167) over ICE-UDP with trickle
 * and DTLS-SRTP, media by WebRTC. STUN and TURN servers come from the server (XEP-0215) when it offers them.
 *
 * <p>One call at a time: a call proposed during another is declined as busy. Without a sound system the microphone
 * is a generated tone, without a camera the video a generated pattern. Video can be added to a connected voice call and
 * taken out again ({@link Call#enableVideo()}, {@link Call#disableVideo()}; XEP-0166 content-add and content-remove).
 *
 * <pre>{@code
 * client.calls().onCallEvent(event -> {
 *     if (event instanceof CallEvent.Incoming incoming) {
 *         incoming.call().accept();
 *     }
 * });
 * Call call = client.calls().call("bob", true).join();
 * }</pre>
 */
public final class Calls implements AutoCloseable {

    private final ClientContext context;
    private final EventDispatcher<CallListener> listeners;
    private final CallThread thread;
    private final CallRegistry registry;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private volatile MediaEngine engine;

    Calls(ClientContext context) {
        this.context = context;
        this.listeners = new EventDispatcher<>(context.events);
        this.thread = new CallThread("chatapp-calls");
        this.registry = new CallRegistry(new CallStanzas(context::connection), thread, this::openMedia,
                new Observer(), context.config.relayOnlyCalls());
    }

    void attach(XMPPTCPConnection connection) {
        registry.attach(connection);
    }

    /**
     * Calls a user: proposes the call to every device of theirs. The future completes with the call once
     * proposed (state {@link CallState#CALLING}); it fails when this account is already in a call.
     *
     * @param user  a bare address, or a user name of this server
     * @param video whether to call with video
     */
    public CompletableFuture<Call> call(String user, boolean video) {
        Objects.requireNonNull(user, "user");
        context.requireSession();
        org.jxmpp.jid.EntityBareJid peer;
        try {
            peer = context.bareJid(user);
        } catch (org.jxmpp.stringprep.XmppStringprepException e) {
            return CompletableFuture.failedFuture(new ChatClientException(ChatClientException.Reason.INVALID_INPUT,
                    "Invalid address: " + user, e));
        }
        return registry.place(peer, video).handle((session, failure) -> {
            if (failure != null) {
                throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT, failure.getMessage(),
                        failure);
            }
            return calls.computeIfAbsent(session.sid(), sid -> new Call(registry, session));
        });
    }

    /** The call not yet ended, if any. */
    public Optional<Call> current() {
        return calls.values().stream().filter(c -> c.state() != CallState.ENDED).findFirst();
    }

    /** Listens to every call's events, incoming calls included. */
    public ListenerRegistration onCallEvent(CallListener listener) {
        return listeners.add(listener);
    }

    private PeerSession openMedia(java.util.List<io.chatapp.client.internal.calls.media.IceServer> servers,
                                  boolean relayOnly, boolean video, PeerSession.Listener listener) {
        if (engine == null) {
            engine = MediaEngine.start();
        }
        return PeerSession.open(engine, servers, relayOnly, video, listener);
    }

    /** Ends the calls and stops the media engine. */
    @Override
    public void close() {
        registry.endAll();
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> { }, command -> thread.run(command));
        try {
            done.get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        thread.close();
        MediaEngine current = engine;
        if (current != null) {
            current.close();
        }
    }

    /** Turns session changes into the public events (on the calls' thread; listeners run on the event thread). */
    private final class Observer implements CallSession.Observer {
        @Override
        public void stateChanged(CallSession session, CallState state, CallEndReason reason) {
            Call call = calls.computeIfAbsent(session.sid(), sid -> new Call(registry, session));
            call.update(session);
            CallEvent event = switch (state) {
                case INCOMING -> new CallEvent.Incoming(call);
                case RINGING -> new CallEvent.Ringing(call);
                case CONNECTING -> new CallEvent.Connecting(call);
                case CONNECTED -> new CallEvent.Connected(call);
                case RECONNECTING -> new CallEvent.Reconnecting(call);
                case ENDED -> new CallEvent.Ended(call, reason, session.duration());
                case CALLING -> null;
            };
            if (event != null) {
                listeners.fire(l -> l.onCallEvent(event));
            }
        }

        @Override
        public void peerMediaChanged(CallSession session) {
            Call call = calls.get(session.sid());
            if (call != null) {
                call.update(session);
                CallEvent event = new CallEvent.PeerMediaChanged(call, session.peerMicrophoneMuted(),
                        session.peerCameraOn());
                listeners.fire(l -> l.onCallEvent(event));
            }
        }

        @Override
        public void qualityChanged(CallSession session, CallQuality quality, int availableKbps) {
            Call call = calls.get(session.sid());
            if (call != null) {
                CallEvent event = new CallEvent.QualityChanged(call, quality, availableKbps);
                listeners.fire(l -> l.onCallEvent(event));
            }
        }

        @Override
        public void videoChanged(CallSession session, VideoChange change) {
            Call call = calls.get(session.sid());
            if (call == null) {
                return;
            }
            call.update(session);
            CallEvent event = switch (change.kind()) {
                case REQUESTED -> new CallEvent.VideoRequested(call);
                case ADDED, REMOVED -> new CallEvent.VideoChanged(call, session.video(), change.byPeer());
                case REFUSED -> new CallEvent.VideoRefused(call, change.refusal());
            };
            listeners.fire(l -> l.onCallEvent(event));
        }
    }
}
