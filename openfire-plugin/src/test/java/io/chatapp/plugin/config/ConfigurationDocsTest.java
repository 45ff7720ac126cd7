package io.chatapp.plugin.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps docs/configuration.md in step with {@link Settings#ALL} and the settings kept apart from it. */
class ConfigurationDocsTest {

    /** Every documented setting, in the order of the tables. */
    private static final List<Setting<?>> ALL = java.util.stream.Stream.of(Settings.ALL, S3Settings.ALL, CallSettings.ALL)
            .flatMap(List::stream).toList();

    /** Surefire runs with the module directory as working directory; the docs are beside the modules. */
    private static final Path DOCS = Path.of("..", "docs", "configuration.md");

    private static String text;
    /** Table rows keyed by the property in their first cell, each the list of its cells. */
    private static Map<String, List<String>> rows;

    @BeforeAll
    static void readDocs() throws IOException {
        assertThat(DOCS).as("docs/configuration.md next to the modules").isRegularFile();
        text = Files.readString(DOCS, StandardCharsets.UTF_8);
        rows = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("| `")) {
                continue;
            }
            List<String> cells = cells(trimmed);
            String property = cells.get(0).replace("`", "");
            assertThat(rows.put(property, cells)).as("row for " + property + " appears once").isNull();
        }
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.substring(1, row.length() - (row.endsWith("|") ? 1 : 0)).split("\\|")) {
            cells.add(cell.trim());
        }
        return cells;
    }

    /** How a default is written in the table: in backticks, an empty string as {@code ""}. */
    private static String documented(Object defaultValue) {
        String value = String.valueOf(defaultValue);
        return value.isEmpty() ? "`\"\"`" : "`" + value + "`";
    }

    @Test
    void everySettingAndItsDefaultAppear() {
        for (Setting<?> setting : ALL) {
            assertThat(text).as("docs mention " + setting.name()).contains(setting.name());
            assertThat(text).as("docs mention the default of " + setting.name())
                    .contains(String.valueOf(setting.defaultValue()));
        }
    }

    @Test
    void everySettingHasATableRowWithItsDefault() {
        for (Setting<?> setting : ALL) {
            assertThat(rows).as("table row for " + setting.name()).containsKey(setting.name());
            List<String> row = rows.get(setting.name());
            assertThat(row).as("cells of " + setting.name()).hasSize(4);
            assertThat(row.get(1)).as("default column of " + setting.name())
                    .startsWith(documented(setting.defaultValue()));
            assertThat(row.get(2)).as("allowed values of " + setting.name()).isNotBlank();
            assertThat(row.get(3)).as("description of " + setting.name()).contains(setting.description());
        }
    }

    @Test
    void tableDocumentsNoSettingThatDoesNotExist() {
        List<String> names = ALL.stream().map(Setting::name).toList();

        assertThat(rows.keySet()).containsExactlyElementsOf(names);
    }

    @Test
    void integerRangesInTheDocsMatchTheCode() {
        assertOutOfRangeRejected("chatapp.db.pool.size", rows.get("chatapp.db.pool.size").get(2), "1", "500");
        assertOutOfRangeRejected("chatapp.http.port", rows.get("chatapp.http.port").get(2), "0", "65535");
        assertOutOfRangeRejected("chatapp.http.threads", rows.get("chatapp.http.threads").get(2), "1", "512");
    }

    private static void assertOutOfRangeRejected(String name, String allowed, String min, String max) {
        assertThat(allowed).contains("from " + min + " to " + max);
        Map<String, String> atMin = Map.of(name, min);
        Map<String, String> atMax = Map.of(name, max);
        Settings.read(SettingsSource.of(atMin));
        Settings.read(SettingsSource.of(atMax));
        for (String outside : List.of(String.valueOf(Long.parseLong(min) - 1), String.valueOf(Long.parseLong(max) + 1))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> Settings.read(SettingsSource.of(Map.of(name, outside))))
                    .isInstanceOf(InvalidSettingException.class);
        }
    }

    @Test
    void docsSayWhenSettingsApplyAndThatThePasswordIsNeverLogged() {
        assertThat(text).contains("Openfire system properties").containsIgnoringCase("reload");
        assertThat(text).containsIgnoringCase("password is never logged");
    }
}
