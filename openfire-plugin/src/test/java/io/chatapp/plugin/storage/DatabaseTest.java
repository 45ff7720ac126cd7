package io.chatapp.plugin.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.config.SettingsSource;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.Threads;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Database#open} against a real PostgreSQL: schema creation, migration and failure handling. */
class DatabaseTest {

    private static final String POOL_THREADS = "chatapp-db";

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    @AfterEach
    void noPoolIsLeftRunning() {
        assertThat(Threads.awaitGone(POOL_THREADS, Duration.ofSeconds(5))).isEmpty();
    }

    private static Settings settings(String schema, Map<String, String> overrides) {
        Map<String, String> values = postgres.properties(schema);
        values.putAll(overrides);
        return Settings.read(SettingsSource.of(values));
    }

    private static boolean tableExists(String schema, String table) throws SQLException {
        return !postgres.query("SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
                schema, table).isEmpty();
    }

    private static boolean schemaExists(String schema) throws SQLException {
        return !postgres.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?", schema).isEmpty();
    }

    private static List<Object> versions(String schema) throws SQLException {
        return postgres.query("SELECT version FROM " + schema + ".schema_version ORDER BY version").stream()
                .map(row -> row.get(0)).toList();
    }

    @Test
    void openCreatesTheSchemaAndAppliesV1() throws SQLException {
        assertThat(schemaExists("db_open")).isFalse();

        try (Database database = Database.open(postgres.settings("db_open"))) {
            assertThat(database.schema()).isEqualTo("db_open");
            assertThat(schemaExists("db_open")).isTrue();
            assertThat(tableExists("db_open", "plugin_node")).isTrue();
            assertThat(versions("db_open")).startsWith(1);
            assertThat(tableExists("public", "plugin_node")).isFalse();
            assertThat(tableExists("public", "schema_version")).isFalse();
        }
    }

    @Test
    void connectionsOfTheDataSourceWorkInThePluginSchema() throws SQLException {
        try (Database database = Database.open(postgres.settings("db_search_path"))) {
            new PluginNodes(database.dataSource()).register("node-a", "1.2.3");
            new PluginNodes(database.dataSource()).register("node-a", "1.2.4");

            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("db_search_path");
            }
        }
        assertThat(postgres.query("SELECT node_id, plugin_version FROM db_search_path.plugin_node"))
                .containsExactly(List.of("node-a", "1.2.4"));
    }

    @Test
    void openingTwiceAppliesNothingTheSecondTime() throws SQLException {
        try (Database first = Database.open(postgres.settings("db_twice"))) {
            assertThat(first.isReachable(2)).isTrue();
        }
        List<List<Object>> before = postgres.query("SELECT version, checksum, applied_at FROM db_twice.schema_version");

        try (Database second = Database.open(postgres.settings("db_twice"))) {
            assertThat(new SchemaMigrator(second.dataSource(), second.schema()).migrate()).isEmpty();
        }

        assertThat(postgres.query("SELECT version, checksum, applied_at FROM db_twice.schema_version")).isEqualTo(before);
    }

    @Test
    void dataSurvivesReopening() throws SQLException {
        try (Database first = Database.open(postgres.settings("db_keep"))) {
            new PluginNodes(first.dataSource()).register("node-1", "1.0");
        }
        try (Database second = Database.open(postgres.settings("db_keep"))) {
            assertThat(postgres.query("SELECT node_id FROM db_keep.plugin_node")).containsExactly(List.of("node-1"));
        }
    }

    @Test
    void twoSchemasAreIndependent() throws SQLException {
        try (Database a = Database.open(postgres.settings("db_tenant_a"));
             Database b = Database.open(postgres.settings("db_tenant_b"))) {
            new PluginNodes(a.dataSource()).register("only-in-a", "1.0");

            assertThat(postgres.query("SELECT node_id FROM db_tenant_a.plugin_node")).containsExactly(List.of("only-in-a"));
            assertThat(postgres.query("SELECT node_id FROM db_tenant_b.plugin_node")).isEmpty();
            assertThat(versions("db_tenant_a")).isEqualTo(versions("db_tenant_b"));
        }

        postgres.execute("UPDATE db_tenant_a.schema_version SET checksum = 'x'");
        assertThatThrownBy(() -> Database.open(postgres.settings("db_tenant_a")))
                .isInstanceOf(StorageException.class);
        try (Database b = Database.open(postgres.settings("db_tenant_b"))) {
            assertThat(b.isReachable(2)).isTrue();
        }
    }

    @Test
    void changedChecksumMakesTheNextOpenFailNamingTheMigration() {
        try (Database database = Database.open(postgres.settings("db_tampered"))) {
            assertThat(database.isReachable(2)).isTrue();
        }
        postgres.execute("UPDATE db_tampered.schema_version SET checksum = 'x' WHERE version = 1");

        assertThatThrownBy(() -> Database.open(postgres.settings("db_tampered")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("V1")
                .hasMessageContaining("db_tampered");
    }

    private static Settings wrongPassword() {
        return settings("db_wrong_password", Map.of("chatapp.db.password", "not-the-password"));
    }

    private static Settings unreachable() {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        return settings("db_unreachable", Map.of("chatapp.db.url", "jdbc:postgresql://127.0.0.1:1/chatapp"));
    }

    @Test
    void wrongPasswordFailsFastWithTheDriversReasonAndLeavesNoThreads() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> Database.open(wrongPassword()))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("not-the-password")
                .hasMessageNotContaining(EmbeddedDatabase.PASSWORD);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(Threads.awaitGone(POOL_THREADS, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void wrongPasswordFailsWithStorageException() {
        assertThatThrownBy(() -> Database.open(wrongPassword()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("db_wrong_password");
    }

    @Test
    void unreachableDatabaseFailsFastAndLeavesNoThreads() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> Database.open(unreachable()))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("127.0.0.1:1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(Threads.awaitGone(POOL_THREADS, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void unreachableDatabaseFailsWithStorageException() {
        assertThatThrownBy(() -> Database.open(unreachable()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("db_unreachable");
    }

    @Test
    void failedMigrationClosesThePool() {
        postgres.execute("CREATE SCHEMA db_blocked AUTHORIZATION " + EmbeddedDatabase.USER);
        postgres.execute("CREATE TABLE db_blocked.plugin_node (unrelated INT)");
        postgres.execute("ALTER TABLE db_blocked.plugin_node OWNER TO " + EmbeddedDatabase.USER);

        assertThatThrownBy(() -> Database.open(postgres.settings("db_blocked")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("db_blocked");
        assertThat(Threads.awaitGone(POOL_THREADS, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void isReachableIsFalseOnceClosed() {
        Database database = Database.open(postgres.settings("db_closed"));
        assertThat(database.isReachable(2)).isTrue();

        database.close();

        assertThat(database.isReachable(2)).isFalse();
        assertThat(Threads.awaitGone(POOL_THREADS, Duration.ofSeconds(5))).isEmpty();
    }
}
