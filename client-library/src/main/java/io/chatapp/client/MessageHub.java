package io.chatapp.client;

import io.chatapp.client.internal.EventDispatcher;
import io.chatapp.client.internal.Incoming;
import io.chatapp.client.internal.MessagePipeline;
import io.chatapp.client.internal.ReceiptOutbox;
import io.chatapp.client.internal.Resync;
import io.chatapp.client.internal.SendWindow;
import io.chatapp.client.internal.StatusTracker;
import io.chatapp.client.internal.TypingThrottle;
import io.chatapp.client.internal.xmpp.ChatAppProviders;
import io.chatapp.client.internal.xmpp.HiddenElement;
import io.chatapp.client.internal.xmpp.ServerRequests;
import io.chatapp.client.internal.xmpp.StanzaReader;
import io.chatapp.client.internal.xmpp.Stanzas;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.OrFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.sm.StreamManagementException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The Smack side of messaging: follows each connection's messages, carbons and headlines into the
 * {@link MessagePipeline}, sends texts, receipts, markers and chat states, and runs the {@link Resync} after each
 * new session. The feature facades ({@link Receipts}, {@link Typing}, {@link History}, {@link Retractions}) are
 * views on it.
 */
final class MessageHub {

    private static final Logger LOG = Logger.getLogger(MessageHub.class.getName());
    /** Sent messages whose status is followed (and asked about after a reconnection). */
    static final int TRACKED_MESSAGES = 10_000;
    /** Archive ids remembered to deliver each message once. */
    static final int REMEMBERED_IDS = 10_000;
    static final int CATCH_UP_PAGE = 100;
    static final Duration TYPING_INTERVAL = Duration.ofSeconds(5);
    /** The library's stanzas that may await the server's acknowledgement at once (Smack blocks at 1,024). */
    static final int SEND_WINDOW = 256;

    final ClientContext context;
    final EventDispatcher<MessageListener> messageListeners;
    final EventDispatcher<MessageStatusListener> statusListeners;
    final EventDispatcher<ReadElsewhereListener> readElsewhereListeners;
    /** Told (on the caller's thread) of each chat this client marked read, by its bare JID. */
    final List<Consumer<String>> readHereListeners = new CopyOnWriteArrayList<>();
    /**
     * Told (on an io thread) once a new session (not a resumed stream) has caught up: the archive's catch-up is done
     * and its messages handed to the listeners.
     */
    final List<Consumer<XMPPTCPConnection>> sessionCaughtUpListeners = new CopyOnWriteArrayList<>();
    /**
     * Completed once this session's initial presence is on its way: Smack sends it after the "authenticated"
     * listeners, and only then does the server deliver the messages it stored while this device was away.
     */
    private volatile CompletableFuture<Void> initialPresenceSent = CompletableFuture.completedFuture(null);
    final EventDispatcher<TypingListener> typingListeners;
    final EventDispatcher<RetractionListener> retractionListeners;
    final EventDispatcher<HiddenListener> hiddenListeners;
    final EventDispatcher<ArchiveCursorListener> cursorListeners;
    final StatusTracker tracker;
    final MessagePipeline pipeline;
    final TypingThrottle typing;
    final ServerRequests server;
    private final Resync resync;
    final SendWindow window = new SendWindow(SEND_WINDOW);
    private final ReceiptOutbox receipts = new ReceiptOutbox();

    MessageHub(ClientContext context) {
        ChatAppProviders.register();
        this.context = context;
        this.messageListeners = new EventDispatcher<>(context.events);
        this.statusListeners = new EventDispatcher<>(context.events);
        this.readElsewhereListeners = new EventDispatcher<>(context.events);
        this.typingListeners = new EventDispatcher<>(context.events);
        this.retractionListeners = new EventDispatcher<>(context.events);
        this.hiddenListeners = new EventDispatcher<>(context.events);
        this.cursorListeners = new EventDispatcher<>(context.events);
        this.tracker = new StatusTracker(TRACKED_MESSAGES,
                (id, peer, status) -> statusListeners.fire(l -> l.onStatus(id, peer, status)));
        PipelineEvents events = new PipelineEvents();
        this.pipeline = new MessagePipeline(REMEMBERED_IDS, tracker, this::queueReceipt, events);
        this.typing = new TypingThrottle(Clock.systemUTC(), (task, delay) -> {
            var scheduled = context.timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> scheduled.cancel(false);
        }, this::sendChatState, TYPING_INTERVAL);
        this.server = new ServerRequests(context::connection, Clock.systemUTC());
        this.resync = new Resync(server, pipeline, tracker, events, CATCH_UP_PAGE);
    }

