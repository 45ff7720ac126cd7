package io.chatapp.plugin.accounts;

import io.chatapp.plugin.auth.AccountStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The plugin's own record of accounts (table {@code account}): when they registered and last logged in, whether an
 * administrator disabled them, and since when their access tokens count.
 *
 * <p>Token verification and SASL logins ask about every account, so the disabled accounts and token cut-offs are held
 * in memory; changes made here update memory at once, and {@link #reload()} (run periodically) brings in changes made
 * by other nodes. Logins are noted in memory and written in batches by {@link #flushLogins()}, so a login never waits
 * for the database.
 */
public final class AccountDirectory implements AccountStatus {

    private final DataSource dataSource;
    private final Clock clock;
    private final Object writes = new Object();
    private volatile Map<String, Instant> disabled = Map.of();
    private volatile Map<String, Instant> validAfter = Map.of();
    private final Map<String, Instant> pendingLogins = new ConcurrentHashMap<>();

    public AccountDirectory(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public boolean isDisabled(String username) {
        return disabled.containsKey(username);
    }

    @Override
    public Instant tokensValidAfter(String username) {
        return validAfter.getOrDefault(username, Instant.MIN);
    }

    @Override
    public void loggedIn(String username) {
        pendingLogins.put(username, clock.instant());
    }

    /**
     * Records an account created through the plugin. Should the name have belonged to a deleted account, its
     * tombstone's token cut-off stays, so that account's unexpired access tokens cannot open the new one.
     */
    public void registered(String username) throws SQLException {
        synchronized (writes) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            update("INSERT INTO account (username, registered_at, first_seen_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (username) DO UPDATE SET"
                    + " registered_at = EXCLUDED.registered_at, first_seen_at = EXCLUDED.first_seen_at,"
                    + " disabled_at = NULL, last_login_at = NULL, deleted_at = NULL", username, now, now);
            disabled = without(disabled, username);
        }
    }

    /** Writes the logins noted since the last flush. */
    public void flushLogins() throws SQLException {
        if (pendingLogins.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new HashMap<>();
        for (String username : List.copyOf(pendingLogins.keySet())) {
            Instant at = pendingLogins.remove(username);
            if (at != null) {
                batch.put(username, at);
            }
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO account (username, first_seen_at, last_login_at) VALUES (?, ?, ?)"
                             // A login noted before another node deleted the account must not revive it.
                             + " ON CONFLICT (username) DO UPDATE SET last_login_at ="
                             + " GREATEST(account.last_login_at, EXCLUDED.last_login_at)"
                             + " WHERE account.deleted_at IS NULL")) {
            for (Map.Entry<String, Instant> login : batch.entrySet()) {
                upsert.setString(1, login.getKey());
                upsert.setTimestamp(2, Timestamp.from(login.getValue()));
                upsert.setTimestamp(3, Timestamp.from(login.getValue()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Disables the account and cuts off its access tokens. */
    public void disable(String username) throws SQLException {
        synchronized (writes) {
            Instant now = clock.instant();
            Instant cutOff = nextWholeSecond();
            update("INSERT INTO account (username, first_seen_at, disabled_at, tokens_valid_after)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET"
                    + " disabled_at = EXCLUDED.disabled_at,"
                    + " tokens_valid_after = GREATEST(account.tokens_valid_after, EXCLUDED.tokens_valid_after)",
                    username, now, now, cutOff);
            disabled = with(disabled, username, now);
            validAfter = with(validAfter, username, cutOff);
        }
    }

    /** Enables the account again; tokens cut off while it was disabled stay refused. */
    public void enable(String username) throws SQLException {
        synchronized (writes) {
            update("UPDATE account SET disabled_at = NULL WHERE username = ?", username);
            disabled = without(disabled, username);
        }
    }

    /**
     * Refuses every access token of the user issued until now, and returns the instant from which new tokens count.
     * Token times are whole seconds, so the cut-off is the next whole second: a token issued earlier within this
     * second is refused too, and a caller that hands out fresh tokens at once must wait for the cut-off first.
     */
    public Instant cutOffTokens(String username) throws SQLException {
        synchronized (writes) {
            Instant cutOff = nextWholeSecond();
            update("INSERT INTO account (username, first_seen_at, tokens_valid_after) VALUES (?, ?, ?)"
                    + " ON CONFLICT (username) DO UPDATE SET"
                    + " tokens_valid_after = GREATEST(account.tokens_valid_after, EXCLUDED.tokens_valid_after)",
                    username, clock.instant(), cutOff);
            validAfter = with(validAfter, username, cutOff);
            return cutOff;
        }
    }

    private Instant nextWholeSecond() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    /**
     * Forgets the account (it has been deleted), keeping only a tombstone that refuses its access tokens until they
     * have all expired; {@link #purgeTombstones} removes it after that.
     */
    public void remove(String username) throws SQLException {
        synchronized (writes) {
            pendingLogins.remove(username);
            Instant now = clock.instant();
            // Rounded up: every token of the deleted account, even one issued this very second, is refused.
            Instant cutOff = nextWholeSecond();
            update("INSERT INTO account (username, first_seen_at, tokens_valid_after, deleted_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET registered_at = NULL,"
                    + " first_seen_at = EXCLUDED.first_seen_at, last_login_at = NULL, disabled_at = NULL,"
                    + " tokens_valid_after = GREATEST(account.tokens_valid_after, EXCLUDED.tokens_valid_after),"
                    + " deleted_at = EXCLUDED.deleted_at",
                    username, now, cutOff, now);
            disabled = without(disabled, username);
            validAfter = with(validAfter, username, cutOff);
        }
    }

    /** Removes tombstones older than the given age (the longest an access token can live). */
    public int purgeTombstones(java.time.Duration age) throws SQLException {
        return update("DELETE FROM account WHERE deleted_at IS NOT NULL AND deleted_at < ?", clock.instant().minus(age));
    }

    /** Reads the disabled accounts and token cut-offs set by any node. */
    public void reload() throws SQLException {
        synchronized (writes) {
            Map<String, Instant> newDisabled = new HashMap<>();
            Map<String, Instant> newValidAfter = new HashMap<>();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT username, disabled_at, tokens_valid_after FROM account"
                                 + " WHERE disabled_at IS NOT NULL OR tokens_valid_after IS NOT NULL");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Timestamp disabledAt = rows.getTimestamp(2);
                    Timestamp cutOff = rows.getTimestamp(3);
                    if (disabledAt != null) {
                        newDisabled.put(rows.getString(1), disabledAt.toInstant());
                    }
                    if (cutOff != null) {
                        newValidAfter.put(rows.getString(1), cutOff.toInstant());
                    }
                }
            }
            disabled = Map.copyOf(newDisabled);
            validAfter = Map.copyOf(newValidAfter);
        }
    }

    public Optional<AccountRecord> find(String username) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(SELECT
                     + " WHERE deleted_at IS NULL AND username = ?")) {
            query.setString(1, username);
            List<AccountRecord> found = read(query);
            return found.stream().findFirst();
        }
    }

    /** A page of accounts whose name contains {@code search} (all when null), in name order. */
    public List<AccountRecord> list(String search, int offset, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(SELECT
                     + " WHERE deleted_at IS NULL AND strpos(username, ?) > 0 ORDER BY username OFFSET ? LIMIT ?")) {
            query.setString(1, search == null ? "" : search);
            query.setInt(2, offset);
            query.setInt(3, limit);
            return read(query);
        }
    }

    public int count(String search) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM account WHERE deleted_at IS NULL AND strpos(username, ?) > 0")) {
            query.setString(1, search == null ? "" : search);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static final String SELECT =
            "SELECT username, registered_at, first_seen_at, last_login_at, disabled_at FROM account";

    /** Runs one statement; parameters are strings or instants. */
    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Instant instant) {
                    statement.setTimestamp(i + 1, Timestamp.from(instant));
                } else {
                    statement.setString(i + 1, (String) parameters[i]);
                }
            }
            return statement.executeUpdate();
        }
    }

    private static List<AccountRecord> read(PreparedStatement query) throws SQLException {
        List<AccountRecord> records = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                records.add(new AccountRecord(rows.getString(1), instant(rows.getTimestamp(2)),
                        instant(rows.getTimestamp(3)), instant(rows.getTimestamp(4)), instant(rows.getTimestamp(5))));
            }
        }
        return records;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Map<String, Instant> with(Map<String, Instant> map, String key, Instant value) {
        Map<String, Instant> copy = new HashMap<>(map);
        // Cut-offs only move forward (a disable and a forced logout in one second must not undo each other).
        copy.merge(key, value, (old, next) -> next.isAfter(old) ? next : old);
        return Map.copyOf(copy);
    }

    private static Map<String, Instant> without(Map<String, Instant> map, String key) {
        if (!map.containsKey(key)) {
            return map;
        }
        Map<String, Instant> copy = new HashMap<>(map);
        copy.remove(key);
        return Map.copyOf(copy);
    }
}
