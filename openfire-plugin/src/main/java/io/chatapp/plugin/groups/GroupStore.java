package io.chatapp.plugin.groups;

import io.chatapp.plugin.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Tables {@code group_room} and {@code group_member} (V8): the groups and their membership periods. */
final class GroupStore {

    private final DataSource dataSource;

    GroupStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every group not deleted, with its current members. */
    Map<String, Group> load() throws SQLException {
        Map<String, Group> groups = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement rooms = connection.prepareStatement("SELECT room, owner, name, description,"
                    + " announce, members_edit_info, created_at FROM group_room WHERE deleted_at IS NULL");
                 ResultSet rows = rooms.executeQuery()) {
                while (rows.next()) {
                    Group group = new Group(rows.getString(1), rows.getString(2), rows.getTimestamp(7).toInstant());
                    group.name = rows.getString(3);
                    group.description = rows.getString(4);
                    group.announce = rows.getBoolean(5);
                    group.membersEditInfo = rows.getBoolean(6);
                    groups.put(group.room, group);
                }
            }
            try (PreparedStatement images = connection.prepareStatement("SELECT room, sha1 FROM group_image");
                 ResultSet rows = images.executeQuery()) {
                while (rows.next()) {
                    Group group = groups.get(rows.getString(1));
                    if (group != null) {
                        group.imageHash = rows.getString(2);
                    }
                }
            }
            try (PreparedStatement former = connection.prepareStatement("SELECT DISTINCT room, jid FROM group_member"
                    + " WHERE left_at IS NOT NULL");
                 ResultSet rows = former.executeQuery()) {
                while (rows.next()) {
                    Group group = groups.get(rows.getString(1));
                    if (group != null) {
                        group.departed.add(rows.getString(2));
                    }
                }
            }
            try (PreparedStatement members = connection.prepareStatement("SELECT room, jid, role, joined_at,"
                    + " added_by, admin_since FROM group_member WHERE left_at IS NULL ORDER BY joined_at");
                 ResultSet rows = members.executeQuery()) {
                while (rows.next()) {
                    Group group = groups.get(rows.getString(1));
                    if (group != null) {
                        Timestamp adminSince = rows.getTimestamp(6);
                        group.departed.remove(rows.getString(2));
                        group.members.put(rows.getString(2), new GroupMember(rows.getString(2),
                                GroupRole.valueOf(rows.getString(3)), rows.getTimestamp(4).toInstant(),
                                rows.getString(5), adminSince == null ? null : adminSince.toInstant()));
                    }
                }
            }
        }
        return groups;
    }

    /** Inserts or updates the group's own row. */
    void saveRoom(GroupSummary group) {
        update("INSERT INTO group_room (room, owner, name, description, announce, members_edit_info, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (room) DO UPDATE SET owner = excluded.owner,"
                + " name = excluded.name, description = excluded.description, announce = excluded.announce,"
                + " members_edit_info = excluded.members_edit_info", group.room(), group.owner(), group.name(),
                group.description(), group.announce(), group.membersEditInfo(), group.createdAt());
    }

    /** Inserts or updates a current member's row (role changes keep the row). */
    void saveMember(String room, GroupMember member) {
        update("INSERT INTO group_member (room, jid, role, joined_at, added_by, admin_since) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (room, jid, joined_at) DO UPDATE SET role = excluded.role,"
                + " admin_since = excluded.admin_since", room, member.jid(), member.role().name(),
                member.joinedAt(), member.addedBy(), member.adminSince());
    }

    void memberLeft(String room, GroupMember member, Instant at) {
        update("UPDATE group_member SET left_at = ? WHERE room = ? AND jid = ? AND joined_at = ?", at, room,
                member.jid(), member.joinedAt());
    }

    /** Sets the group's image, or removes it when null. */
    void saveImage(String room, GroupImage image, Instant at) {
        if (image == null) {
            update("DELETE FROM group_image WHERE room = ?", room);
            return;
        }
        update("INSERT INTO group_image (room, mime_type, image, sha1, updated_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (room) DO UPDATE SET mime_type = excluded.mime_type, image = excluded.image,"
                + " sha1 = excluded.sha1, updated_at = excluded.updated_at", room, image.mimeType(), image.bytes(),
                image.sha1(), at);
    }

    java.util.Optional<GroupImage> image(String room) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT mime_type, image, sha1 FROM group_image WHERE room = ?")) {
            statement.setString(1, room);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? java.util.Optional.of(new GroupImage(row.getString(1), row.getBytes(2),
                        row.getString(3))) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read a group image: " + e.getMessage(), e);
        }
    }

    void deleted(String room, Instant at) {
        update("UPDATE group_member SET left_at = ? WHERE room = ? AND left_at IS NULL", at, room);
        update("UPDATE group_room SET deleted_at = ? WHERE room = ?", at, room);
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Could not write group state: " + e.getMessage(), e);
        }
    }
}
