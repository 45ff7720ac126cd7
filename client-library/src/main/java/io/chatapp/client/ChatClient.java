package io.chatapp.client;

import io.chatapp.client.internal.EventDispatcher;
import io.chatapp.client.internal.Failures;
import io.chatapp.client.internal.TokenConnection;
import io.chatapp.client.internal.TokenKeeper;
import io.chatapp.client.internal.TokenSaslMechanism;
import io.chatapp.client.internal.TrustManagers;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Localpart;

/**
 * A connection to a chat-app (or any XMPP) server for one account: register, log in, send and receive messages,
 * see contacts' presence and manage the contact list.
 *
 * <p>Every network operation is asynchronous and returns a {@link CompletableFuture} that fails with a
 * {@link ChatClientException}. Listeners run on one event thread per client, in arrival order, never on the
 * network reader thread. Stream management (XEP-0198) is on: after a dropped connection the client reconnects by
 * itself and resumes the stream, so stanzas in flight are not lost.
 *
 * <p>Log in with a password ({@link #login}) or with tokens from the server's token API ({@link #loginWithToken}).
 * A token login keeps its access token fresh by itself (refreshing shortly before it expires, and before a
 * reconnection if it has expired) and reports every new set of tokens to {@link #onTokensRefreshed} listeners.
 *
 * <pre>{@code
 * try (ChatClient client = ChatClient.create(ChatClientConfig.builder("example.org").build())) {
 *     client.login("alice", "secret").join();
 *     client.onMessage(m -> System.out.println(m.from() + ": " + m.body()));
 *     client.sendMessage("bob@example.org", "Hi Bob").join();
 * }
 * }</pre>
 */
public final class ChatClient implements AutoCloseable {

    private static final AtomicInteger CLIENT_NUMBER = new AtomicInteger();
    private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofMillis(500);

    private final ChatClientConfig config;
    private final ExecutorService io;
    private final ExecutorService events;
    /** Runs a token login's scheduled refreshes; its one thread starts with the first token login. */
    private final ScheduledExecutorService tokenRefreshes;
    /** Runs the messaging features' timers (typing pauses). */
    private final ScheduledExecutorService timers;
    private final ClientContext context;
    private final EventDispatcher<PresenceListener> presenceListeners;
    private final EventDispatcher<ConnectionStateListener> stateListeners;
    private final EventDispatcher<TokenListener> tokenListeners;
    private final AtomicReference<ConnectionState> state;
    private final ContactList contacts;
    private final MessageHub messages;
    private final Receipts receipts;
    private final Typing typing;
    private final History history;
    private final Retractions retractions;
    private final LastSeen lastSeen;
    private final Notifications notifications;
    private final Media media;
    private final GroupAdmin groups;
    private final GroupChat groupChat;
    private final GroupRooms groupRooms;
    private final Stories stories;
    private final CallLog callLog;
    private final Calls calls;
    /**
     * Smack fixes a connection's SASL mechanisms when it is made: a password login needs the usual ones, a token
     * login only the token mechanism. The client switches to a new connection of the other kind when an app logs
     * in the other way (see {@link #connectionFor}).
     */
    private volatile XMPPTCPConnection connection;
    /** The current token login's tokens; null for a password login. */
    private volatile TokenKeeper tokenKeeper;

