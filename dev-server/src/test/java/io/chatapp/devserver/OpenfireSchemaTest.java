package io.chatapp.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenfireSchemaTest {

    @Test
    void splitsStatementsOnLineEndingSemicolonsAndSkipsComments() {
        List<String> statements = OpenfireSchema.statements("""
                -- a comment; with a semicolon
                CREATE TABLE a (
                  x INTEGER
                );
                INSERT INTO a VALUES (1);
                """);
        assertThat(statements).containsExactly("CREATE TABLE a (\n  x INTEGER\n)", "INSERT INTO a VALUES (1)");
    }

    @Test
    void theBundledScriptCreatesOpenfiresTablesAndMarksTheSchemaVersion() throws Exception {
        String script;
        try (var in = OpenfireSchema.class.getResourceAsStream("/openfire/openfire_postgresql.sql")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> statements = OpenfireSchema.statements(script);
        long tables = statements.stream().filter(s -> s.startsWith("CREATE TABLE")).count();
        assertThat(tables).isGreaterThanOrEqualTo(33);
        assertThat(statements).anyMatch(s -> s.replace(" ", "").contains("('openfire',26)"));
        assertThat(statements).anyMatch(s -> s.contains("ofMucService") && s.startsWith("INSERT"));
    }
}
