package io.chatapp.plugin.presence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * When each user was last online, and who may know it (docs/protocol.md, "Last seen").
 *
 * <p>Who may ask is needed on the packet thread, so every user's explicit choice is held in memory (reloaded from the
 * database every few seconds, for choices made on other nodes); users who never chose have the default. Going
 * offline is noted in memory and written in batches by {@link #flush()}; reading a time is asynchronous.
 */
public final class LastSeenService {

    private final DataSource dataSource;
    private final LastSeenVisibility defaultVisibility;
    private final Executor executor;
    private final Clock clock;
    private volatile Map<String, LastSeenVisibility> chosen = Map.of();
    private final Map<String, LastSeenVisibility> chosenHere = new ConcurrentHashMap<>();
    private final Map<String, Instant> pendingSeen = new ConcurrentHashMap<>();

    public LastSeenService(DataSource dataSource, LastSeenVisibility defaultVisibility, Executor executor,
                           Clock clock) {
        this.dataSource = dataSource;
        this.defaultVisibility = defaultVisibility;
        this.executor = executor;
        this.clock = clock;
    }

    /** Who may see this user's last-seen time; answered from memory. */
    public LastSeenVisibility visibility(String username) {
        LastSeenVisibility here = chosenHere.get(username);
        if (here != null) {
            return here;
        }
        return chosen.getOrDefault(username, defaultVisibility);
    }

    public CompletableFuture<Void> setVisibility(String username, LastSeenVisibility visibility) {
        return CompletableFuture.runAsync(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement upsert = connection.prepareStatement(
                         "INSERT INTO last_seen (username, visibility) VALUES (?, ?) ON CONFLICT (username)"
                                 + " DO UPDATE SET visibility = EXCLUDED.visibility")) {
                upsert.setString(1, username);
                upsert.setString(2, visibility.name());
                upsert.executeUpdate();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
            chosenHere.put(username, visibility);
        }, executor);
    }

    /** One of the user's devices went offline now. */
    public void wentOffline(String username) {
        pendingSeen.put(username, clock.instant());
    }

    /** When the user was last online, if ever seen by the plugin. */
    public CompletableFuture<Optional<Instant>> lastSeen(String username) {
        Instant pending = pendingSeen.get(username);
        if (pending != null) {
            return CompletableFuture.completedFuture(Optional.of(pending));
        }
        return CompletableFuture.supplyAsync(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT last_seen_at FROM last_seen WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet row = select.executeQuery()) {
                    Timestamp at = row.next() ? row.getTimestamp(1) : null;
                    return Optional.ofNullable(at).map(Timestamp::toInstant);
                }
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** Writes the offline times noted since the last flush. */
    public void flush() throws SQLException {
        if (pendingSeen.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new HashMap<>();
        for (String username : List.copyOf(pendingSeen.keySet())) {
            Instant at = pendingSeen.remove(username);
            if (at != null) {
                batch.put(username, at);
            }
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO last_seen (username, last_seen_at) VALUES (?, ?) ON CONFLICT (username)"
                             + " DO UPDATE SET last_seen_at = GREATEST(last_seen.last_seen_at,"
                             + " EXCLUDED.last_seen_at)")) {
            for (Map.Entry<String, Instant> entry : batch.entrySet()) {
                upsert.setString(1, entry.getKey());
                upsert.setTimestamp(2, Timestamp.from(entry.getValue()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            // Put them back (keeping any newer time) so the next flush retries.
            batch.forEach((username, at) -> pendingSeen.merge(username, at,
                    (newer, older) -> newer.isAfter(older) ? newer : older));
            throw e;
        }
    }

    /** Re-reads every explicit choice, including those made on other nodes. */
    public void reload() throws SQLException {
        Map<String, LastSeenVisibility> loaded = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT username, visibility FROM last_seen WHERE visibility IS NOT NULL");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                loaded.put(rows.getString(1), LastSeenVisibility.valueOf(rows.getString(2)));
            }
        }
        chosen = Map.copyOf(loaded);
        // A choice made here after the SELECT stays until a reload has seen it.
        chosenHere.entrySet().removeIf(entry -> entry.getValue() == loaded.get(entry.getKey()));
    }

    /** Forgets a deleted account. */
    public void remove(String username) throws SQLException {
        pendingSeen.remove(username);
        chosenHere.remove(username);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM last_seen WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        }
    }
}
