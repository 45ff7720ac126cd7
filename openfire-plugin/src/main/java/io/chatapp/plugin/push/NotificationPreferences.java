package io.chatapp.plugin.push;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What each user wants notified (docs/protocol.md, "Notifications"): previews on or off, story pushes on or off (off
 * by default), and per chat a mute with an expiry and a group level. Held in memory for the packet threads, reloaded
 * periodically for changes made on other nodes; a change is stored first, then applied.
 */
public final class NotificationPreferences {

    private final DataSource dataSource;
    private final Executor executor;
    private final Clock clock;
    private final boolean previewsDefault;
    private volatile Map<String, Boolean> previews = new ConcurrentHashMap<>();
    private volatile Map<String, Boolean> stories = new ConcurrentHashMap<>();
    private volatile Map<String, Map<String, ChatSetting>> chats = new ConcurrentHashMap<>();
    /** Counts changes made here, so that a reload that raced with one does not put back what it read before it. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    public NotificationPreferences(DataSource dataSource, Executor executor, Clock clock, boolean previewsDefault) {
        this.dataSource = dataSource;
        this.executor = executor;
        this.clock = clock;
        this.previewsDefault = previewsDefault;
    }

    /** Whether pushes to this user may carry message text. */
    public boolean previews(String username) {
        return previews.getOrDefault(username, previewsDefault);
    }

    /** Whether the user's offline devices hear of stories their contacts post (off unless turned on). */
    public boolean storyPushes(String username) {
        return stories.getOrDefault(username, false);
    }

    public ChatSetting chat(String username, String chat) {
        return chats.getOrDefault(username, Map.of()).getOrDefault(chat, ChatSetting.DEFAULT);
    }

    /** Every chat setting of the user, by chat. */
    public Map<String, ChatSetting> chats(String username) {
        return Map.copyOf(chats.getOrDefault(username, Map.of()));
    }

    /**
     * Whether the user wants this notification at all: not for a muted chat (calls ring all the same: a call is
     * answered now or missed), for a group only at its level, and a story only with story pushes on (and its owner
     * not muted here; the stories feature already left out users who muted the owner's stories).
     */
    public boolean wants(String username, Notification notification) {
        ChatSetting setting = chat(username, notification.chat());
        if (notification.kind().aboutACall()) {
            return true;
        }
        if (setting.mutedAt(clock.instant())) {
            return false;
        }
        if (notification.kind() == NotificationKind.STORY) {
            return storyPushes(username);
        }
        if (notification.kind() == NotificationKind.GROUP_MESSAGE) {
            return switch (setting.level()) {
                case ALL -> true;
                case MENTIONS -> notification.mentioned();
                case OFF -> false;
            };
        }
        return true;
    }

    public CompletableFuture<Void> setPreviews(String username, boolean allowed) {
        return setFlag("previews", username, allowed, () -> previews);
    }

    public CompletableFuture<Void> setStoryPushes(String username, boolean on) {
        return setFlag("stories", username, on, () -> stories);
    }

    /**
     * Stores one of the user's on/off choices (a {@code push_preference} column, leaving the others as they are),
     * then holds it in the map the supplier gives at that moment (a reload replaces the maps).
     */
    private CompletableFuture<Void> setFlag(String column, String username, boolean value,
                                            Supplier<Map<String, Boolean>> held) {
        return CompletableFuture.runAsync(() -> {
            execute("INSERT INTO push_preference (username, " + column + ") VALUES (?, ?) ON CONFLICT (username)"
                    + " DO UPDATE SET " + column + " = EXCLUDED." + column, username, value);
            changed(() -> held.get().put(username, value));
        }, executor);
    }

    /** Replaces the user's setting for the chat (both the mute and the level). */
    public CompletableFuture<Void> setChat(String username, String chat, ChatSetting setting) {
        return CompletableFuture.runAsync(() -> {
            execute("INSERT INTO push_chat_setting (username, chat, muted_until, group_level) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (username, chat) DO UPDATE SET muted_until = EXCLUDED.muted_until,"
                    + " group_level = EXCLUDED.group_level", username, chat,
                    setting.mutedUntil() == null ? null : Timestamp.from(setting.mutedUntil()),
                    setting.groupLevel() == null ? null : setting.groupLevel().name());
            changed(() -> chats.computeIfAbsent(username, user -> new ConcurrentHashMap<>()).put(chat, setting));
        }, executor);
    }

    private synchronized void changed(Runnable change) {
        changes.incrementAndGet();
        change.run();
    }

    public void reload() throws SQLException {
        long changesBefore = changes.get();
        Map<String, Boolean> loadedPreviews = new ConcurrentHashMap<>();
        Map<String, Boolean> loadedStories = new ConcurrentHashMap<>();
        Map<String, Map<String, ChatSetting>> loadedChats = new ConcurrentHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT username, previews, stories FROM push_preference");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    putUnlessNull(loadedPreviews, rows.getString(1), rows.getObject(2, Boolean.class));
                    putUnlessNull(loadedStories, rows.getString(1), rows.getObject(3, Boolean.class));
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT username, chat, muted_until, group_level FROM push_chat_setting");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp until = rows.getTimestamp(3);
                    String level = rows.getString(4);
                    loadedChats.computeIfAbsent(rows.getString(1), user -> new ConcurrentHashMap<>())
                            .put(rows.getString(2), new ChatSetting(until == null ? null : until.toInstant(),
                                    level == null ? null : GroupLevel.valueOf(level)));
                }
            }
        }
        synchronized (this) {
            // A change made here meanwhile may be missing from what was read: keep memory, the next reload catches up.
            if (changes.get() == changesBefore) {
                previews = loadedPreviews;
                stories = loadedStories;
                chats = loadedChats;
            }
        }
    }

    /** Removes a deleted account's preferences. */
    public void removeAccount(String username) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : new String[] {"push_preference", "push_chat_setting"}) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE username = ?")) {
                    delete.setString(1, username);
                    delete.executeUpdate();
                }
            }
        }
        changed(() -> {
            previews.remove(username);
            stories.remove(username);
            chats.remove(username);
        });
    }

    private static void putUnlessNull(Map<String, Boolean> map, String username, Boolean value) {
        if (value != null) {
            map.put(username, value);
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }
}
