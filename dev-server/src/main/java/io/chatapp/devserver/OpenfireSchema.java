package io.chatapp.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Openfire's own tables. Openfire's schema scripts are not published on Maven Central, so the dev server carries a
 * PostgreSQL script written from the statements Openfire 4.2.0 issues, and creates the tables before Openfire starts
 * (with {@code ofVersion('openfire', 26)} so Openfire's SchemaManager sees an up-to-date schema). Server settings go
 * into {@code ofProperty} before every start.
 */
final class OpenfireSchema {

    private static final String SCRIPT = "/openfire/openfire_postgresql.sql";

    private OpenfireSchema() {
    }

    /** Creates Openfire's tables with the given script unless they exist. */
    static void install(Connection connection, String script) throws SQLException {
        if (tableExists(connection, "ofversion")) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script)) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static void writeProperties(Connection connection, Map<String, String> properties) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO ofProperty (name, propValue) VALUES (?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET propValue = EXCLUDED.propValue")) {
            for (Map.Entry<String, String> property : properties.entrySet()) {
                upsert.setString(1, property.getKey());
                upsert.setString(2, property.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Splits the script on semicolons that end a line, skipping comment lines. */
    static java.util.List<String> statements(String script) {
        java.util.List<String> statements = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().trim();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }

    /** The dev server's script for Openfire 4.2.0. */
    static String bundledScript() {
        try (InputStream in = OpenfireSchema.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
