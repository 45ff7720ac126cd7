package io.chatapp.plugin.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows left by a previous process: one the database refuses for its data is skipped, any other failure thrown. */
class RefusedRowsTest {

    private final List<List<String>> attempts = new ArrayList<>();
    private final List<String> written = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    /** Writes all or nothing, like a transaction; refuses "big" for its size and fails on "down". */
    private void write(List<String> rows) throws SQLException {
        attempts.add(rows);
        if (rows.contains("down")) {
            throw new SQLException("connection lost", "08006");
        }
        if (rows.contains("big")) {
            throw new SQLException("index row requires 262184 bytes, maximum size is 8191", "54000");
        }
        written.addAll(rows);
    }

    @Test
    void rowsTheDatabaseTakesAreWrittenInOneGo() throws SQLException {
        RefusedRows.writeSkippingRefused(List.of("a", "b"), this::write, (row, cause) -> skipped.add(row));
        assertThat(attempts).containsExactly(List.of("a", "b"));
        assertThat(written).containsExactly("a", "b");
    }

    @Test
    void aRefusedRowIsSkippedAndTheOthersWrittenInOrder() throws SQLException {
        RefusedRows.writeSkippingRefused(List.of("a", "big", "c"), this::write, (row, cause) -> skipped.add(row));
        assertThat(written).containsExactly("a", "c");
        assertThat(skipped).containsExactly("big");
    }

    @Test
    void aDatabaseThatIsAwayIsThrownNotSkipped() {
        assertThatThrownBy(() -> RefusedRows.writeSkippingRefused(List.of("a", "down"), this::write,
                (row, cause) -> skipped.add(row))).isInstanceOf(SQLException.class).hasMessage("connection lost");
        assertThatThrownBy(() -> RefusedRows.writeSkippingRefused(List.of("big", "down"), this::write,
                (row, cause) -> skipped.add(row))).hasMessage("connection lost");
        assertThat(written).isEmpty();
    }
}
