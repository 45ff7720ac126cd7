package io.chatapp.plugin.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is away" (HTTP 503 with Retry-After) rather than a bug (500). */
class DatabaseFailuresTest {

    @Test
    void aDatabaseThatIsAwayIsUnavailable() {
        // HikariCP's "Connection is not available, request timed out", wrapped as routes see it.
        assertThat(DatabaseFailures.isUnavailable(new CompletionException(new StorageException("lookup failed",
                new SQLTransientConnectionException("Connection is not available"))))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("starting up", "57P03"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseFailures.isUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("no state"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(null)).isFalse();
    }

    @Test
    void rowsTheDatabaseRefusesForWhatTheyAreAreRefusedData() {
        assertThat(DatabaseFailures.isRefusedData(new SQLException("value too long", "22001"))).isTrue();
        assertThat(DatabaseFailures.isRefusedData(new SQLException("duplicate key", "23505"))).isTrue();
        assertThat(DatabaseFailures.isRefusedData(new SQLException("index row requires 262184 bytes", "54000")))
                .isTrue();
        assertThat(DatabaseFailures.isRefusedData(new SQLException("I/O error", "08006"))).isFalse();
        assertThat(DatabaseFailures.isRefusedData(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseFailures.isRefusedData(new IllegalStateException("bug"))).isFalse();
    }
}
