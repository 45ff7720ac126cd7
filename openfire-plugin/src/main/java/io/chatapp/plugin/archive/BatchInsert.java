package io.chatapp.plugin.archive;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** How a batch of messages goes into {@code archive_message}, inside the writer's transaction. */
interface BatchInsert {

    /**
     * Inserts the batch. {@code retry} is true when an earlier attempt may have been committed without the writer
     * hearing of it, so rows already there must be skipped rather than fail the batch.
     */
    void write(Connection connection, List<NewMessage> batch, boolean retry) throws SQLException;

    /** The insert the writer uses: COPY first, UNNEST with ON CONFLICT on retries (see docs/benchmarks.md). */
    static BatchInsert standard() {
        return new Copy();
    }

    /**
     * One INSERT of six arrays unnested into rows: one statement and one round trip whatever the batch size, and the
     * only form here that can skip rows already present ({@code ON CONFLICT DO NOTHING}).
     */
    final class Unnest implements BatchInsert {

        static final String SQL = "INSERT INTO archive_message (id, sender, recipient, message_id, client_ref, stanza,"
                + " group_sender) SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[])"
                + " ON CONFLICT (id) DO NOTHING";

        @Override
        public void write(Connection connection, List<NewMessage> batch, boolean retry) throws SQLException {
            int n = batch.size();
            Long[] ids = new Long[n];
            String[] senders = new String[n];
            String[] recipients = new String[n];
            String[] messageIds = new String[n];
            String[] clientRefs = new String[n];
            String[] stanzas = new String[n];
            String[] groupSenders = new String[n];
            for (int i = 0; i < n; i++) {
                NewMessage message = batch.get(i);
                ids[i] = message.id();
                senders[i] = message.sender();
                recipients[i] = message.recipient();
                messageIds[i] = message.messageId();
                clientRefs[i] = message.clientRef();
                stanzas[i] = message.stanzaXml();
                groupSenders[i] = message.groupSender();
            }
            try (PreparedStatement insert = connection.prepareStatement(SQL)) {
                Array[] arrays = {connection.createArrayOf("bigint", ids), connection.createArrayOf("text", senders),
                        connection.createArrayOf("text", recipients), connection.createArrayOf("text", messageIds),
                        connection.createArrayOf("text", clientRefs), connection.createArrayOf("text", stanzas),
                        connection.createArrayOf("text", groupSenders)};
                for (int i = 0; i < arrays.length; i++) {
                    insert.setArray(i + 1, arrays[i]);
                }
                insert.executeUpdate();
            }
        }
    }

    /**
     * COPY in PostgreSQL's text format, rows encoded here straight into UTF-8 bytes: the cheapest way in for the
     * server (no statement to plan, no array to parse). It cannot skip existing rows, so retries go through
     * {@link Unnest}.
     */
    final class Copy implements BatchInsert {

        static final String SQL = "COPY archive_message (id, sender, recipient, message_id, client_ref, stanza,"
                + " group_sender) FROM STDIN";
        private final BatchInsert onRetry = new Unnest();

        @Override
        public void write(Connection connection, List<NewMessage> batch, boolean retry) throws SQLException {
            // COPY needs our (relocated) driver's API. DriverManager may hand the pool another PostgreSQL driver's
            // connection (e.g. Openfire's own, registered first); then the portable UNNEST insert does the work.
            if (retry || !connection.isWrapperFor(PGConnection.class)) {
                onRetry.write(connection, batch, retry);
                return;
            }
            CopyRows rows = new CopyRows(batch.size() * 512);
            for (NewMessage message : batch) {
                rows.number(message.id());
                rows.text(message.sender());
                rows.text(message.recipient());
                rows.text(message.messageId());
                rows.text(message.clientRef());
                rows.text(message.stanzaXml());
                rows.lastText(message.groupSender());
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
            try {
                copy.writeToCopy(rows.bytes(), 0, rows.length());
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }

    /** A growing buffer of COPY text-format rows: tab-separated, newline-terminated, {@code \N} for NULL. */
    final class CopyRows {

        private byte[] buffer;
        private int length;

        CopyRows(int initialCapacity) {
            buffer = new byte[Math.max(initialCapacity, 64)];
        }

        byte[] bytes() {
            return buffer;
        }

        int length() {
            return length;
        }

        void number(long value) {
            ensure(20 + 1);
            String digits = Long.toString(value);
            for (int i = 0; i < digits.length(); i++) {
                buffer[length++] = (byte) digits.charAt(i);
            }
            buffer[length++] = '\t';
        }

        void text(String value) {
            field(value);
            buffer[length++] = '\t';
        }

        void lastText(String value) {
            field(value);
            buffer[length++] = '\n';
        }

        /** Writes the value UTF-8 encoded with COPY's escapes, leaving room for one separator byte. */
        private void field(String value) {
            if (value == null) {
                ensure(3);
                buffer[length++] = '\\';
                buffer[length++] = 'N';
                return;
            }
            // At most 3 bytes per UTF-16 unit (a surrogate pair is 4 bytes for 2 units), escapes at most 2 per char.
            ensure(value.length() * 3 + 1);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x80) {
                    switch (c) {
                        case '\\' -> escape('\\');
                        case '\t' -> escape('t');
                        case '\n' -> escape('n');
                        case '\r' -> escape('r');
                        default -> buffer[length++] = (byte) c;
                    }
                } else if (c < 0x800) {
                    buffer[length++] = (byte) (0xC0 | (c >> 6));
                    buffer[length++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int code = Character.toCodePoint(c, value.charAt(++i));
                    buffer[length++] = (byte) (0xF0 | (code >> 18));
                    buffer[length++] = (byte) (0x80 | ((code >> 12) & 0x3F));
                    buffer[length++] = (byte) (0x80 | ((code >> 6) & 0x3F));
                    buffer[length++] = (byte) (0x80 | (code & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    // A lone surrogate cannot be encoded: store U+FFFD as String.getBytes would.
                    buffer[length++] = (byte) 0xEF;
                    buffer[length++] = (byte) 0xBF;
                    buffer[length++] = (byte) 0xBD;
                } else {
                    buffer[length++] = (byte) (0xE0 | (c >> 12));
                    buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    buffer[length++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }

        private void escape(char c) {
            buffer[length++] = '\\';
            buffer[length++] = (byte) c;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }

    /** For tests: the bytes as a string. */
    static String decode(CopyRows rows) {
        return new String(rows.bytes(), 0, rows.length(), StandardCharsets.UTF_8);
    }
}
