package io.chatapp.client.internal.xmpp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * {@code <notifications xmlns="urn:chatapp:notifications:0" previews="…" stories="…"><chat jid="…"
 * muted-until="…" level="…"/><unread jid="…" count="…"/></notifications>}: a get (empty) answered with the account's
 * notification preferences and unread counts (one-to-one chats and groups), or a set of the previews choice, the
 * story pushes choice and/or chats' settings (each replaces that chat's setting).
 */
public final class NotificationsIQ extends IQ {

    public static final String NAMESPACE = "urn:chatapp:notifications:0";
    public static final String ELEMENT = "notifications";

    /** One chat's setting as written: null attributes are left out (not muted, default level). */
    public record Chat(String jid, String mutedUntil, String level) {
    }

    /** A WebPush subscription to register (keys base64url), or to remove when both keys are null. */
    public record WebPush(String endpoint, String p256dh, String auth) {
    }

    private final Boolean previews;
    private final Boolean stories;
    private final List<Chat> chats;
    private final Map<String, Integer> unread;
    private final WebPush webPush;
    private final String vapidKey;

    public NotificationsIQ(Boolean previews, List<Chat> chats, Map<String, Integer> unread) {
        this(previews, null, chats, unread, null, null);
    }

    private NotificationsIQ(Boolean previews, Boolean stories, List<Chat> chats, Map<String, Integer> unread,
                            WebPush webPush, String vapidKey) {
        super(ELEMENT, NAMESPACE);
        this.previews = previews;
        this.stories = stories;
        this.chats = List.copyOf(chats);
        this.unread = Map.copyOf(unread);
        this.webPush = webPush;
        this.vapidKey = vapidKey;
    }

    /** A set that registers (or removes) this device's WebPush subscription. */
    public static NotificationsIQ webPush(WebPush subscription) {
        return asSet(new NotificationsIQ(null, null, List.of(), Map.of(), subscription, null));
    }

    /** The server's VAPID public key (base64url), in an answer. */
    public String vapidKey() {
        return vapidKey;
    }

    public static NotificationsIQ get() {
        NotificationsIQ iq = new NotificationsIQ(null, List.of(), Map.of());
        iq.setType(Type.get);
        return iq;
    }

    public static NotificationsIQ set(Boolean previews, List<Chat> chats) {
        return asSet(new NotificationsIQ(previews, chats, Map.of()));
    }

    /** A set of the story pushes choice. */
    public static NotificationsIQ setStories(boolean on) {
        return asSet(new NotificationsIQ(null, on, List.of(), Map.of(), null, null));
    }

    private static NotificationsIQ asSet(NotificationsIQ iq) {
        iq.setType(Type.set);
        return iq;
    }

    public Boolean stories() {
        return stories;
    }

    public Boolean previews() {
        return previews;
    }

    public List<Chat> chats() {
        return chats;
    }

    public Map<String, Integer> unread() {
        return unread;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        if (previews != null) {
            xml.attribute("previews", previews.toString());
        }
        if (stories != null) {
            xml.attribute("stories", stories.toString());
        }
        if (chats.isEmpty() && webPush == null) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        if (webPush != null) {
            xml.halfOpenElement("webpush").attribute("endpoint", webPush.endpoint())
                    .optAttribute("p256dh", webPush.p256dh()).optAttribute("auth", webPush.auth()).closeEmptyElement();
        }
        for (Chat chat : chats) {
            xml.halfOpenElement("chat").attribute("jid", chat.jid()).optAttribute("muted-until", chat.mutedUntil())
                    .optAttribute("level", chat.level()).closeEmptyElement();
        }
        return xml;
    }

    /** Parses answers. */
    public static final class Provider extends IQProvider<NotificationsIQ> {

        @Override
        public NotificationsIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
                throws org.jivesoftware.smack.xml.XmlPullParserException, java.io.IOException {
            String previews = Elements.attribute(parser, "previews");
            String stories = Elements.attribute(parser, "stories");
            String vapidKey = Elements.attribute(parser, "vapid-key");
            List<Chat> chats = new ArrayList<>();
            Map<String, Integer> unread = new LinkedHashMap<>();
            while (true) {
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.START_ELEMENT && "chat".equals(parser.getName())) {
                    chats.add(new Chat(Elements.attribute(parser, "jid"), Elements.attribute(parser, "muted-until"),
                            Elements.attribute(parser, "level")));
                } else if (event == XmlPullParser.Event.START_ELEMENT && "unread".equals(parser.getName())) {
                    String count = Elements.attribute(parser, "count");
                    unread.put(Elements.attribute(parser, "jid"), count == null ? 0 : Integer.parseInt(count));
                } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                    break;
                }
            }
            return new NotificationsIQ(previews == null ? null : Boolean.valueOf(previews),
                    stories == null ? null : Boolean.valueOf(stories), chats, unread, null, vapidKey);
        }
    }
}