    private ChatClient(ChatClientConfig config, XMPPTCPConnection connection) {
        int number = CLIENT_NUMBER.incrementAndGet();
        this.config = config;
        this.io = Executors.newCachedThreadPool(daemonThreads("chatapp-client-" + number + "-io"));
        this.events = Executors.newSingleThreadExecutor(daemonThreads("chatapp-client-" + number + "-events"));
        this.tokenRefreshes = Executors.newSingleThreadScheduledExecutor(
                daemonThreads("chatapp-client-" + number + "-tokens"));
        this.timers = Executors.newSingleThreadScheduledExecutor(
                daemonThreads("chatapp-client-" + number + "-timers"));
        this.context = new ClientContext(config, io, events, timers);
        this.state = context.state;
        this.messages = new MessageHub(context);
        this.receipts = new Receipts(messages);
        this.typing = new Typing(messages);
        this.history = new History(messages);
        this.retractions = new Retractions(messages);
        this.lastSeen = new LastSeen(messages);
        this.media = new Media(messages, this::tokens);
        this.groupRooms = new GroupRooms(context, messages.server, messages::queueReceipt);
        this.groups = new GroupAdmin(groupRooms);
        this.groupChat = new GroupChat(groupRooms, media);
        this.stories = new Stories(context, media);
        this.callLog = new CallLog(context);
        this.notifications = new Notifications(messages, groupRooms, callLog);
        this.calls = new Calls(context);
        this.presenceListeners = new EventDispatcher<>(events);
        this.stateListeners = new EventDispatcher<>(events);
        this.tokenListeners = new EventDispatcher<>(events);
        this.contacts = new ContactList(connection, io, events);
        attach(connection);
    }

    /** Follows a (new) connection: its state, and the messages and presence it receives. */
    private void attach(XMPPTCPConnection newConnection) {
        watchConnection(newConnection);
        messages.attach(newConnection);
        groupRooms.attach(newConnection);
        stories.attach(newConnection);
        calls.attach(newConnection);
        newConnection.addSyncStanzaListener(this::onIncomingPresence, StanzaTypeFilter.PRESENCE);
        this.connection = newConnection;
        context.connection(newConnection);
    }

    /** Creates a client; nothing is sent until {@link #connect()}, {@link #register} or {@link #login}. */
    public static ChatClient create(ChatClientConfig config) {
        return new ChatClient(config, newConnection(config, false, null));
    }

