package io.chatapp.plugin.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.testing.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** {@link SchemaMigrator} on its own, against a real PostgreSQL, each test in a fresh schema. */
class SchemaMigratorTest {

    private static final AtomicInteger schemas = new AtomicInteger();
    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    /** A new, empty schema, and a data source of the plugin's role whose connections use it. */
    private static String freshSchema() {
        String schema = "migrator_" + schemas.incrementAndGet();
        postgres.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + EmbeddedDatabase.USER);
        return schema;
    }

    private static DataSource dataSource(String schema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        dataSource.setUser(EmbeddedDatabase.USER);
        dataSource.setPassword(EmbeddedDatabase.PASSWORD);
        dataSource.setCurrentSchema(schema);
        return dataSource;
    }

    private static List<String> tables(String schema) throws SQLException {
        return postgres.query("SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name",
                schema).stream().map(row -> (String) row.get(0)).toList();
    }

    @Test
    void migrationsAreNumberedFromOneInIncreasingOrder() {
        List<SchemaMigrator.Migration> migrations = SchemaMigrator.loadMigrations();

        assertThat(migrations).isNotEmpty();
        assertThat(migrations.get(0).version()).isEqualTo(1);
        for (int i = 0; i < migrations.size(); i++) {
            SchemaMigrator.Migration migration = migrations.get(i);
            // Gaps are allowed: features built in parallel reserve their numbers (groups' V8 may land before V7).
            assertThat(i == 0 || migration.version() > migrations.get(i - 1).version()).isTrue();
            assertThat(migration.sql()).isNotBlank();
            assertThat(migration.checksum()).matches("[0-9a-f]{64}");
        }
        assertThat(migrations.get(0).description()).isEqualTo("plugin nodes");
    }

    @Test
    void migrationFileNamesMustFollowTheConvention() {
        assertThat(SchemaMigrator.Migration.parse("V12__add_groups.sql", "SELECT 1").version()).isEqualTo(12);
        assertThat(SchemaMigrator.Migration.parse("V12__add_groups.sql", "SELECT 1").description())
                .isEqualTo("add groups");
        for (String bad : List.of("V1_plugin.sql", "1__plugin.sql", "V1__plugin.txt", "Vx__plugin.sql",
                "V1__plug-in.sql", "V1__.sql")) {
            assertThatThrownBy(() -> SchemaMigrator.Migration.parse(bad, "SELECT 1"))
                    .as(bad)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void checksumDependsOnTheSqlOnly() {
        String a = SchemaMigrator.Migration.parse("V1__a.sql", "CREATE TABLE t (x INT);").checksum();
        String b = SchemaMigrator.Migration.parse("V1__b.sql", "CREATE TABLE t (x INT);").checksum();
        String c = SchemaMigrator.Migration.parse("V1__a.sql", "CREATE TABLE t (x BIGINT);").checksum();

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void firstMigrateAppliesEveryMigrationInTheGivenSchema() throws SQLException {
        String schema = freshSchema();
        int latest = SchemaMigrator.loadMigrations().size();

        List<Integer> applied = new SchemaMigrator(dataSource(schema), schema).migrate();

        assertThat(applied).startsWith(1).hasSize(latest);
        assertThat(tables(schema)).contains("plugin_node", "schema_version");
        assertThat(tables("public")).doesNotContain("plugin_node", "schema_version");
        List<List<Object>> versions = postgres.query("SELECT version, description, checksum FROM " + schema
                + ".schema_version ORDER BY version");
        assertThat(versions).hasSize(latest);
        assertThat(versions.get(0).get(0)).isEqualTo(1);
        assertThat(versions.get(0).get(1)).isEqualTo("plugin nodes");
        assertThat(versions.get(0).get(2)).isEqualTo(SchemaMigrator.loadMigrations().get(0).checksum());
    }

    @Test
    void secondMigrateAppliesNothing() throws SQLException {
        String schema = freshSchema();
        SchemaMigrator migrator = new SchemaMigrator(dataSource(schema), schema);
        migrator.migrate();
        List<List<Object>> before = postgres.query("SELECT version, checksum, applied_at FROM " + schema + ".schema_version");

        assertThat(migrator.migrate()).isEmpty();
        assertThat(new SchemaMigrator(dataSource(schema), schema).migrate()).isEmpty();

        assertThat(postgres.query("SELECT version, checksum, applied_at FROM " + schema + ".schema_version"))
                .isEqualTo(before);
    }

    @Test
    void changedMigrationStopsMigrateNamingIt() throws SQLException {
        String schema = freshSchema();
        SchemaMigrator migrator = new SchemaMigrator(dataSource(schema), schema);
        migrator.migrate();
        postgres.execute("UPDATE " + schema + ".schema_version SET checksum = 'x' WHERE version = 1");

        assertThatThrownBy(migrator::migrate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V1")
                .hasMessageContaining(schema);
        assertThat(postgres.query("SELECT checksum FROM " + schema + ".schema_version WHERE version = 1"))
                .containsExactly(List.of("x"));
    }

    @Test
    void failingMigrationIsRolledBackEntirely() throws SQLException {
        String schema = freshSchema();
        // A table in the way makes V1's CREATE TABLE fail.
        postgres.execute("CREATE TABLE " + schema + ".plugin_node (something INT)");

        assertThatThrownBy(() -> new SchemaMigrator(dataSource(schema), schema).migrate())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("plugin_node");

        // Not even the version table stays behind: the next start-up begins from a clean slate.
        assertThat(tables(schema)).containsExactly("plugin_node");
        postgres.execute("DROP TABLE " + schema + ".plugin_node");
        assertThat(new SchemaMigrator(dataSource(schema), schema).migrate()).startsWith(1);
    }

    @Test
    void connectionIsReturnedInItsAutoCommitMode() throws SQLException {
        String schema = freshSchema();
        try (Connection connection = dataSource(schema).getConnection()) {
            DataSource single = new SingleConnectionDataSource(connection);

            new SchemaMigrator(single, schema).migrate();

            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    @Test
    void concurrentMigrationsApplyEachMigrationOnce() throws Exception {
        String schema = freshSchema();
        int nodes = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Callable<List<Integer>> node = () -> {
                    go.await();
                    return new SchemaMigrator(dataSource(schema), schema).migrate();
                };
                results.add(pool.submit(node));
            }
            go.countDown();

            List<Integer> appliedByAll = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                appliedByAll.addAll(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(appliedByAll).containsExactlyInAnyOrderElementsOf(
                    SchemaMigrator.loadMigrations().stream().map(SchemaMigrator.Migration::version).toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(postgres.query("SELECT count(*) FROM " + schema + ".schema_version").get(0).get(0))
                .isEqualTo((long) SchemaMigrator.loadMigrations().size());
    }

    /** Hands out one connection and never closes it, so a test can look at it afterwards. */
    private static final class SingleConnectionDataSource extends PGSimpleDataSource {

        private static final long serialVersionUID = 1L;
        private final transient Connection connection;

        SingleConnectionDataSource(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
