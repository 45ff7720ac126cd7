package io.chatapp.plugin.storage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that is away (down, unreachable, restarting, out of connections) from a request that failed. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Whether {@code failure} (or one of its causes) says the database could not be reached or used at all: no
     * connection from the pool in time, a connection lost, PostgreSQL shutting down or starting up. Such a failure
     * is temporary and not the client's doing: HTTP answers it with 503 and {@code Retry-After}.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} says the database refuses the rows themselves, which no retry can fix: SQLSTATE class
     * 22 (data exception: a value too long, out of range, malformed), 23 (integrity constraint violation) and 54
     * (program limit exceeded: a value too large for an index entry, "index row size … exceeds maximum"). A batch
     * writer skips such an item rather than retrying it, and every item behind it, for ever.
     */
    public static boolean isRefusedData(Throwable failure) {
        String state = failure instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
    }
}
