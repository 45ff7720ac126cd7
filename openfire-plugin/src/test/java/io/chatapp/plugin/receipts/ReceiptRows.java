package io.chatapp.plugin.receipts;

import io.chatapp.plugin.testing.EmbeddedDatabase;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/** What receipts tests read back: the rows of {@code message_delivery} and {@code read_mark}, times as instants. */
final class ReceiptRows {

    private final EmbeddedDatabase postgres;
    private final String schema;

    ReceiptRows(EmbeddedDatabase postgres, String schema) {
        this.postgres = postgres;
        this.schema = schema;
    }

    /** Each delivery as (message id, recipient, delivered at), in that order. */
    List<List<Object>> deliveries() throws SQLException {
        return rows("SELECT message_id, recipient, delivered_at FROM message_delivery ORDER BY message_id, recipient");
    }

    /** Each read mark as (reader, peer, up to id, read at), in that order. */
    List<List<Object>> readMarks() throws SQLException {
        return rows("SELECT reader, peer, up_to_id, read_at FROM read_mark ORDER BY reader, peer, up_to_id");
    }

    List<List<Object>> rows(String sql) throws SQLException {
        return postgres.query(sql.replace(" FROM ", " FROM " + schema + ".")).stream()
                .map(row -> row.stream().map(value -> value instanceof java.sql.Timestamp timestamp
                        ? (Object) timestamp.toInstant() : value instanceof OffsetDateTime time
                        ? (Object) time.toInstant() : value).toList())
                .toList();
    }
}
