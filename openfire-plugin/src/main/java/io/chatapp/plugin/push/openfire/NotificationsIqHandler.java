package io.chatapp.plugin.push.openfire;

import io.chatapp.plugin.openfire.AsyncIqHandler;
import io.chatapp.plugin.openfire.LocalUsers;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.push.ChatSetting;
import io.chatapp.plugin.push.NotificationPreferences;
import io.chatapp.plugin.push.NotificationsXml;
import io.chatapp.plugin.push.UnreadCounts;
import io.chatapp.plugin.push.WebPushSubscriptions;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * {@code urn:chatapp:notifications:0}: a user reads their own notification preferences with their unread counts, and
 * changes the preferences.
 */
final class NotificationsIqHandler extends AsyncIqHandler {

    private static final int MAX_CHATS_PER_SET = 100;

    private final NotificationPreferences preferences;
    private final UnreadCounts unread;
    private final WebPushSubscriptions webPush;
    private final LocalUsers users;

    NotificationsIqHandler(NotificationPreferences preferences, UnreadCounts unread, WebPushSubscriptions webPush,
                           String domain, PluginRouting routing) {
        super("chat-app notification preferences", NotificationsXml.ELEMENT, NotificationsXml.NAMESPACE, routing);
        this.preferences = preferences;
        this.unread = unread;
        this.webPush = webPush;
        this.users = new LocalUsers(domain);
    }

    @Override
    protected CompletableFuture<IQ> answer(IQ request) {
        if (!users.contains(request.getFrom()) || !forOwnAccount(request)) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN, "only your own preferences");
        }
        Element child = request.getChildElement();
        if (!child.getName().equals(NotificationsXml.ELEMENT)) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "unknown element " + child.getName());
        }
        String username = request.getFrom().getNode();
        if (request.getType() == IQ.Type.get) {
            return unread.of(request.getFrom().toBareJID()).thenCombine(webPush.vapidKey(), (counts, vapidKey) -> {
                IQ reply = IQ.createResultIQ(request);
                reply.setChildElement(NotificationsXml.render(preferences.previews(username),
                        preferences.storyPushes(username), preferences.chats(username), counts)
                        .addAttribute("vapid-key", vapidKey));
                return reply;
            });
        }
        Boolean previews = NotificationsXml.previews(child);
        Boolean stories = NotificationsXml.stories(child);
        List<Element> chats = child.elements("chat");
        if (chats.size() > MAX_CHATS_PER_SET) {
            throw new StanzaErrorException(StanzaError.POLICY_VIOLATION, "at most " + MAX_CHATS_PER_SET
                    + " chats per request");
        }
        List<CompletableFuture<?>> changes = new ArrayList<>();
        List<Runnable> apply = new ArrayList<>();
        for (Element chat : chats) {
            String jid = chat.attributeValue("jid");
            if (jid == null || jid.isBlank()) {
                throw new IllegalArgumentException("a chat needs its jid");
            }
            String bare = new JID(jid).toBareJID();
            ChatSetting setting = NotificationsXml.chat(chat);
            apply.add(() -> changes.add(preferences.setChat(username, bare, setting)));
        }
        if (previews != null) {
            apply.add(() -> changes.add(preferences.setPreviews(username, previews)));
        }
        if (stories != null) {
            apply.add(() -> changes.add(preferences.setStoryPushes(username, stories)));
        }
        Element subscription = child.element("webpush");
        if (subscription != null) {
            apply.add(webPushChange(request, subscription, changes));
        }
        // Every chat is checked before any is changed: a bad one refuses the whole request.
        apply.forEach(Runnable::run);
        return CompletableFuture.allOf(changes.toArray(CompletableFuture[]::new))
                .thenApply(done -> IQ.createResultIQ(request));
    }

    /**
     * {@code <webpush endpoint='…' p256dh='…' auth='…'/>} subscribes the sending device; without keys it removes
     * the subscription to that endpoint. Checked now, applied with the rest.
     */
    private Runnable webPushChange(IQ request, Element subscription, List<CompletableFuture<?>> changes) {
        String username = request.getFrom().getNode();
        String endpoint = subscription.attributeValue("endpoint");
        if (endpoint == null) {
            throw new IllegalArgumentException("webpush needs its endpoint");
        }
        if (subscription.attributeValue("p256dh") == null && subscription.attributeValue("auth") == null) {
            return () -> changes.add(webPush.unsubscribe(username, endpoint));
        }
        String resource = request.getFrom().getResource();
        if (resource == null) {
            throw new IllegalArgumentException("subscribe from the device's full JID");
        }
        // Checks the endpoint and keys at once (IllegalArgumentException: bad-request).
        CompletableFuture<Void> subscribed = webPush.subscribe(username, resource, endpoint,
                subscription.attributeValue("p256dh"), subscription.attributeValue("auth"));
        return () -> changes.add(subscribed);
    }
}
