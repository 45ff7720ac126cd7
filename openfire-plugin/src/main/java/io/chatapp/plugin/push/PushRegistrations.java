package io.chatapp.plugin.push;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * Every device's push registration, kept in PostgreSQL and held in memory for the packet threads (reloaded
 * periodically, for registrations made on other nodes). Writes run on the feature's executor and change memory once
 * stored, so an enable is answered only when it is durable.
 */
public final class PushRegistrations {

    private final DataSource dataSource;
    private final Executor executor;
    private final Clock clock;
    private final int maxPerUser;
    private volatile Map<String, List<PushRegistration>> byUser = new ConcurrentHashMap<>();
    /** Counts changes made here, so that a reload that raced with one does not put back what it read before it. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    public PushRegistrations(DataSource dataSource, Executor executor, Clock clock, int maxPerUser) {
        this.dataSource = dataSource;
        this.executor = executor;
        this.clock = clock;
        this.maxPerUser = maxPerUser;
    }

    /** The user's registrations; from memory. */
    public List<PushRegistration> of(String username) {
        return byUser.getOrDefault(username, List.of());
    }

    /** Reads every registration from the database. */
    public void reload() throws SQLException {
        long changesBefore = changes.get();
        Map<String, List<PushRegistration>> loaded = new ConcurrentHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT username, resource, service, node,"
                     + " publish_options FROM push_registration ORDER BY enabled_at");
             ResultSet rows = select.executeQuery()) {
            Map<String, List<PushRegistration>> lists = new HashMap<>();
            while (rows.next()) {
                lists.computeIfAbsent(rows.getString(1), user -> new ArrayList<>()).add(new PushRegistration(
                        rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5)));
            }
            lists.forEach((user, list) -> loaded.put(user, List.copyOf(list)));
        }
        synchronized (this) {
            // A change made here meanwhile may be missing from what was read: keep memory, the next reload catches up.
            if (changes.get() == changesBefore) {
                byUser = loaded;
            }
        }
    }

    /**
     * Stores the registration, replacing the user's earlier one at the same app server and node (a device enabling
     * again, e.g. with a new secret). Fails with {@link TooManyRegistrationsException} past the per-user limit; a
     * registration whose key does not fit ({@link PushRegistration#keyFits}) is an {@link IllegalArgumentException}.
     */
    public CompletableFuture<Void> enable(PushRegistration registration) {
        if (!registration.keyFits()) {
            throw new IllegalArgumentException("the app server and node are too long: at most "
                    + PushRegistration.MAX_KEY_BYTES + " bytes with the user name");
        }
        return CompletableFuture.runAsync(() -> {
            List<PushRegistration> current = of(registration.username());
            boolean replaces = current.stream().anyMatch(r -> r.isAt(registration.service(), registration.node()));
            if (!replaces && current.size() >= maxPerUser) {
                throw new TooManyRegistrationsException(maxPerUser);
            }
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement upsert = connection.prepareStatement("INSERT INTO push_registration (username,"
                         + " resource, service, node, publish_options, enabled_at) VALUES (?, ?, ?, ?, ?, ?)"
                         + " ON CONFLICT (username, service, node) DO UPDATE SET resource = EXCLUDED.resource,"
                         + " publish_options = EXCLUDED.publish_options, enabled_at = EXCLUDED.enabled_at")) {
                upsert.setString(1, registration.username());
                upsert.setString(2, registration.resource());
                upsert.setString(3, registration.service());
                upsert.setString(4, registration.node());
                upsert.setString(5, registration.publishOptions());
                upsert.setTimestamp(6, Timestamp.from(clock.instant()));
                upsert.executeUpdate();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
            update(registration.username(), list -> {
                list.removeIf(r -> r.isAt(registration.service(), registration.node()));
                list.add(registration);
            });
        }, executor);
    }

    /**
     * Removes the user's registrations at the app server (only the one node, or every node there when
     * {@code node} is null); another user's registrations are never touched. Completes with how many went.
     */
    public CompletableFuture<Integer> disable(String username, String service, String node) {
        return CompletableFuture.supplyAsync(() -> {
            int removed;
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM push_registration WHERE"
                         + " username = ? AND service = ? AND (CAST(? AS TEXT) IS NULL OR node = ?)")) {
                delete.setString(1, username);
                delete.setString(2, service);
                delete.setString(3, node);
                delete.setString(4, node);
                removed = delete.executeUpdate();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
            update(username, list -> list.removeIf(r -> r.isAt(service, node)));
            return removed;
        }, executor);
    }

    /** Removes a deleted account's registrations. */
    public void removeAccount(String username) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM push_registration WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        }
        update(username, List::clear);
    }

    private synchronized void update(String username, java.util.function.Consumer<List<PushRegistration>> change) {
        changes.incrementAndGet();
        List<PushRegistration> list = new ArrayList<>(of(username));
        change.accept(list);
        if (list.isEmpty()) {
            byUser.remove(username);
        } else {
            byUser.put(username, List.copyOf(list));
        }
    }
}
