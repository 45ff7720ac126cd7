package io.chatapp.plugin.stories;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The story tables (migration V9): stories with their audiences, views, preferences and mutes. */
public final class StoryStore {

    private static final String COLUMNS = "s.story_id, s.owner, s.kind, s.body, s.color, s.font, s.file_id,"
            + " s.audience, s.posted_at, s.expires_at";
    /** Whether the viewer bound to the two placeholders is in the story {@code s}'s audience, contacts aside. */
    private static final String LISTED_FOR_VIEWER = "(s.audience = 'contacts'"
            + " OR (s.audience = 'except' AND NOT EXISTS (SELECT 1 FROM story_audience a"
            + " WHERE a.story_id = s.story_id AND a.member = ?))"
            + " OR (s.audience = 'only' AND EXISTS (SELECT 1 FROM story_audience a"
            + " WHERE a.story_id = s.story_id AND a.member = ?)))";

    /**
     * The feed: parameters viewer, viewer, the contacts (a text array), now, viewer, viewer. Public for the
     * benchmark's query plan.
     */
    public static final String FEED = "SELECT s.owner, count(*),"
            + " count(*) FILTER (WHERE v.viewer IS NULL), max(s.posted_at),"
            + " EXISTS (SELECT 1 FROM story_mute m WHERE m.muter = ? AND m.muted = s.owner)"
            + " FROM story s LEFT JOIN story_view v ON v.story_id = s.story_id AND v.viewer = ?"
            + " WHERE s.owner = ANY (?) AND s.expires_at > ? AND " + LISTED_FOR_VIEWER
            + " GROUP BY s.owner";

    private final DataSource dataSource;

