package io.chatapp.client;

import java.time.Instant;
import java.util.Locale;

/**
 * Something that happened to a group ("alice added bob"), shown in the group's history.
 *
 * @param room   the group's address
 * @param type   what happened
 * @param actor  who did it (bare address)
 * @param target whom it is about, or null
 * @param value  the new name, description or setting ("1"/"0"), or null
 * @param text   a sentence for people, as the server wrote it
 * @param at     when
 */
public record GroupEvent(String room, Type type, String actor, String target, String value, String text,
                         Instant at) {

    public enum Type {
        CREATED, MEMBER_ADDED, MEMBER_REMOVED, MEMBER_LEFT, ADMIN_ADDED, ADMIN_REMOVED, OWNER_CHANGED, NAME_CHANGED,
        DESCRIPTION_CHANGED, IMAGE_CHANGED, ANNOUNCE_CHANGED, EDIT_INFO_CHANGED, DELETED, OTHER;

        /** The type named by the protocol's attribute ({@code member-added}); OTHER for one this library does not know. */
        public static Type of(String attribute) {
            try {
                return valueOf(attribute.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException | NullPointerException e) {
                return OTHER;
            }
        }
    }
}
