package io.chatapp.client.internal.calls;

import io.chatapp.client.CallState;
import io.chatapp.client.internal.calls.jingle.JingleIQ;
import io.chatapp.client.internal.calls.jmi.Finish;
import io.chatapp.client.internal.calls.jmi.JmiElement;
import io.chatapp.client.internal.calls.jmi.Proceed;
import io.chatapp.client.internal.calls.jmi.Propose;
import io.chatapp.client.internal.calls.jmi.Reject;
import io.chatapp.client.internal.calls.jmi.Retract;
import io.chatapp.client.internal.calls.jmi.Ringing;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * The calls of one client: routes JMI messages (direct and carbon copies) and Jingle requests to their sessions,
 * makes sessions for proposals (or declines them as busy during another call), answers requests for unknown
 * sessions with the XEP-0166 error, and runs the ring timeouts.
 */
public final class CallRegistry {

    private static final Logger LOG = Logger.getLogger(CallRegistry.class.getName());
    /** How long a placed call rings before the caller withdraws it (Conversations waits about as long). */
    static final long RING_MILLIS = TimeUnit.SECONDS.toMillis(45);
    /** How long an incoming call rings at most, should the caller's retract never come. */
    static final long INCOMING_RING_MILLIS = TimeUnit.SECONDS.toMillis(60);

    private final CallStanzas stanzas;
    private final CallThread thread;
    private final CallSession.Context context;
    private final Map<String, CallSession> sessions = new ConcurrentHashMap<>();

    public CallRegistry(CallStanzas stanzas, CallThread thread, CallSession.MediaSupplier media,
                        CallSession.Observer observer, boolean relayOnly) {
        CallsProviders.register();
        this.stanzas = stanzas;
        this.thread = thread;
        this.context = new CallSession.Context(stanzas, thread, media, observer, Clock.systemUTC(), relayOnly);
    }

    /** Follows a (new) connection: JMI messages and their carbons, Jingle requests; unparseable stanzas dropped. */
    public void attach(XMPPTCPConnection connection) {
        connection.addAsyncStanzaListener(this::onMessage, new org.jivesoftware.smack.filter.AndFilter(
                MessageTypeFilter.CHAT, stanza -> JmiElement.from((Message) stanza) != null));
        CarbonManager.getInstanceFor(connection).addCarbonCopyReceivedListener((direction, copy, wrapper) -> {
            Jid wrapperFrom = wrapper.getFrom();
            Jid me = connection.getUser();
            if (me == null || (wrapperFrom != null && !wrapperFrom.equals(me.asBareJid()))) {
                return; // only this account's server may send carbons
            }
            JmiElement jmi = JmiElement.from(copy);
            if (jmi != null) {
                boolean sent = direction == CarbonExtension.Direction.sent;
                thread.run(() -> route(copy.getFrom(), jmi, sent, copy));
            }
        });
        connection.registerIQRequestHandler(new AbstractIqRequestHandler(JingleIQ.ELEMENT, JingleIQ.NAMESPACE,
                IQ.Type.set, IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ request) {
                return onJingle((JingleIQ) request);
            }
        });
        connection.setParsingExceptionCallback(new IgnoreUnparseable());
        CallFeatures.announce(connection);
    }

    private void onMessage(Stanza stanza) {
        Message message = (Message) stanza;
        if (message.getFrom() == null || CarbonExtension.from(message) != null) {
            return; // carbons come through the carbon listener
        }
        JmiElement jmi = JmiElement.from(message);
        thread.run(() -> route(message.getFrom(), jmi, false, message));
    }

    /**
     * @param sentByMe whether the message is a carbon of what another device of this account sent
     */
    private void route(Jid from, JmiElement jmi, boolean sentByMe, Message message) {
        Jid me = stanzas.me();
        if (from == null || me == null) {
            return;
        }
        CallSession session = sessions.get(jmi.id());
        if (sentByMe) {
            if (session != null && (jmi instanceof Proceed || jmi instanceof Reject)) {
                session.answeredElsewhere(jmi instanceof Proceed);
            }
            return;
        }
        if (jmi instanceof Propose propose) {
            proposed(from, propose, message, me);
        } else if (session == null) {
            LOG.fine(() -> "JMI " + jmi.getElementName() + " for unknown call " + jmi.id() + " from " + from);
        } else if (jmi instanceof Ringing) {
            session.ringing(from);
        } else if (jmi instanceof Proceed) {
            session.proceeded(from);
        } else if (jmi instanceof Reject reject) {
            session.rejected(from, reject.reason());
        } else if (jmi instanceof Retract) {
            session.retracted(from);
        } else if (jmi instanceof Finish) {
            session.finished(from);
        }
    }

    private void proposed(Jid from, Propose propose, Message message, Jid me) {
        if (from.asBareJid().equals(me.asBareJid()) || sessions.containsKey(propose.id())
                || DelayInformation.from(message) != null) {
            return; // a call by another device of mine, a copy of a proposal already here, or a stale one
        }
        if (busy()) {
            CallSession.busy(stanzas, from, propose.id());
            return;
        }
        CallSession session = CallSession.proposed(context, propose.id(), from, propose.video());
        sessions.put(session.sid(), session);
        context.observer().stateChanged(session, CallState.INCOMING, null);
        thread.later(session::timedOut, INCOMING_RING_MILLIS);
    }

    private boolean busy() {
        return sessions.values().stream().anyMatch(s -> !s.ended());
    }

    /** Places a call; fails when this account is already in one. */
    public CompletableFuture<CallSession> place(BareJid peer, boolean video) {
        CompletableFuture<CallSession> placed = new CompletableFuture<>();
        thread.run(() -> {
            if (busy()) {
                placed.completeExceptionally(new IllegalStateException("Already in a call"));
                return;
            }
            CallSession session = CallSession.placed(context, UUID.randomUUID().toString(), peer, video);
            sessions.put(session.sid(), session);
            thread.later(session::timedOut, RING_MILLIS);
            placed.complete(session);
        });
        return placed;
    }

    /** Runs an action on a session, on the calls' thread. */
    public void act(String sid, Consumer<CallSession> action) {
        thread.run(() -> Optional.ofNullable(sessions.get(sid)).ifPresent(action));
    }

    /** Runs a query on a session on the calls' thread. */
    public <T> CompletableFuture<T> query(String sid, java.util.function.Function<CallSession, T> query) {
        return CompletableFuture.supplyAsync(() -> {
            CallSession session = sessions.get(sid);
            return session == null ? null : query.apply(session);
        }, thread.executor());
    }

    private IQ onJingle(JingleIQ request) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                if (request.malformed() != null) {
                    return JingleErrors.badRequest(request);
                }
                CallSession session = sessions.get(request.sid());
                if (session == null || session.ended() || session.peerFull() == null
                        || !session.peerFull().equals(request.getFrom())) {
                    return JingleErrors.unknownSession(request);
                }
                return session.jingle(request);
            }, thread.executor()).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return JingleErrors.unknownSession(request); // the client is closing: its calls are over
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not handle a Jingle request", e);
            return IQ.createErrorResponse(request, org.jivesoftware.smack.packet.StanzaError.Condition
                    .internal_server_error);
        }
    }

    /** Ends every call (the client closes). */
    public void endAll() {
        thread.run(() -> sessions.values().forEach(CallSession::hangUp));
    }
}