    /** Follows a (new) connection. */
    void attach(XMPPTCPConnection connection) {
        DeliveryReceiptManager.getInstanceFor(connection)
                .setAutoReceiptMode(DeliveryReceiptManager.AutoReceiptMode.disabled);
        connection.addSyncStanzaListener(this::onMessage,
                new OrFilter(MessageTypeFilter.CHAT, MessageTypeFilter.NORMAL));
        connection.addSyncStanzaListener(this::onHeadline, new AndFilter(MessageTypeFilter.HEADLINE,
                stanza -> stanza.getExtension(HiddenElement.QNAME) != null));
        CarbonManager.getInstanceFor(connection).addCarbonCopyReceivedListener(
                (direction, carbonCopy, wrapper) -> onCarbon(connection, carbonCopy, wrapper));
        connection.addStanzaAcknowledgedListener(stanza -> window.release(stanza.getStanzaId()));
        connection.addStanzaSendingListener(stanza -> initialPresenceSent.complete(null),
                stanza -> stanza instanceof Presence presence && presence.getType() == Presence.Type.available
                        && presence.getTo() == null);
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                if (!resumed) {
                    window.reset(); // the old stream's stanzas are acknowledged on it no more
                }
                newSession(connection, resumed);
                drainReceipts();
            }

            @Override
            public void connectionClosed() {
                window.reset();
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                window.reset();
                connectionLost();
            }
        });
    }

    /**
     * Sends a stanza of the library's own, keeping the stanzas awaiting stream management's acknowledgement
     * within the {@link SendWindow}: waits up to {@code timeoutMillis} for room, then fails with
     * {@link io.chatapp.client.ChatClientException.Reason#NETWORK}.
     */
    void sendCounted(XMPPTCPConnection connection, Stanza stanza, long timeoutMillis) throws Exception {
        String id = stanza.getStanzaId();
        boolean counted = connection.isSmEnabled() && id != null;
        if (counted && !window.acquire(id, timeoutMillis)) {
            throw new io.chatapp.client.ChatClientException(io.chatapp.client.ChatClientException.Reason.NETWORK,
                    "The server has not acknowledged the last " + window.capacity() + " stanzas");
        }
        try {
            connection.sendStanza(stanza);
        } catch (Exception | Error e) {
            if (counted) {
                window.release(id);
            }
            throw e;
        }
    }

    /** Sends a text (see {@link ChatClient#sendMessage}); returns its id. */
    String send(EntityBareJid to, String text) throws Exception {
        return send(to, id -> Stanzas.chat(to, id, text));
    }

    /**
     * Sends a message with content (a text, a media message) made for a fresh id, following its status; returns
     * the id.
     */
    String send(EntityBareJid to, java.util.function.Function<String, Message> build) throws Exception {
        XMPPTCPConnection connection = context.connection();
        String id = UUID.randomUUID().toString();
        Message message = build.apply(id);
        String peer = to.toString();
        tracker.track(id, peer);
        pipeline.sentHere(id);
        boolean acknowledged;
        try {
            connection.addStanzaIdAcknowledgedListener(id, stanza -> tracker.advance(id, MessageStatus.SENT));
            acknowledged = true;
        } catch (StreamManagementException.StreamManagementNotEnabledException e) {
            acknowledged = false;
        }
        typing.messageSent(peer);
        sendCounted(connection, message, context.config.replyTimeout().toMillis());
        if (!acknowledged) {
            // Without stream management, a round trip says the server has processed the message.
            context.io.execute(() -> {
                try {
                    if (PingManager.getInstanceFor(connection).pingMyServer(false,
                            context.config.replyTimeout().toMillis())) {
                        tracker.advance(id, MessageStatus.SENT);
                    }
                } catch (Exception e) {
                    LOG.log(Level.FINE, "No round trip after sending " + id, e);
                }
            });
        }
        return id;
    }

    /** Sends a read marker for the newest text received from {@code peer}; false when there is none. */
    boolean markRead(EntityBareJid peer) throws Exception {
        var newest = pipeline.newestReceivedFrom(peer.toString());
        if (newest.isEmpty()) {
            return false;
        }
        context.requireSession();
        sendCounted(context.connection(), Stanzas.displayed(peer, UUID.randomUUID().toString(), newest.get()),
                context.config.replyTimeout().toMillis());
        readHereListeners.forEach(listener -> listener.accept(peer.toString()));
        return true;
    }

    /**
     * The connection dropped: from now on live messages are held back until a catch-up from the archive after the
     * next session, resumed or not. What arrives after a drop is not in order: a resumed stream re-sends what the
     * server had not seen acknowledged, messages routed meanwhile may have gone to offline storage (and beyond its
     * quota, nowhere), and live messages follow at once. The cursor (the last message delivered, all in order up to
     * here) is where that catch-up starts.
     */
    private void connectionLost() {
        synchronized (catchUpLock) {
            if (pipeline.cursor() != null) {
                holding = pipeline.startCatchUp(); // supersedes a catch-up still running; held messages stay
            }
        }
    }

    private final Object catchUpLock = new Object();
    /** The catch-up token live messages are held for, until a catch-up with it succeeds; -1 when none. */
    private long holding = -1;

    /**
     * A new session: after a login or a reconnection that was not resumed, enable carbons (sent before the initial
     * presence, so no carbon is missed) and refresh sent messages' statuses; after any reconnection, and after a
     * login that knows its cursor, hold live messages back and catch up from the archive.
     */
    private void newSession(XMPPTCPConnection connection, boolean resumed) {
        if (!resumed) {
            CarbonManager.getInstanceFor(connection).enableCarbonsAsync(
                    e -> LOG.log(Level.WARNING, "The server did not enable carbons", e));
        }
        if (!resumed) {
            initialPresenceSent = new CompletableFuture<>();
        }
        CompletableFuture<Void> presenceSent = initialPresenceSent;
        long token;
        synchronized (catchUpLock) {
            if (holding < 0 && !resumed && pipeline.cursor() != null) {
                holding = pipeline.startCatchUp();
            }
            token = holding;
        }
        try {
            context.io.execute(() -> {
                if (token >= 0) {
                    catchUp(connection, token);
                }
                if (!resumed) {
                    awaitQuietly(presenceSent);
                    sessionCaughtUpListeners.forEach(listener -> listener.accept(connection));
                    resync.refreshStatuses();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            if (token >= 0) {
                pipeline.finishCatchUp(token, false);
            }
        }
    }

    /**
     * Catches up for that token from the pipeline's cursor. When it fails because the connection dropped (again),
     * live messages stay held: the next session catches up instead.
     */
    private void catchUp(XMPPTCPConnection connection, long token) {
        String cursor = pipeline.cursor();
        boolean succeeded = cursor == null
                ? finish(token)
                : resync.catchUp(token, cursor, () -> !connection.isAuthenticated());
        if (succeeded) {
            synchronized (catchUpLock) {
                if (holding == token) {
                    holding = -1;
                }
            }
        }
    }

    private void awaitQuietly(CompletableFuture<Void> presenceSent) {
        try {
            presenceSent.get(context.config.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.fine("No initial presence seen: " + e);
        }
    }

    private boolean finish(long token) {
        pipeline.finishCatchUp(token, true);
        return true;
    }

    private void onMessage(Stanza stanza) {
        Message message = (Message) stanza;
        if (message.getFrom() == null || CarbonExtension.from(message) != null
                || MamElements.MamResultExtension.from(message) != null) {
            return; // carbons and archive results have listeners of their own
        }
        BareJid me = me();
        if (me == null) {
            return;
        }
        pipeline.live(StanzaReader.read(message, Incoming.Source.LIVE, me, java.time.Instant.now()));
    }

    private void onCarbon(XMPPTCPConnection connection, Message carbonCopy, Message wrapper) {
        BareJid me = me();
        Jid wrapperFrom = wrapper.getFrom();
        if (me == null || (wrapperFrom != null && !wrapperFrom.equals(me))) {
            return; // only this account's server may send carbons
        }
        Message.Type type = carbonCopy.getType();
        if (type != Message.Type.chat && type != Message.Type.normal) {
            return;
        }
        pipeline.live(StanzaReader.read(carbonCopy, Incoming.Source.CARBON, me, java.time.Instant.now()));
    }

    private void onHeadline(Stanza stanza) {
        BareJid me = me();
        Jid from = stanza.getFrom();
        if (me == null || (from != null && !from.equals(me) && !from.equals(me.asDomainBareJid()))) {
            return; // only this account's server may say what it hid
        }
        HiddenElement hidden = (HiddenElement) stanza.getExtension(HiddenElement.QNAME);
        if (!hidden.id().isEmpty()) {
            hiddenListeners.fire(l -> l.onHidden(hidden.id()));
        }
    }

    private BareJid me() {
        var user = context.connection().getUser();
        return user == null ? null : user.asBareJid();
    }

    /**
     * Queues a delivery receipt (decided under a pipeline's lock, on a thread that must not wait for the network)
     * and has it sent on an I/O thread. The {@link io.chatapp.client.internal.GroupPipeline} acknowledges group
     * messages here too: to the room, naming the archive id.
     */
    void queueReceipt(String to, String messageId) {
        receipts.add(to, messageId);
        drainReceipts();
    }

    /** Sends the queued receipts, in order, while there is a session; the next session sends the rest. */
    void drainReceipts() {
        if (receipts.size() == 0) {
            return;
        }
        try {
            context.io.execute(() -> receipts.drain(this::sendReceipt));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    /** Hands one receipt to the connection, waiting (while the session lasts) for room in the send window. */
    private void sendReceipt(ReceiptOutbox.Receipt receipt) throws Exception {
        XMPPTCPConnection connection = context.connection();
        Message stanza = Stanzas.receipt(JidCreate.from(receipt.to()), UUID.randomUUID().toString(),
                receipt.messageId());
        while (true) {
            if (!connection.isAuthenticated() || connection != context.connection()) {
                throw new org.jivesoftware.smack.SmackException.NotConnectedException();
            }
            try {
                sendCounted(connection, stanza, 1_000);
                return;
            } catch (io.chatapp.client.ChatClientException e) {
                LOG.log(Level.FINE, "Waiting for acknowledgements before sending more receipts");
            }
        }
    }

    private void sendChatState(String peer, TypingState state) {
        try {
            XMPPTCPConnection connection = context.connection();
            if (connection.isAuthenticated()) {
                connection.sendStanza(Stanzas.chatState(JidCreate.entityBareFrom(peer),
                        UUID.randomUUID().toString(), state));
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "Could not send a chat state to " + peer, e);
        }
    }

    /** The pipeline's decisions, passed to the app's listeners on the event thread. */
    private final class PipelineEvents implements MessagePipeline.Events {

        @Override
        public void message(ChatMessage message) {
            messageListeners.fire(l -> l.onMessage(message));
        }

        @Override
        public void retraction(Retraction retraction) {
            retractionListeners.fire(l -> l.onRetraction(retraction));
        }

        @Override
        public void typing(String from, TypingState state) {
            typingListeners.fire(l -> l.onTyping(from, state));
        }

        @Override
        public void readElsewhere(String peer, String upToMessageId, String upToArchiveId) {
            readElsewhereListeners.fire(l -> l.onReadElsewhere(peer, upToMessageId, upToArchiveId));
        }

        @Override
        public void cursor(String lastArchiveId) {
            cursorListeners.fire(l -> l.onCursor(lastArchiveId));
        }
    }
}
