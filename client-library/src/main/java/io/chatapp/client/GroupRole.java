package io.chatapp.client;

/** A member's place in a group: the owner (one), admins (manage the group) and members. */
public enum GroupRole {
    OWNER, ADMIN, MEMBER
}
