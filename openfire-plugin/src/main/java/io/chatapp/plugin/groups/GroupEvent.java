package io.chatapp.plugin.groups;

import java.time.Instant;

/**
 * Something that happened to a group, shown to its members in the group's history ({@code <event/>} of
 * {@code urn:chatapp:groups:0}, with a readable body for standard clients).
 *
 * @param room   the room's bare JID
 * @param type   one of {@link Type}
 * @param actor  who did it (bare JID)
 * @param target whom it is about (bare JID), or null
 * @param value  the new value (a name, a description, a setting), or null
 * @param at     when
 */
public record GroupEvent(String room, Type type, String actor, String target, String value, Instant at) {

    public enum Type {
        CREATED, MEMBER_ADDED, MEMBER_REMOVED, MEMBER_LEFT, ADMIN_ADDED, ADMIN_REMOVED, OWNER_CHANGED, NAME_CHANGED,
        DESCRIPTION_CHANGED, IMAGE_CHANGED, ANNOUNCE_CHANGED, EDIT_INFO_CHANGED, DELETED;

        /** The attribute value, e.g. {@code member-added}. */
        public String attribute() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A sentence for people, e.g. "alice added bob". */
    public String body() {
        String who = localpart(actor);
        String whom = localpart(target);
        return switch (type) {
            case CREATED -> who + " created the group";
            case MEMBER_ADDED -> who + " added " + whom;
            case MEMBER_REMOVED -> who + " removed " + whom;
            case MEMBER_LEFT -> who + " left";
            case ADMIN_ADDED -> whom + " is now an admin";
            case ADMIN_REMOVED -> whom + " is no longer an admin";
            case OWNER_CHANGED -> whom + " is now the group owner";
            case NAME_CHANGED -> who + " changed the group name to \u201c" + value + "\u201d";
            case DESCRIPTION_CHANGED -> who + " changed the group description";
            case IMAGE_CHANGED -> value == null ? who + " removed the group image" : who + " changed the group image";
            case ANNOUNCE_CHANGED -> "1".equals(value) ? who + " allowed only admins to send messages"
                    : who + " allowed all members to send messages";
            case EDIT_INFO_CHANGED -> "1".equals(value) ? who + " allowed all members to edit the group info"
                    : who + " allowed only admins to edit the group info";
            case DELETED -> who + " deleted the group";
        };
    }

    private static String localpart(String jid) {
        if (jid == null) {
            return "";
        }
        int at = jid.indexOf('@');
        return at < 0 ? jid : jid.substring(0, at);
    }
}
