package io.chatapp.client;

import java.time.Instant;
import java.util.List;

/**
 * A group this account belongs to, as the server records it.
 *
 * @param room            the group's address (a MUC room), e.g. {@code g1f0…@conference.example.org}
 * @param name            the name
 * @param description     the description (empty when none)
 * @param owner           the group owner's bare address
 * @param announce        whether only admins may send messages
 * @param membersEditInfo whether every member may change the name and description
 * @param createdAt       when it was created
 * @param members         the members, longest-standing first
 */
public record GroupInfo(String room, String name, String description, String owner, boolean announce,
                        boolean membersEditInfo, Instant createdAt, List<GroupMember> members) {

    public GroupInfo {
        members = List.copyOf(members);
    }

    /** The role of {@code jid} in this group, or null when they are not a member. */
    public GroupRole roleOf(String jid) {
        return members.stream().filter(m -> m.jid().equals(jid)).map(GroupMember::role).findFirst().orElse(null);
    }
}
