package io.chatapp.client;

import io.chatapp.client.internal.EventDispatcher;
import io.chatapp.client.internal.xmpp.NotificationsIQ;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notifications ({@link ChatClient#notifications()}): push for this device when it is not connected (XEP-0357, to
 * the app server the app uses), preferences kept by the server for every device (previews, story pushes, per-chat
 * mute with an expiry, group level), unread counts per chat, and the events an app turns into alerts
 * ({@link NotificationListener}: new messages with their chat's unread count, missed calls, and after each login the
 * unread counts, in a defined order).
 *
 * <p>Unread counts come from the server ({@link #unreadCounts()}: messages after this account's read marker, so a chat
 * read on any device counts zero; groups count the other members' messages); between two asks this client counts
 * each new message and clears a chat read here ({@code receipts().markRead}, {@code groupChat().markRead}), a
 * one-to-one chat read on another device, or a chat named to {@link #markedRead(String)}. A group read on another
 * device shows at the next ask (the server does not pass group markers on).
 */
public final class Notifications {

    private final MessageHub hub;
    private final EventDispatcher<NotificationListener> listeners;
    private final Map<String, Integer> unread = new ConcurrentHashMap<>();
    private final LoginAlerts login;

    Notifications(MessageHub hub, GroupRooms groups, CallLog callLog) {
        this.hub = hub;
        this.listeners = new EventDispatcher<>(hub.context.events);
        this.login = new LoginAlerts(hub.context, callLog, this::serverCounts, this::replaceCounts, listeners);
        hub.messageListeners.add(this::onMessage);
        hub.readElsewhereListeners.add((peer, messageId, archiveId) -> unread.remove(peer));
        hub.readHereListeners.add(unread::remove);
        groups.messageListeners.add(this::onGroupMessage);
        groups.readHereListeners.add(unread::remove);
        hub.sessionCaughtUpListeners.add(login::run);
    }

    /** Pushes for this device go to {@code node} on the app server, with the app server's publish-options. */
    public CompletableFuture<Void> enablePush(String appServer, String node, Map<String, String> publishOptions) {
        Objects.requireNonNull(appServer, "appServer");
        Objects.requireNonNull(node, "node");
        Map<String, String> options = Map.copyOf(publishOptions);
        return hub.context.run(() -> {
            hub.context.requireSession();
            hub.server.enablePush(appServer, node, options);
        });
    }

    /** No more pushes to that node (or to every node of this account at the app server when {@code node} is null). */
    public CompletableFuture<Void> disablePush(String appServer, String node) {
        Objects.requireNonNull(appServer, "appServer");
        return hub.context.run(() -> {
            hub.context.requireSession();
            hub.server.disablePush(appServer, node);
        });
    }

    /**
     * Pushes for this device go to a WebPush endpoint (RFC 8030: a UnifiedPush distributor's or a browser's), with
     * the subscription's keys (base64url) it was given when subscribing with {@link #vapidKey()}.
     */
    public CompletableFuture<Void> enableWebPush(String endpoint, String p256dh, String auth) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(p256dh, "p256dh");
        Objects.requireNonNull(auth, "auth");
        return hub.context.run(() -> {
            hub.context.requireSession();
            hub.server.webPush(new NotificationsIQ.WebPush(endpoint, p256dh, auth));
        });
    }

    /** No more WebPush to that endpoint. */
    public CompletableFuture<Void> disableWebPush(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return hub.context.run(() -> {
            hub.context.requireSession();
            hub.server.webPush(new NotificationsIQ.WebPush(endpoint, null, null));
        });
    }

    /** The server's VAPID public key (base64url uncompressed P-256 point): the key to subscribe to WebPush with. */
    public CompletableFuture<String> vapidKey() {
        return hub.context.call(() -> {
            hub.context.requireSession();
            return hub.server.notifications().vapidKey();
        });
    }

    /** The server's preferences and unread counts for this account; the counts replace this client's. */
    public CompletableFuture<NotificationSettings> settings() {
        return hub.context.call(() -> {
            NotificationSettings settings = readSettings();
            replaceCounts(settings.unread());
            return settings;
        });
    }

    /** The server's unread counts, as they stand (blocking; for the login's alerts). */
    private Map<String, Integer> serverCounts() throws Exception {
        return readSettings().unread();
    }

    private void replaceCounts(Map<String, Integer> counts) {
        unread.clear();
        unread.putAll(counts);
    }

    private NotificationSettings readSettings() throws Exception {
        hub.context.requireSession();
        NotificationsIQ answer = hub.server.notifications();
        Map<String, ChatNotifications> chats = new HashMap<>();
        for (NotificationsIQ.Chat chat : answer.chats()) {
            chats.put(chat.jid(), new ChatNotifications(
                    chat.mutedUntil() == null ? null : Instant.parse(chat.mutedUntil()),
                    chat.level() == null ? NotificationLevel.ALL
                            : NotificationLevel.valueOf(chat.level().toUpperCase(java.util.Locale.ROOT))));
        }
        return new NotificationSettings(Boolean.TRUE.equals(answer.previews()),
                Boolean.TRUE.equals(answer.stories()), Map.copyOf(chats), Map.copyOf(answer.unread()));
    }

    /** Unread messages per chat, from the server. */
    public CompletableFuture<Map<String, Integer>> unreadCounts() {
        return settings().thenApply(NotificationSettings::unread);
    }

    /** This client's current count for a chat (see the class comment). */
    public int unread(String chat) {
        return unread.getOrDefault(chat, 0);
    }

    /** Tells the counter that the user read the chat some other way than {@code receipts().markRead(chat)}. */
    public void markedRead(String chat) {
        unread.remove(chat);
    }

    /** Whether pushes may carry message text (the server's default is off). */
    public CompletableFuture<Void> setPreviews(boolean allowed) {
        return hub.context.run(() -> {
            hub.context.requireSession();
            hub.server.setNotifications(allowed, List.of());
        });
    }

    /**
     * Whether this account's devices are pushed when a contact whose stories are not muted posts a story to an
     * audience this account is in (off unless turned on).
     */
    public CompletableFuture<Void> setStoryPushes(boolean on) {
        return hub.context.run(() -> {
            hub.context.requireSession();
            hub.server.setStoryPushes(on);
        });
    }

    /** Mutes a chat (a contact's or a group's bare address) for a while; calls still ring. */
    public CompletableFuture<Void> mute(String chat, Duration howLong) {
        Objects.requireNonNull(howLong, "howLong");
        return change(chat, current -> new ChatNotifications(Instant.now().plus(howLong), current.level()));
    }

    public CompletableFuture<Void> unmute(String chat) {
        return change(chat, current -> new ChatNotifications(null, current.level()));
    }

    /** Which messages of a group are notified. */
    public CompletableFuture<Void> setGroupLevel(String room, NotificationLevel level) {
        Objects.requireNonNull(level, "level");
        return change(room, current -> new ChatNotifications(current.mutedUntil(), level));
    }

    /** Hears new one-to-one messages from others with their chat's unread count. */
    public ListenerRegistration onNewMessage(NewMessageListener listener) {
        Objects.requireNonNull(listener, "listener");
        return addListener(new NotificationListener() {
            @Override
            public void onNewMessage(String chat, int unread, ChatMessage message) {
                listener.onNewMessage(chat, unread, message);
            }
        });
    }

    /** Hears every alert: new messages, missed calls, and the unread counts after each login (see its order). */
    public ListenerRegistration addListener(NotificationListener listener) {
        return listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void onMessage(ChatMessage message) {
        if (message.outgoing()) {
            return;
        }
        String chat = message.peer();
        int count = unread.merge(chat, 1, Integer::sum);
        listeners.fire(l -> l.onNewMessage(chat, count, message));
    }

    private void onGroupMessage(GroupMessage message) {
        if (message.outgoing() || message.delayed()) {
            return;
        }
        int count = unread.merge(message.room(), 1, Integer::sum);
        listeners.fire(l -> l.onNewGroupMessage(message.room(), count, message));
    }

    /** Reads the chat's setting, changes it, and stores it whole (the server replaces a chat's setting). */
    private CompletableFuture<Void> change(String chat, java.util.function.UnaryOperator<ChatNotifications> how) {
        Objects.requireNonNull(chat, "chat");
        return settings().thenCompose(settings -> hub.context.run(() -> {
            String bare = hub.context.bareJid(chat).toString();
            ChatNotifications current = settings.chats().getOrDefault(bare,
                    new ChatNotifications(null, NotificationLevel.ALL));
            ChatNotifications changed = how.apply(current);
            hub.server.setNotifications(null, List.of(new NotificationsIQ.Chat(bare,
                    changed.mutedUntil() == null ? null : changed.mutedUntil().toString(),
                    changed.level() == NotificationLevel.ALL ? null : changed.level().xmppValue())));
        }));
    }
}