    public StoryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(Story story) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO story (story_id, owner,"
                        + " kind, body, color, font, file_id, audience, posted_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, story.id());
                    insert.setString(2, story.owner());
                    insert.setString(3, story.kind().value());
                    insert.setString(4, story.body());
                    insert.setString(5, story.color());
                    insert.setString(6, story.font());
                    insert.setString(7, story.fileId());
                    insert.setString(8, story.audience().mode().value());
                    insert.setTimestamp(9, Timestamp.from(story.postedAt()));
                    insert.setTimestamp(10, Timestamp.from(story.expiresAt()));
                    insert.executeUpdate();
                }
                try (PreparedStatement members = connection.prepareStatement(
                        "INSERT INTO story_audience (story_id, member) VALUES (?, ?)")) {
                    for (String member : story.audience().members()) {
                        members.setString(1, story.id());
                        members.setString(2, member);
                        members.addBatch();
                    }
                    members.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The story, live or not. */
    public Optional<Story> story(String storyId) throws SQLException {
        List<Story> found = stories("SELECT " + COLUMNS + " FROM story s WHERE s.story_id = ?", storyId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The owner's stories live at {@code now}, oldest first. */
    public List<Story> liveOf(String owner, Instant now) throws SQLException {
        return stories("SELECT " + COLUMNS + " FROM story s WHERE s.owner = ? AND s.expires_at > ?"
                + " ORDER BY s.posted_at, s.seq", owner, Timestamp.from(now));
    }

    /** The live story holding the file, if any. */
    public Optional<Story> liveWithFile(String fileId, Instant now) throws SQLException {
        List<Story> found = stories("SELECT " + COLUMNS + " FROM story s WHERE s.file_id = ? AND s.expires_at > ?",
                fileId, Timestamp.from(now));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Up to {@code limit} stories expired at {@code now}, the oldest first. */
    public List<Story> expired(Instant now, int limit) throws SQLException {
        return stories("SELECT " + COLUMNS + " FROM story s WHERE s.expires_at <= ? ORDER BY s.expires_at LIMIT ?",
                Timestamp.from(now), limit);
    }

    /**
     * The contacts with stories live at {@code now} whose audience lists {@code viewer}, with how many and how many
     * the viewer has not seen, unordered.
     */
    public List<FeedEntry> feed(String viewer, Collection<String> contacts, Instant now) throws SQLException {
        if (contacts.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(FEED)) {
            query.setString(1, viewer);
            query.setString(2, viewer);
            Array owners = connection.createArrayOf("text", contacts.toArray());
            query.setArray(3, owners);
            query.setTimestamp(4, Timestamp.from(now));
            query.setString(5, viewer);
            query.setString(6, viewer);
            List<FeedEntry> entries = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    entries.add(new FeedEntry(row.getString(1), row.getInt(2), row.getInt(3),
                            row.getTimestamp(4).toInstant(), row.getBoolean(5)));
                }
            }
            return entries;
        }
    }

    /** Which of the stories the viewer has viewed. */
    public Set<String> seenBy(String viewer, Collection<String> storyIds) throws SQLException {
        Set<String> seen = new HashSet<>();
        if (storyIds.isEmpty()) {
            return seen;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT story_id FROM story_view WHERE viewer = ? AND story_id = ANY (?)")) {
            query.setString(1, viewer);
            query.setArray(2, connection.createArrayOf("text", storyIds.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    seen.add(row.getString(1));
                }
            }
        }
        return seen;
    }

    /** Notes a view once: false when the viewer had already viewed the story. */
    public boolean recordView(String storyId, String viewer, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO story_view (story_id, viewer,"
                     + " viewed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, storyId);
            insert.setString(2, viewer);
            insert.setTimestamp(3, Timestamp.from(at));
            return insert.executeUpdate() == 1;
        }
    }

    /** Who viewed the story, first views first, leaving out those whose read receipts are off. */
    public List<StoryViewer> listedViewers(String storyId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT v.viewer, v.viewed_at FROM story_view v"
                     + " WHERE v.story_id = ? AND NOT EXISTS (SELECT 1 FROM story_preference p"
                     + " WHERE p.jid = v.viewer AND NOT p.read_receipts) ORDER BY v.viewed_at, v.viewer")) {
            query.setString(1, storyId);
            List<StoryViewer> viewers = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    viewers.add(new StoryViewer(row.getString(1), row.getTimestamp(2).toInstant()));
                }
            }
            return viewers;
        }
    }

    /** Deletes stories with their audiences and views; returns how many there were. */
    public int delete(Collection<String> storyIds) throws SQLException {
        if (storyIds.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM story WHERE story_id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("text", storyIds.toArray()));
            return delete.executeUpdate();
        }
    }

    public StoryPreferences preferences(String jid) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT audience, members, read_receipts FROM story_preference WHERE jid = ?")) {
            query.setString(1, jid);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return StoryPreferences.DEFAULT;
                }
                AudienceMode mode = AudienceMode.of(row.getString(1)).orElse(AudienceMode.CONTACTS);
                Set<String> members = new LinkedHashSet<>(List.of((String[]) row.getArray(2).getArray()));
                return new StoryPreferences(new Audience(mode, members), row.getBoolean(3));
            }
        }
    }

    public void savePreferences(String jid, StoryPreferences preferences) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO story_preference (jid, audience,"
                     + " members, read_receipts) VALUES (?, ?, ?, ?) ON CONFLICT (jid) DO UPDATE SET"
                     + " audience = excluded.audience, members = excluded.members,"
                     + " read_receipts = excluded.read_receipts")) {
            upsert.setString(1, jid);
            upsert.setString(2, preferences.audience().mode().value());
            upsert.setArray(3, connection.createArrayOf("text", preferences.audience().members().toArray()));
            upsert.setBoolean(4, preferences.readReceipts());
            upsert.executeUpdate();
        }
    }

    public void setMuted(String muter, String muted, boolean mute) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(mute
                     ? "INSERT INTO story_mute (muter, muted) VALUES (?, ?) ON CONFLICT DO NOTHING"
                     : "DELETE FROM story_mute WHERE muter = ? AND muted = ?")) {
            statement.setString(1, muter);
            statement.setString(2, muted);
            statement.executeUpdate();
        }
    }

    /** Who among {@code users} muted {@code owner}. */
    public Set<String> mutersOf(String owner, Collection<String> users) throws SQLException {
        Set<String> muters = new HashSet<>();
        if (users.isEmpty()) {
            return muters;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT muter FROM story_mute WHERE muted = ? AND muter = ANY (?)")) {
            query.setString(1, owner);
            query.setArray(2, connection.createArrayOf("text", users.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    muters.add(row.getString(1));
                }
            }
        }
        return muters;
    }

    /** How many listed viewers each story has (see {@link #listedViewers}). */
    public Map<String, Integer> listedViewCounts(Collection<String> storyIds) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        if (storyIds.isEmpty()) {
            return counts;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT v.story_id, count(*) FROM story_view v"
                     + " WHERE v.story_id = ANY (?) AND NOT EXISTS (SELECT 1 FROM story_preference p"
                     + " WHERE p.jid = v.viewer AND NOT p.read_receipts) GROUP BY v.story_id")) {
            query.setArray(1, connection.createArrayOf("text", storyIds.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getInt(2));
                }
            }
        }
        return counts;
    }

    private List<Story> stories(String sql, Object... parameters) throws SQLException {
        List<Story> stories = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    stories.add(new Story(row.getString(1), row.getString(2),
                            StoryKind.of(row.getString(3)).orElseThrow(), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7),
                            new Audience(AudienceMode.of(row.getString(8)).orElseThrow(), Set.of()),
                            row.getTimestamp(9).toInstant(), row.getTimestamp(10).toInstant()));
                }
            }
            if (stories.isEmpty()) {
                return stories;
            }
            Map<String, Set<String>> members = members(connection, stories);
            List<Story> complete = new ArrayList<>(stories.size());
            for (Story story : stories) {
                Set<String> listed = members.getOrDefault(story.id(), Set.of());
                complete.add(listed.isEmpty() ? story : new Story(story.id(), story.owner(), story.kind(),
                        story.body(), story.color(), story.font(), story.fileId(),
                        new Audience(story.audience().mode(), listed), story.postedAt(), story.expiresAt()));
            }
            return complete;
        }
    }

    private static Map<String, Set<String>> members(Connection connection, List<Story> stories)
            throws SQLException {
        Map<String, Set<String>> members = new HashMap<>();
        List<String> ids = stories.stream().filter(story -> story.audience().mode() != AudienceMode.CONTACTS)
                .map(Story::id).toList();
        if (ids.isEmpty()) {
            return members;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT story_id, member FROM story_audience WHERE story_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    members.computeIfAbsent(row.getString(1), id -> new HashSet<>()).add(row.getString(2));
                }
            }
        }
        return members;
    }
}
