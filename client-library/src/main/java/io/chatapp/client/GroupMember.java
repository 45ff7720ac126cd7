package io.chatapp.client;

import java.time.Instant;

/**
 * One member of a group.
 *
 * @param jid      bare address
 * @param role     owner, admin or member
 * @param joinedAt when they were added
 */
public record GroupMember(String jid, GroupRole role, Instant joinedAt) {
}
