package io.chatapp.client.internal.xmpp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;

/**
 * A set request about one group to the server, in {@code urn:chatapp:groups:0}: {@code <leave room="…"/>},
 * {@code <settings room="…" announce="1" edit-info="0"/>} or {@code <info room="…" name="…" description="…"/>}.
 * The answer is an empty result.
 */
public final class GroupRequestIQ extends IQ {

    public static final String NAMESPACE = GroupsIQ.NAMESPACE;

    private final Map<String, String> attributes;

    private GroupRequestIQ(String element, String room, Map<String, String> more) {
        super(element, NAMESPACE);
        setType(Type.set);
        this.attributes = new LinkedHashMap<>();
        attributes.put("room", room);
        more.forEach((name, value) -> {
            if (value != null) {
                attributes.put(name, value);
            }
        });
    }

    public static GroupRequestIQ leave(String room) {
        return new GroupRequestIQ("leave", room, Map.of());
    }

    /** An empty setting stays as it is. */
    public static GroupRequestIQ settings(String room, Optional<Boolean> announce, Optional<Boolean> membersEditInfo) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("announce", flag(announce));
        flags.put("edit-info", flag(membersEditInfo));
        return new GroupRequestIQ("settings", room, flags);
    }

    /** Null leaves the name or description as it is. */
    public static GroupRequestIQ info(String room, String name, String description) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("name", name);
        info.put("description", description);
        return new GroupRequestIQ("info", room, info);
    }

    private static String flag(Optional<Boolean> value) {
        return value.map(on -> on ? "1" : "0").orElse(null);
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        attributes.forEach(xml::attribute);
        xml.setEmptyElement();
        return xml;
    }
}
