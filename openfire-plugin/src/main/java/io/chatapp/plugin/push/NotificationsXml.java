package io.chatapp.plugin.push;

import io.chatapp.plugin.xmpp.XmppTime;
import java.time.Instant;
import java.util.Map;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;

/**
 * {@code <notifications xmlns='urn:chatapp:notifications:0' previews='…' stories='…'><chat jid='…'
 * muted-until='…' level='all|mentions|off'/><unread jid='…' count='…'/></notifications>}: a user's notification preferences and
 * unread counts, of one-to-one chats and groups (docs/protocol.md, "Notifications").
 */
public final class NotificationsXml {

    public static final String NAMESPACE = "urn:chatapp:notifications:0";
    public static final String ELEMENT = "notifications";

    private NotificationsXml() {
    }

    public static Element render(boolean previews, boolean stories, Map<String, ChatSetting> chats,
                                 Map<String, Integer> unread) {
        Element root = DocumentHelper.createElement(QName.get(ELEMENT, NAMESPACE));
        root.addAttribute("previews", Boolean.toString(previews));
        root.addAttribute("stories", Boolean.toString(stories));
        unread.forEach((chat, count) -> root.addElement("unread").addAttribute("jid", chat)
                .addAttribute("count", Integer.toString(count)));
        chats.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Element chat = root.addElement("chat").addAttribute("jid", entry.getKey());
            ChatSetting setting = entry.getValue();
            if (setting.mutedUntil() != null) {
                chat.addAttribute("muted-until", XmppTime.format(setting.mutedUntil()));
            }
            if (setting.groupLevel() != null) {
                chat.addAttribute("level", setting.groupLevel().xmlValue());
            }
        });
        return root;
    }

    /** The previews choice of a set, null when it does not change it; {@code IllegalArgumentException} if invalid. */
    public static Boolean previews(Element set) {
        return flag(set, "previews");
    }

    /**
     * The story pushes choice of a set, null when it does not change it; {@code IllegalArgumentException} if
     * invalid.
     */
    public static Boolean stories(Element set) {
        return flag(set, "stories");
    }

    private static Boolean flag(Element set, String name) {
        String value = set.attributeValue(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + " must be true or false");
        }
        return Boolean.valueOf(value);
    }

    /** The chat setting one {@code <chat/>} of a set asks for; {@code IllegalArgumentException} if invalid. */
    public static ChatSetting chat(Element chat) {
        String until = chat.attributeValue("muted-until");
        Instant mutedUntil = until == null ? null : XmppTime.parse(until).orElseThrow(
                () -> new IllegalArgumentException("muted-until must be a XEP-0082 date and time"));
        String level = chat.attributeValue("level");
        GroupLevel groupLevel = level == null ? null : GroupLevel.fromXml(level).orElseThrow(
                () -> new IllegalArgumentException("level must be all, mentions or off"));
        return new ChatSetting(mutedUntil, groupLevel);
    }
}