    /**
     * A connection as the configuration says.
     *
     * @param tokenLogin   whether it logs in with an access token (only the token mechanism enabled)
     * @param accessTokens for a token login, where each authentication (reconnections too) gets its token
     */
    private static XMPPTCPConnection newConnection(ChatClientConfig config, boolean tokenLogin,
                                                   java.util.function.Supplier<String> accessTokens) {
        try {
            XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(config.domain())
                    .setHost(config.host())
                    .setPort(config.port())
                    .setSecurityMode(securityMode(config.tlsPolicy()))
                    .setSendPresence(true);
            config.resource().ifPresent(resource -> {
                try {
                    builder.setResource(resource);
                } catch (org.jxmpp.stringprep.XmppStringprepException e) {
                    throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT,
                            "Invalid resource: " + resource, e);
                }
            });
            config.trustedCertificate().ifPresent(pem -> builder.setCustomX509TrustManager(
                    TrustManagers.systemAnd(pem)));
            XMPPTCPConnection connection;
            if (tokenLogin) {
                TokenSaslMechanism.register();
                builder.addEnabledSaslMechanism(config.tokenMechanism().saslName());
                connection = new TokenConnection(builder.build(), accessTokens);
            } else {
                connection = new XMPPTCPConnection(builder.build());
            }
            connection.setReplyTimeout(config.replyTimeout().toMillis());
            connection.setUseStreamManagement(true);
            connection.setUseStreamManagementResumption(true);
            if (config.automaticReconnect()) {
                ReconnectionManager reconnection = ReconnectionManager.getInstanceFor(connection);
                config.reconnectDelay().ifPresent(delay -> {
                    reconnection.setFixedDelay((int) delay.toSeconds());
                    reconnection.setReconnectionPolicy(ReconnectionManager.ReconnectionPolicy.FIXED_DELAY);
                });
                reconnection.enableAutomaticReconnection();
            }
            if (config.tlsPolicy() == TlsPolicy.DISABLED) {
                AccountManager.getInstance(connection).sensitiveOperationOverInsecureConnection(true);
            }
            return connection;
        } catch (org.jxmpp.stringprep.XmppStringprepException e) {
            throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT,
                    "Invalid domain: " + config.domain(), e);
        }
    }

    private static SecurityMode securityMode(TlsPolicy policy) {
        return switch (policy) {
            case REQUIRED -> SecurityMode.required;
            case IF_POSSIBLE -> SecurityMode.ifpossible;
            case DISABLED -> SecurityMode.disabled;
        };
    }

    public ChatClientConfig config() {
        return config;
    }

    /** Opens the connection (TCP, then STARTTLS as configured). Completes at once if already connected. */
    public CompletableFuture<Void> connect() {
        return run(() -> {
            if (!connection.isConnected()) {
                connection.connect();
            }
        });
    }

    /** Creates an account by in-band registration (XEP-0077), connecting first if needed. Does not log in. */
    public CompletableFuture<Void> register(String username, String password) {
        return run(() -> {
            Localpart localpart = localpart(username);
            requirePassword(password);
            if (!connection.isConnected()) {
                connection.connect();
            }
            AccountManager accounts = AccountManager.getInstance(connection);
            if (!accounts.supportsAccountCreation()) {
                throw new ChatClientException(ChatClientException.Reason.NOT_ALLOWED,
                        "This server does not allow registration");
            }
            try {
                accounts.createAccount(localpart, password);
            } catch (XMPPException.XMPPErrorException e) {
                throw Failures.fromAccountRefusal(e.getStanzaError(), e);
            }
        });
    }

    /**
     * Changes the logged-in account's password by XEP-0077. A password the server's rules refuse fails with
     * {@link ChatClientException.Reason#INVALID_INPUT} and the rule as the message ({@link
     * ChatClientException#serverText()}). Other sessions stay logged in; the server revokes the account's tokens.
     */
    public CompletableFuture<Void> changePassword(String newPassword) {
        return run(() -> {
            requirePassword(newPassword);
            if (!connection.isAuthenticated()) {
                throw new ChatClientException(ChatClientException.Reason.NOT_CONNECTED, "Not logged in");
            }
            try {
                AccountManager.getInstance(connection).changePassword(newPassword);
            } catch (XMPPException.XMPPErrorException e) {
                throw Failures.fromAccountRefusal(e.getStanzaError(), e);
            }
        });
    }

    /**
     * Logs in with a password (SASL, SCRAM preferred), connecting first if needed. Completes once the account is
     * online: messages sent to it from then on arrive live, and messages stored while it was offline follow.
     */
    public CompletableFuture<Void> login(String username, String password) {
        return run(() -> {
            Localpart localpart = localpart(username);
            requirePassword(password);
            XMPPTCPConnection connection = connectionFor(false);
            stopTokenRefreshes();
            tokenKeeper = null;
            if (!connection.isConnected()) {
                connection.connect();
            }
            connection.login(localpart, password);
            awaitOnline();
        });
    }

    /**
     * Logs in with an access token from the server's token API (see {@link TokenClient}), over SASL
     * {@link ChatClientConfig#tokenMechanism()}, connecting first if needed. Needs
     * {@link ChatClientConfig#apiBaseUrl()}: when the access token has expired (or is about to), the client
     * refreshes the tokens first. From then on it refreshes them shortly before each expiry and reports each new
     * set to {@link #onTokensRefreshed} listeners; reconnections always authenticate with the current access token.
     * Completes, like {@link #login}, once the account is online. Fails with
     * {@link ChatClientException.Reason#SESSION_EXPIRED} when the refresh token is refused, and
     * {@link ChatClientException.Reason#NOT_AUTHORIZED} when the server refuses the access token.
     */
    public CompletableFuture<Void> loginWithToken(TokenSet tokens) {
        Objects.requireNonNull(tokens, "tokens");
        return run(() -> {
            Localpart localpart = localpart(tokens.jid());
            TokenClient api = TokenClient.create(config);
            XMPPTCPConnection connection = connectionFor(true);
            if (connection.isAuthenticated()) {
                throw new ChatClientException(ChatClientException.Reason.NOT_ALLOWED,
                        "Already logged in: log out first");
            }
            stopTokenRefreshes();
            TokenKeeper keeper = new TokenKeeper(tokens, current -> api.refresh(current).join(),
                    new TokenEvents(), Clock.systemUTC(), tokenRefreshes);
            tokenKeeper = keeper;
            String accessToken = keeper.accessTokenForLogin();
            if (!connection.isConnected()) {
                connection.connect();
            }
            try {
                connection.login(localpart, accessToken);
            } catch (SASLErrorException e) {
                throw new ChatClientException(ChatClientException.Reason.NOT_AUTHORIZED,
                        "Login failed: the server refused the access token", e);
            }
            keeper.start();
            awaitOnline();
        });
    }

    /** The current tokens of a token login (they change with every refresh); empty after a password login. */
    public Optional<TokenSet> tokens() {
        TokenKeeper keeper = tokenKeeper;
        return keeper == null ? Optional.empty() : Optional.of(keeper.current());
    }

    /**
     * Refreshes a token login's tokens now rather than shortly before expiry, and completes with the new ones
     * (which {@link #onTokensRefreshed} listeners hear about too).
     */
    public CompletableFuture<TokenSet> refreshTokens() {
        return call(() -> {
            TokenKeeper keeper = tokenKeeper;
            if (keeper == null) {
                throw new ChatClientException(ChatClientException.Reason.NOT_CONNECTED,
                        "Not logged in with a token");
            }
            return keeper.refreshNow();
        });
    }

    /** Hears about new tokens (to store them: refresh tokens are single use) and the end of a token login. */
    public ListenerRegistration onTokensRefreshed(TokenListener listener) {
        return tokenListeners.add(listener);
    }

    /**
     * The connection for a login of that kind: the current one, or a new one when it is of the other kind and
     * not logged in (a connection used only to register is closed; nothing was exchanged that matters).
     */
    private synchronized XMPPTCPConnection connectionFor(boolean tokenLogin) {
        XMPPTCPConnection current = connection;
        if ((current instanceof TokenConnection) == tokenLogin) {
            return current;
        }
        if (current.isAuthenticated()) {
            throw new ChatClientException(ChatClientException.Reason.NOT_ALLOWED, "Already logged in: log out first");
        }
        ReconnectionManager.getInstanceFor(current).disableAutomaticReconnection();
        if (current.isConnected()) {
            current.disconnect();
        }
        XMPPTCPConnection replacement = newConnection(config, tokenLogin, this::accessTokenForAuthentication);
        attach(replacement);
        contacts.attach(replacement);
        return replacement;
    }

    /** Asked by the token mechanism at every authentication, reconnections included. */
    private String accessTokenForAuthentication() {
        TokenKeeper keeper = tokenKeeper;
        if (keeper == null) {
            throw new ChatClientException(ChatClientException.Reason.NOT_CONNECTED, "Not logged in with a token");
        }
        return keeper.accessTokenForLogin();
    }

    private void stopTokenRefreshes() {
        TokenKeeper keeper = tokenKeeper;
        if (keeper != null) {
            keeper.stop();
        }
    }

    /** The keeper's reports, passed on to the app's listeners on the event thread. */
    private final class TokenEvents implements TokenKeeper.Events {

        @Override
        public void refreshed(TokenSet tokens) {
            tokenListeners.fire(listener -> listener.onTokensRefreshed(tokens));
        }

        @Override
        public void expired(ChatClientException failure) {
            tokenListeners.fire(listener -> listener.onSessionExpired(failure));
        }
    }

    /**
     * Smack sends the initial presence right after login, but the server routes messages to a device only once it
     * has processed that presence (until then they go to offline storage). A round trip after it makes "logged in"
     * mean "reachable", so messages sent to this account from then on arrive live.
     */
    private void awaitOnline() throws Exception {
        PingManager.getInstanceFor(connection).pingMyServer(true, config.replyTimeout().toMillis());
    }

    /**
     * Says goodbye to contacts (unavailable presence) and closes the connection. Fails with
     * {@link ChatClientException.Reason#NETWORK} when the server could not confirm that it had processed everything
     * sent before (the connection is closed all the same). After a token login the tokens stay valid and
     * {@link #tokens()} still returns the latest ones, to log in again later; {@link TokenClient#logout} revokes them.
     */
    public CompletableFuture<Void> logout() {
        return run(() -> {
            stopTokenRefreshes();
            if (!disconnect()) {
                throw new ChatClientException(ChatClientException.Reason.NETWORK,
                        "The server did not confirm the last messages before the connection closed");
            }
        });
    }

    /** This client's full address once logged in, e.g. {@code alice@example.org/phone}. */
    public Optional<String> jid() {
        return Optional.ofNullable(connection.getUser()).map(Jid::toString);
    }

    public ConnectionState state() {
        return state.get();
    }

    public boolean isLoggedIn() {
        return connection.isAuthenticated();
    }

    /**
     * Sends a one-to-one text message. Completes with the message id once the message is handed to the
     * connection; with stream management the server's acknowledgement follows and a dropped connection re-sends it.
     * The id is a fresh UUID, also the message's XEP-0359 {@code origin-id}; the message asks for a delivery
     * receipt and read markers, whose progress {@link #receipts()} reports, and ends typing ({@link #typing()}).
     */
    public CompletableFuture<String> sendMessage(String toJid, String text) {
        return call(() -> {
            if (text == null || text.isBlank()) {
                throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT, "The message is empty");
            }
            XmlText.requireSendable(text);
            requireSession();
            return messages.send(bareJid(toJid), text);
        });
    }

    /**
     * Announces this account as online (or away, busy…) with an optional status text. {@link PresenceMode#OFFLINE}
     * is refused: a device goes offline by logging out.
     */
    public CompletableFuture<Void> setStatus(PresenceMode mode, String status) {
        return run(() -> {
            requireSession();
            Presence.Mode presenceMode = presenceMode(mode);
            if (status != null) {
                XmlText.requireSendable(status);
            }
            connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza()
                    .ofType(Presence.Type.available)
                    .setMode(presenceMode)
                    .setStatus(status == null || status.isBlank() ? null : status)
                    .build());
        });
    }

    private static Presence.Mode presenceMode(PresenceMode mode) {
        if (mode == null || mode == PresenceMode.OFFLINE) {
            throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT,
                    "Unknown status '" + (mode == null ? null : mode.xmppValue())
                            + "': use available, chat, away, xa or dnd");
        }
        return Presence.Mode.fromString(mode.xmppValue());
    }

    /** The contact list: add, accept, decline and list contacts. */
    public ContactList contacts() {
        return contacts;
    }

    /** Delivery and read state of sent messages, read markers, and message info. */
    public Receipts receipts() {
        return receipts;
    }

    /** Typing notifications, sent and received. */
    public Typing typing() {
        return typing;
    }

    /** The message archive: conversation pages, and the catch-up cursor. */
    public History history() {
        return history;
    }

    /** Deleting messages for everyone (retraction) or for this account only. */
    public Retractions retractions() {
        return retractions;
    }

    /** When people were last online, and who may know it of this account. */
    public LastSeen lastSeen() {
        return lastSeen;
    }

    /** Notifications: push for this device, mutes, group levels, previews, unread counts, new-message events. */
    public Notifications notifications() {
        return notifications;
    }

    /** Sharing files: sending images, videos, audio and files, and downloading received ones. */
    public Media media() {
        return media;
    }

    /** Status stories: post text, images and videos that expire, the feed, views, privacy, mute and events. */
    public Stories stories() {
        return stories;
    }

    /** The call log the server keeps: calls placed and received on every device, missed calls, marking them seen. */
    public CallLog callLog() {
        return callLog;
    }

    /** Voice and video calls: place, answer, control and follow calls (XEP-0353 + Jingle RTP, WebRTC media). */
    public Calls calls() {
        return calls;
    }

    /** Groups: create, list and manage them (members, admins, info, settings, image), leave and delete them. */
    public GroupAdmin groups() {
        return groups;
    }

    /** Messages in groups: send texts and files, hear messages and events, read markers and message info. */
    public GroupChat groupChat() {
        return groupChat;
    }

    /**
     * Hears every message: received ones, and those this account sent from other devices
     * ({@link ChatMessage#outgoing()}), each once, whether it came live, from offline storage, as a carbon copy or
     * from the archive at catch-up (see {@link History}). Retractions go to {@link Retractions#onRetraction}.
     */
    public ListenerRegistration onMessage(MessageListener listener) {
        return messages.messageListeners.add(listener);
    }

    public ListenerRegistration onPresence(PresenceListener listener) {
        return presenceListeners.add(listener);
    }

    public ListenerRegistration onConnectionState(ConnectionStateListener listener) {
        return stateListeners.add(listener);
    }

    /** Logs out if needed and releases the client's threads. The client cannot be used afterwards. */
    @Override
    public void close() {
        try {
            calls.close(); // hangs up while the connection can still say so
            stopTokenRefreshes();
            disconnect();
        } finally {
            setState(ConnectionState.CLOSED);
            tokenRefreshes.shutdownNow();
            timers.shutdownNow();
            io.shutdownNow();
            events.shutdown();
            try {
                events.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Closes the connection; true when the server confirmed everything sent before (or nothing was pending).
     * Never hangs: on a dead connection Smack's blocking queues can stall the goodbye (a ping, the unavailable
     * presence, the closing handshake), so it runs on its own thread for a bounded time, after which the
     * connection is shut down at once.
     */
    private boolean disconnect() {
        XMPPTCPConnection connection = this.connection;
        ReconnectionManager.getInstanceFor(connection).disableAutomaticReconnection();
        if (!connection.isConnected()) {
            return true;
        }
        CompletableFuture<Boolean> goodbye = new CompletableFuture<>();
        Thread closer = new Thread(() -> {
            try {
                goodbye.complete(gracefulDisconnect(connection));
            } catch (Throwable e) {
                goodbye.complete(false);
            }
        }, "chatapp-client-close");
        closer.setDaemon(true);
        closer.start();
        long limit = config.replyTimeout().toMillis() + 2 * CLOSE_WAIT.toMillis();
        try {
            return goodbye.get(limit, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // stalled: fall through to the instant shutdown
        }
        connection.instantShutdown();
        closer.interrupt();
        return false;
    }

    private boolean gracefulDisconnect(XMPPTCPConnection connection) {
        boolean confirmed = true;
        if (connection.isAuthenticated()) {
            // A round trip first: the server handles a stream in order, so once it answers, everything sent before
            // (messages, presence) has been processed and nothing depends on the closing handshake below.
            try {
                confirmed = PingManager.getInstanceFor(connection).pingMyServer(false,
                        config.replyTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (SmackException.NotConnectedException e) {
                return false;
            }
        }
        // Smack then waits for the server's closing </stream:stream> for up to the reply timeout. Openfire 4.2 does
        // not always send it over TLS (its MINA SSL filter fails with "Outbound done" while closing), which would
        // make every logout take the full reply timeout; the stream is already settled, so wait briefly only.
        long replyTimeout = connection.getReplyTimeout();
        connection.setReplyTimeout(CLOSE_WAIT.toMillis());
        try {
            connection.disconnect();
        } finally {
            connection.setReplyTimeout(replyTimeout);
        }
        return confirmed;
    }

    private void onIncomingPresence(org.jivesoftware.smack.packet.Stanza stanza) {
        Presence presence = (Presence) stanza;
        Jid from = presence.getFrom();
        if (from == null || (presence.getType() != Presence.Type.available
                && presence.getType() != Presence.Type.unavailable)) {
            return;
        }
        if (from.equals(connection.getUser())) {
            return; // our own presence, reflected by the server
        }
        boolean available = presence.isAvailable();
        PresenceUpdate update = new PresenceUpdate(
                from.asBareJid().toString(),
                from.getResourceOrEmpty().toString(),
                available,
                available ? PresenceMode.ofXmppValue(presence.getMode().name()) : PresenceMode.OFFLINE,
                presence.getStatus() == null ? "" : presence.getStatus());
        presenceListeners.fire(listener -> listener.onPresence(update));
    }

    private void watchConnection(XMPPTCPConnection connection) {
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connected(XMPPConnection c) {
                setState(ConnectionState.CONNECTED);
            }

            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                setState(resumed ? ConnectionState.RESUMED : ConnectionState.AUTHENTICATED);
            }

            @Override
            public void connectionClosed() {
                setState(ConnectionState.DISCONNECTED);
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                if (loginExpired()) {
                    ReconnectionManager.getInstanceFor(connection).disableAutomaticReconnection();
                    setState(ConnectionState.DISCONNECTED);
                    return;
                }
                setState(config.automaticReconnect() ? ConnectionState.RECONNECTING : ConnectionState.DISCONNECTED);
            }
        });
        ReconnectionManager.getInstanceFor(connection).addReconnectionListener(new ReconnectionListener() {
            @Override
            public void reconnectingIn(int seconds) {
                setState(ConnectionState.RECONNECTING);
            }

            @Override
            public void reconnectionFailed(Exception e) {
                if (loginExpired()) {
                    // No token can be had any more: stop trying, and close the half-open stream.
                    ReconnectionManager.getInstanceFor(connection).disableAutomaticReconnection();
                    io.execute(() -> {
                        connection.disconnect();
                        setState(ConnectionState.DISCONNECTED);
                    });
                    return;
                }
                setState(ConnectionState.RECONNECTING);
            }
        });
    }

    /** True when a token login has ended: the server refused its refresh token. */
    private boolean loginExpired() {
        TokenKeeper keeper = tokenKeeper;
        return keeper != null && keeper.isExpired();
    }

    private void setState(ConnectionState next) {
        ConnectionState previous = state.getAndSet(next);
        if (previous != next) {
            stateListeners.fire(listener -> listener.onStateChange(next));
        }
    }

    private Localpart localpart(String username) throws org.jxmpp.stringprep.XmppStringprepException {
        if (username == null || username.isBlank()) {
            throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT, "The user name is empty");
        }
        String name = username;
        int at = username.indexOf('@');
        if (at >= 0) {
            String domain = username.substring(at + 1);
            if (!domain.equalsIgnoreCase(config.domain())) {
                throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT,
                        username + " is not an account on " + config.domain());
            }
            name = username.substring(0, at);
        }
        return Localpart.from(name);
    }

    private static void requirePassword(String password) {
        if (password == null || password.isEmpty()) {
            throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT, "The password is empty");
        }
    }

    EntityBareJid bareJid(String jid) throws org.jxmpp.stringprep.XmppStringprepException {
        return context.bareJid(jid);
    }

    private void requireSession() {
        context.requireSession();
    }

    private CompletableFuture<Void> run(Blocking action) {
        return context.run(action);
    }

    private <T> CompletableFuture<T> call(BlockingCall<T> action) {
        return context.call(action);
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @FunctionalInterface
    interface Blocking {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface BlockingCall<T> {
        T call() throws Exception;
    }
}
