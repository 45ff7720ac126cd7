package io.chatapp.plugin.media;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The media tables (migration V7): upload slots, stored files and the messages that shared them. */
public final class MediaRecords {

    private static final String FILE_COLUMNS = "file_id, owner, file_name, size, media_type, sha256, width, height,"
            + " thumb_width, thumb_height, created_at, deleted_at";

    private final DataSource dataSource;

    public MediaRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Why a slot was not created. */
    public enum SlotRefusal { QUOTA }

    /**
     * Records a new slot unless it would take its owner over the quota (stored files plus open slots); the check
     * and the insert run under a lock on the owner, so two requests cannot both slip under it.
     */
    public Optional<SlotRefusal> createSlot(UploadSlot slot, long quotaBytes) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement(
                        "SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "chatapp-media-quota:" + slot.owner());
                    lock.execute();
                }
                if (quotaBytes > 0 && used(connection, slot.owner(), slot.createdAt()) + slot.size() > quotaBytes) {
                    connection.rollback();
                    return Optional.of(SlotRefusal.QUOTA);
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO media_slot (slot_id, file_id,"
                        + " owner, file_name, size, content_type, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, slot.slotId());
                    insert.setString(2, slot.fileId());
                    insert.setString(3, slot.owner());
                    insert.setString(4, slot.fileName());
                    insert.setLong(5, slot.size());
                    insert.setString(6, slot.contentType());
                    insert.setTimestamp(7, Timestamp.from(slot.createdAt()));
                    insert.setTimestamp(8, Timestamp.from(slot.expiresAt()));
                    insert.executeUpdate();
                }
                connection.commit();
                return Optional.empty();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Bytes the owner has stored (files not deleted) or reserved (slots neither used nor expired). */
    private static long used(Connection connection, String owner, Instant now) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT"
                + " coalesce((SELECT sum(size) FROM media_file WHERE owner = ? AND deleted_at IS NULL), 0)"
                + " + coalesce((SELECT sum(size) FROM media_slot WHERE owner = ? AND used_at IS NULL"
                + " AND expires_at > ?), 0)")) {
            query.setString(1, owner);
            query.setString(2, owner);
            query.setTimestamp(3, Timestamp.from(now));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    public Optional<UploadSlot> slot(String slotId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT slot_id, file_id, owner, file_name, size,"
                     + " content_type, created_at, expires_at FROM media_slot WHERE slot_id = ?")) {
            query.setString(1, slotId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new UploadSlot(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getLong(5), row.getString(6), row.getTimestamp(7).toInstant(),
                        row.getTimestamp(8).toInstant()));
            }
        }
    }

    /** Marks the slot used if it is neither used nor expired; false when another PUT got it or it expired. */
    public boolean claimSlot(String slotId, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE media_slot SET used_at = ?"
                     + " WHERE slot_id = ? AND used_at IS NULL AND expires_at > ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, slotId);
            update.setTimestamp(3, Timestamp.from(now));
            return update.executeUpdate() == 1;
        }
    }

    /** Gives a claimed slot back after a failed upload, so the client may try again while it is valid. */
    public void releaseSlot(String slotId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE media_slot SET used_at = NULL WHERE slot_id = ?")) {
            update.setString(1, slotId);
            update.executeUpdate();
        }
    }

    public void insertFile(MediaFile file) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO media_file (" + FILE_COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
            insert.setString(1, file.fileId());
            insert.setString(2, file.owner());
            insert.setString(3, file.fileName());
            insert.setLong(4, file.size());
            insert.setString(5, file.mediaType());
            insert.setString(6, file.sha256());
            setInteger(insert, 7, file.width());
            setInteger(insert, 8, file.height());
            setInteger(insert, 9, file.thumbnail() == null ? null : file.thumbnail().width());
            setInteger(insert, 10, file.thumbnail() == null ? null : file.thumbnail().height());
            insert.setTimestamp(11, Timestamp.from(file.createdAt()));
            insert.executeUpdate();
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** The file unless it is deleted or has expired at {@code now}. */
    public Optional<MediaFile> liveFile(String fileId, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + FILE_COLUMNS
                     + " FROM media_file WHERE file_id = ? AND deleted_at IS NULL"
                     + " AND (expires_at IS NULL OR expires_at > ?)")) {
            query.setString(1, fileId);
            query.setTimestamp(2, Timestamp.from(now));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(file(row)) : Optional.empty();
            }
        }
    }

    /** Sets when the owner's file stops being served (migration V9's {@code expires_at}). */
    public void expire(String fileId, String owner, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE media_file SET expires_at = ? WHERE file_id = ? AND owner = ?")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, fileId);
            update.setString(3, owner);
            update.executeUpdate();
        }
    }

    /** The file, deleted or not. */
    public Optional<MediaFile> file(String fileId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + FILE_COLUMNS
                     + " FROM media_file WHERE file_id = ?")) {
            query.setString(1, fileId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(file(row)) : Optional.empty();
            }
        }
    }

    private static MediaFile file(ResultSet row) throws SQLException {
        Integer thumbWidth = (Integer) row.getObject("thumb_width");
        Integer thumbHeight = (Integer) row.getObject("thumb_height");
        Timestamp deleted = row.getTimestamp("deleted_at");
        return new MediaFile(row.getString("file_id"), row.getString("owner"), row.getString("file_name"),
                row.getLong("size"), row.getString("media_type"), row.getString("sha256"),
                (Integer) row.getObject("width"), (Integer) row.getObject("height"),
                thumbWidth == null || thumbHeight == null ? null : new MediaFile.Dimensions(thumbWidth, thumbHeight),
                row.getTimestamp("created_at").toInstant(), deleted == null ? null : deleted.toInstant());
    }

    /** Marks the file deleted (its URLs stop working at once; the clean-up job removes the bytes). */
    public boolean markDeleted(String fileId, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE media_file SET deleted_at = ? WHERE file_id = ? AND deleted_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, fileId);
            return update.executeUpdate() == 1;
        }
    }

    /** Notes that an archived message shared the file; a file shared by a message twice is noted once. */
    public void recordShare(String fileId, long archiveId, String sender, String recipient) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO media_share (file_id, archive_id,"
                     + " sender, recipient) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM media_file WHERE"
                     + " file_id = ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, fileId);
            insert.setLong(2, archiveId);
            insert.setString(3, sender);
            insert.setString(4, recipient);
            insert.setString(5, fileId);
            insert.executeUpdate();
        }
    }

    /** Whether the user took part (as sender or recipient) in a conversation that shared the file. */
    public boolean sharedWith(String fileId, String user) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM media_share WHERE file_id = ?"
                     + " AND (sender = ? OR recipient = ?) LIMIT 1")) {
            query.setString(1, fileId);
            query.setString(2, user);
            query.setString(3, user);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** A message that shared a file: its archive id and its recipient (a user, or a group's room). */
    public record Share(long archiveId, String recipient) {
    }

    /** The messages that shared the file, oldest first. */
    public List<Share> shares(String fileId) throws SQLException {
        List<Share> shares = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT archive_id, recipient FROM media_share"
                     + " WHERE file_id = ? ORDER BY archive_id")) {
            query.setString(1, fileId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    shares.add(new Share(rows.getLong(1), rows.getString(2)));
                }
            }
        }
        return shares;
    }

    /** Slots that expired unused before the cut-off: their file ids, whose blobs may be leftovers, go with them. */
    public List<String> removeExpiredSlots(Instant cutoff) throws SQLException {
        List<String> fileIds = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM media_slot s WHERE expires_at < ?"
                     + " AND NOT EXISTS (SELECT 1 FROM media_file f WHERE f.file_id = s.file_id) RETURNING file_id")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    fileIds.add(rows.getString(1));
                }
            }
        }
        return fileIds;
    }

    /** Deleted files (oldest first, at most {@code limit}). */
    public List<String> deletedFiles(int limit) throws SQLException {
        List<String> fileIds = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT file_id FROM media_file"
                     + " WHERE deleted_at IS NOT NULL ORDER BY deleted_at LIMIT ?")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    fileIds.add(rows.getString(1));
                }
            }
        }
        return fileIds;
    }

    /** Forgets a deleted file whose bytes are gone, with its shares and slot. */
    public void forget(String fileId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (String table : List.of("media_share", "media_slot", "media_file")) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                        + " WHERE file_id = ?")) {
                    delete.setString(1, fileId);
                    delete.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    /** Whether a blob with this file id may exist legitimately: a recorded file, or a slot still open. */
    public boolean known(String fileId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM media_file WHERE file_id = ?"
                     + " UNION ALL SELECT 1 FROM media_slot WHERE file_id = ? LIMIT 1")) {
            query.setString(1, fileId);
            query.setString(2, fileId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
