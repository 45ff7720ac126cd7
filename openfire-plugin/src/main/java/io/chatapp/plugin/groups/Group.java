package io.chatapp.plugin.groups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One group's current state, held in memory for the packet threads. Callers synchronise on the instance. */
final class Group {

    final String room;
    final Instant createdAt;
    String owner;
    String name = "";
    String description = "";
    boolean announce;
    boolean membersEditInfo;
    /** Hex SHA-1 of the group image (XEP-0153 photo hash), null without one: advertised to standard clients. */
    String imageHash;
    final Map<String, GroupMember> members = new LinkedHashMap<>();
    /**
     * Former members the plugin keeps out of the room: the room itself (members-only) keeps out those it no longer
     * lists, but a leave is told to the room only once an owner is in it, and until then only this keeps them out.
     */
    final java.util.Set<String> departed = new java.util.HashSet<>();

    Group(String room, String owner, Instant createdAt) {
        this.room = room;
        this.owner = owner;
        this.createdAt = createdAt;
    }

    Optional<GroupRole> role(String jid) {
        GroupMember member = members.get(jid);
        return member == null ? Optional.empty() : Optional.of(member.role());
    }

    /** Who becomes owner when the owner leaves: the longest-standing admin, else the longest-standing member. */
    Optional<GroupMember> successor() {
        Comparator<GroupMember> adminFirst = Comparator.comparing((GroupMember m) -> m.role() == GroupRole.MEMBER)
                .thenComparing(m -> m.adminSince() != null ? m.adminSince() : m.joinedAt())
                .thenComparing(GroupMember::joinedAt);
        return members.values().stream().filter(m -> !m.jid().equals(owner)).min(adminFirst);
    }

    GroupSummary summary() {
        List<GroupMember> list = new ArrayList<>(members.values());
        list.sort(Comparator.comparing(GroupMember::joinedAt));
        return new GroupSummary(room, name, description, owner, announce, membersEditInfo, createdAt,
                List.copyOf(list));
    }
}
