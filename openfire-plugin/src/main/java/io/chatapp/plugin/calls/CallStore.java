package io.chatapp.plugin.calls;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/** The {@code call_log} table (migration V11): the writer's upserts and the log's reads. */
final class CallStore {

    private static final String UPSERT = "INSERT INTO call_log (call_id, caller, callee, video, proposed_at,"
            + " answered_at, ended_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (call_id, caller, callee) DO UPDATE SET answered_at = EXCLUDED.answered_at,"
            + " ended_at = EXCLUDED.ended_at, state = EXCLUDED.state"
            // An ended call stays as it ended: another node that adopted the same call at start (and so ends it as
            // failed a day later) or a replayed propose must not rewrite it.
            + " WHERE call_log.state IN ('ringing', 'ongoing')";
    private static final String COLUMNS = "SELECT id, call_id, caller, callee, video, proposed_at, answered_at,"
            + " ended_at, state, missed_seen FROM call_log";
    private static final String MISSED = "state IN ('cancelled', 'unanswered')";

    private final DataSource dataSource;

    CallStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the calls' latest states, in order, in one transaction. */
    void write(List<CallRecord> changes) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (CallRecord call : changes) {
                    upsert.setString(1, call.callId());
                    upsert.setString(2, call.caller());
                    upsert.setString(3, call.callee());
                    upsert.setBoolean(4, call.video());
                    upsert.setTimestamp(5, Timestamp.from(call.proposedAt()));
                    upsert.setTimestamp(6, timestamp(call.answeredAt()));
                    upsert.setTimestamp(7, timestamp(call.endedAt()));
                    upsert.setString(8, call.state().stored());
                    // One statement per change: a batch may hold two states of one call, in order.
                    upsert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Up to {@code limit} entries of {@code user}'s log, newest first, within the request's cursor. */
    List<CallLogEntry> page(String user, CallPageRequest request, int limit) throws SQLException {
        boolean newer = request.before() != null;
        String cursor = request.after() != null ? " AND id < ?" : newer ? " AND id > ?" : "";
        String sql = COLUMNS + " WHERE caller = ?" + cursor + " UNION ALL " + COLUMNS + " WHERE callee = ?"
                + " AND caller <> callee" + cursor + " ORDER BY id " + (newer ? "ASC" : "DESC") + " LIMIT ?";
        Long bound = request.after() != null ? request.after() : request.before();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (int part = 0; part < 2; part++) {
                statement.setString(index++, user);
                if (bound != null) {
                    statement.setLong(index++, bound);
                }
            }
            statement.setInt(index, limit);
            List<CallLogEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows, user));
                }
            }
            if (newer) {
                Collections.reverse(entries);
            }
            return entries;
        }
    }

    int unseenMissed(String user) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM call_log"
                     + " WHERE callee = ? AND NOT missed_seen AND " + MISSED)) {
            statement.setString(1, user);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Marks every missed call of {@code user} seen; returns how many were unseen. */
    int markMissedSeen(String user) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE call_log SET missed_seen = TRUE"
                     + " WHERE callee = ? AND NOT missed_seen AND " + MISSED)) {
            statement.setString(1, user);
            return statement.executeUpdate();
        }
    }

    /**
     * Ends as unanswered the calls still ringing that were proposed before {@code proposedBefore}: those no tracker
     * follows any more (the plugin restarted while they rang). Returns how many.
     */
    int endStaleRinging(Instant proposedBefore, Instant endedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE call_log SET state = ?, ended_at = ?"
                     + " WHERE state = ? AND proposed_at < ?")) {
            statement.setString(1, CallState.UNANSWERED.stored());
            statement.setTimestamp(2, Timestamp.from(endedAt));
            statement.setString(3, CallState.RINGING.stored());
            statement.setTimestamp(4, Timestamp.from(proposedBefore));
            return statement.executeUpdate();
        }
    }

    /**
     * The calls logged as answered and not yet ended whose answer came after {@code answeredAfter}: those a previous
     * run of the plugin followed when it stopped, for the tracker to follow again.
     */
    List<CallRecord> ongoing(Instant answeredAfter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(COLUMNS + " WHERE state = ?"
                     + " AND answered_at >= ?")) {
            statement.setString(1, CallState.ONGOING.stored());
            statement.setTimestamp(2, Timestamp.from(answeredAfter));
            List<CallRecord> calls = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    calls.add(record(rows));
                }
            }
            return calls;
        }
    }

    /**
     * Ends as failed, at their answer ({@link CallRecord#abandoned()}), the calls still logged as answered and not
     * ended whose answer came before {@code answeredBefore}: those no tracker follows any more (a previous run left
     * them open and this one could not adopt them). Returns how many.
     */
    int endAbandoned(Instant answeredBefore) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE call_log SET state = ?,"
                     + " ended_at = answered_at WHERE state = ? AND answered_at < ?")) {
            statement.setString(1, CallState.FAILED.stored());
            statement.setString(2, CallState.ONGOING.stored());
            statement.setTimestamp(3, Timestamp.from(answeredBefore));
            return statement.executeUpdate();
        }
    }

    private static CallLogEntry entry(ResultSet row, String viewer) throws SQLException {
        return CallLogEntry.of(row.getLong("id"), record(row), row.getBoolean("missed_seen"), viewer);
    }

    private static CallRecord record(ResultSet row) throws SQLException {
        return new CallRecord(row.getString("call_id"), row.getString("caller"), row.getString("callee"),
                row.getBoolean("video"), instant(row.getTimestamp("proposed_at")),
                instant(row.getTimestamp("answered_at")), instant(row.getTimestamp("ended_at")),
                CallState.ofStored(row.getString("state")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
