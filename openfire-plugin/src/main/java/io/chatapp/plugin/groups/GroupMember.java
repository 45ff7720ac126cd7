package io.chatapp.plugin.groups;

import java.time.Instant;

/**
 * One member of a group now.
 *
 * @param jid        the member's bare JID
 * @param role       owner, admin or member
 * @param joinedAt   when they were added (they see the group's history from then on)
 * @param addedBy    who added them (bare JID); null for the creator
 * @param adminSince when they became an admin or owner; null for a plain member
 */
public record GroupMember(String jid, GroupRole role, Instant joinedAt, String addedBy, Instant adminSince) {

    GroupMember withRole(GroupRole newRole, Instant at) {
        Instant since = newRole == GroupRole.MEMBER ? null : adminSince != null ? adminSince : at;
        return new GroupMember(jid, newRole, joinedAt, addedBy, since);
    }
}
