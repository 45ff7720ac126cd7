package io.chatapp.plugin.groups.openfire;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Migration V13 fills {@code archive_message.group_sender} for group messages archived before it from the stanza
 * {@link GroupArchive} stored: the real sender of each member's message (not one a client forged into its own
 * {@code muc#user} item, nor text in a body), nothing for a room's own events or one-to-one rows.
 */
class GroupSenderBackfillTest {

    private static final String ROOM = "g1@groups.example.com";

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private final String schema = "backfill_" + System.nanoTime();
    private final Database database = Database.open(postgres.settings(schema));

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theMigrationReadsEachGroupMessagesRealSenderFromItsStoredStanza() throws Exception {
        Message plain = new Message();
        plain.setBody("hello");
        Message forged = new Message();
        forged.setBody("<x xmlns=\"http://jabber.org/protocol/muc#user\"><item jid=\"body@example.com\"/></x>");
        forged.addChildElement("x", GroupOccupants.MUC_USER).addElement("item").addAttribute("jid",
                "forged@example.com");
        Message event = new Message();
        event.setFrom(new JID(ROOM));
        event.setBody("carol was added");

        try (Connection connection = database.dataSource().getConnection()) {
            insert(connection, 1, ROOM, ROOM, GroupArchive.storedXml(plain, ROOM, "alice@example.com", null));
            insert(connection, 2, ROOM, ROOM, GroupArchive.storedXml(forged, ROOM, "bob@example.com", "Bobby"));
            insert(connection, 3, ROOM, ROOM, event.toXML());
            insert(connection, 4, "alice@example.com", "bob@example.com", plain.toXML());
            try (Statement statement = connection.createStatement()) {
                statement.execute(v13Backfill());
            }
        }

        assertThat(postgres.query("SELECT id, group_sender FROM " + schema + ".archive_message ORDER BY id"))
                .containsExactly(List.of(1L, "alice@example.com"), List.of(2L, "bob@example.com"),
                        Arrays.asList(3L, null), Arrays.asList(4L, null));
    }

    /** A row as archived before V13 (no group_sender). */
    private static void insert(Connection connection, long id, String sender, String recipient, String stanza)
            throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO archive_message (id, sender,"
                + " recipient, message_id, client_ref, stanza) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, sender);
            insert.setString(3, recipient);
            insert.setString(4, "m-" + id);
            insert.setString(5, "m-" + id);
            insert.setString(6, stanza);
            insert.executeUpdate();
        }
    }

    /** The migration's own UPDATE, as shipped (so this tests what runs on an upgrade, not a copy of it). */
    private static String v13Backfill() throws IOException {
        try (InputStream in = GroupSenderBackfillTest.class.getResourceAsStream(
                "/io/chatapp/plugin/storage/db/V13__group_unread_story_push.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> s.startsWith("UPDATE")).findFirst()
                    .orElseThrow();
        }
    }
}
