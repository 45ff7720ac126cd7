package io.chatapp.plugin.groups;

/**
 * A member's place in a group. The group owner and admins are MUC owners (so standard MUC lets them manage the room
 * and standard clients show them as owners); plain members are MUC members. Only the plugin knows which MUC owner
 * is the group owner.
 */
public enum GroupRole {
    OWNER, ADMIN, MEMBER;

    /** Whether this role may manage the group (add, remove, promote, demote, edit, settings). */
    public boolean manages() {
        return this != MEMBER;
    }

    /** The XEP-0045 affiliation the room gives this role. */
    public String affiliation() {
        return this == MEMBER ? "member" : "owner";
    }

    /** The attribute value in {@code urn:chatapp:groups:0}. */
    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
