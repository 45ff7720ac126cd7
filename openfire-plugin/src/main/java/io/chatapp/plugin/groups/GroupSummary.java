package io.chatapp.plugin.groups;

import java.time.Instant;
import java.util.List;

/**
 * A group as its members see it: the list of a user's groups and a group's details.
 *
 * @param room            the room's bare JID
 * @param name            the name (room config {@code muc#roomconfig_roomname})
 * @param description     the description ({@code muc#roomconfig_roomdesc})
 * @param owner           the group owner's bare JID
 * @param announce        whether only admins may send messages
 * @param membersEditInfo whether every member may change name and description
 * @param createdAt       when the group was created
 * @param members         the members, longest-standing first
 */
public record GroupSummary(String room, String name, String description, String owner, boolean announce,
                           boolean membersEditInfo, Instant createdAt, List<GroupMember> members) {
}
